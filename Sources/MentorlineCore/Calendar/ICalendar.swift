package import Foundation

/// A published iCalendar (RFC 5545) feed that calendar applications subscribe to: one VCALENDAR with
/// the events in UTC, so no VTIMEZONE is needed.
package struct ICalendarFeed: Sendable {
    /// Shown as the calendar's name (`X-WR-CALNAME`).
    package var name: String
    package var events: [CalendarEvent]

    package init(name: String, events: [CalendarEvent]) {
        self.name = name
        self.events = events
    }

    /// The feed as an RFC 5545 document: CRLF line endings, TEXT values escaped, lines folded at 75
    /// octets. `stamp` is every event's DTSTAMP: when this rendering was made.
    package func rendered(stamp: Date) -> String {
        var lines: [ContentLine] = [
            ContentLine("BEGIN", "VCALENDAR"),
            ContentLine("VERSION", "2.0"),
            ContentLine("PRODID", "-//Mentorline//Mentorline//DA"),
            ContentLine("CALSCALE", "GREGORIAN"),
            ContentLine("METHOD", "PUBLISH"),
            ContentLine("X-WR-CALNAME", text: name),
        ]
        for event in events {
            lines.append(ContentLine("BEGIN", "VEVENT"))
            lines.append(ContentLine("UID", text: event.uid))
            lines.append(ContentLine("DTSTAMP", utc: stamp))
            lines.append(ContentLine("DTSTART", utc: event.start))
            lines.append(ContentLine("DTEND", utc: event.end))
            lines.append(ContentLine("SUMMARY", text: event.summary))
            if let description = event.description { lines.append(ContentLine("DESCRIPTION", text: description)) }
            if let location = event.location { lines.append(ContentLine("LOCATION", text: location)) }
            if let url = event.url { lines.append(ContentLine("URL", uri: url)) }
            if let status = event.status { lines.append(ContentLine("STATUS", text: status)) }
            lines.append(ContentLine("END", "VEVENT"))
        }
        lines.append(ContentLine("END", "VCALENDAR"))
        return lines.map(\.folded).joined()
    }
}
