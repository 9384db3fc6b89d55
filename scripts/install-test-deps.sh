#!/usr/bin/env bash
# Installs what the tests need beyond the build: python3 with the `icalendar` package, the standard
# iCalendar parser the feed tests read Mentorline's calendars back with.
set -euo pipefail

if ! command -v python3 >/dev/null 2>&1; then
    echo "Installing: python3 python3-pip" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq python3 python3-pip >/dev/null
fi
if ! python3 -c 'import icalendar' >/dev/null 2>&1; then
    echo "Installing: icalendar (PyPI)" >&2
    python3 -m pip install --quiet icalendar || python3 -m pip install --quiet --break-system-packages icalendar
fi
