#!/usr/bin/env bash
# Builds Mentorline and runs it on the shipped Config/ with an embedded SQLite database in ./var,
# together with a local webhook receiver on 127.0.0.1:8099 that verifies and prints every message.
# Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
swift build --product mentorlined
swift build --product mentorctl
bin="$(swift build --show-bin-path)"

"$bin/mentorctl" check-config Config
"$bin/mentorctl" listen --listen 127.0.0.1:8099 --secret-file Config/secrets/webhook-dev.secret &
listener=$!
trap 'kill "$listener" 2>/dev/null || true' EXIT INT TERM

"$bin/mentorlined" --config Config --state var --listen 127.0.0.1:8080
