#!/usr/bin/env bash
# Runs the whole test suite: unit tests of the pure core, config and store tests, and integration
# tests that start the real daemon with a real local webhook sink.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/install-test-deps.sh
swift build --build-tests
swift test --skip-build "$@"
