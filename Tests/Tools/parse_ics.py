#!/usr/bin/env python3
"""Parse an iCalendar file with the `icalendar` package and print its events as JSON.

Used by MentorlineCoreTests (ICalendarTests) to check that feeds written by Mentorline parse back in an
independent implementation. Usage: python3 Tests/Tools/parse_ics.py FILE

Prints {"name": X-WR-CALNAME, "events": [{uid, start, end, summary, description, location, url, status}]}
with start/end in UTC ISO 8601 (2026-03-29T06:00:00Z). Exits 3 when `icalendar` is not installed.
"""
import json
import re
import sys
from datetime import timezone

try:
    import icalendar
except ImportError:
    print("the Python package 'icalendar' is missing: pip install icalendar", file=sys.stderr)
    sys.exit(3)


def utc(value):
    moment = value.dt
    if moment.tzinfo is None:
        raise ValueError(f"expected a UTC date-time, got a floating one: {moment!r}")
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def text(component, name):
    value = component.get(name)
    return None if value is None else str(value)


def x_text(component, name):
    """An X- property: TEXT by default (RFC 5545 section 3.8.8.2), but icalendar keeps unknown
    properties raw, so undo the TEXT escapes here."""
    value = component.get(name)
    if value is None:
        return None
    raw = value.to_ical().decode("utf-8") if hasattr(value, "to_ical") else str(value)
    return re.sub(r"\\([\\,;nN])", lambda match: "\n" if match.group(1) in "nN" else match.group(1), raw)


def main():
    if len(sys.argv) != 2:
        print("usage: parse_ics.py FILE", file=sys.stderr)
        sys.exit(2)
    with open(sys.argv[1], "rb") as handle:
        calendar = icalendar.Calendar.from_ical(handle.read())
    events = [
        {
            "uid": text(event, "UID"),
            "start": utc(event["DTSTART"]),
            "end": utc(event["DTEND"]),
            "summary": text(event, "SUMMARY"),
            "description": text(event, "DESCRIPTION"),
            "location": text(event, "LOCATION"),
            "url": text(event, "URL"),
            "status": text(event, "STATUS"),
        }
        for event in calendar.walk("VEVENT")
    ]
    print(json.dumps({"name": x_text(calendar, "X-WR-CALNAME"), "events": events}, ensure_ascii=False))


if __name__ == "__main__":
    main()
