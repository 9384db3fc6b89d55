package import Foundation

// INTERIM: replaced by the schedule helper's implementation.
package struct CalendarEvent: Hashable, Sendable {
    package var uid: String
    package var start: Date
    package var end: Date
    package var summary: String
    package var description: String?
    package var location: String?
    package var url: String?
    package var status: String?
    package init(uid: String, start: Date, end: Date, summary: String, description: String? = nil, location: String? = nil, url: String? = nil, status: String? = nil) {
        self.uid = uid; self.start = start; self.end = end; self.summary = summary; self.description = description; self.location = location; self.url = url; self.status = status
    }
}

package struct ICalendarFeed: Sendable {
    package var name: String
    package var events: [CalendarEvent]
    package init(name: String, events: [CalendarEvent]) { self.name = name; self.events = events }
    package func rendered(stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Mentorline//Mentorline//DA", "X-WR-CALNAME:\(name)"]
        for e in events { lines += ["BEGIN:VEVENT", "UID:\(e.uid)", "SUMMARY:\(e.summary)", "END:VEVENT"] }
        lines.append("END:VCALENDAR")
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

extension Schedule {
    package func calendarEvents(shifts: [Shift], mentorNames: [MentorID: String]) -> [CalendarEvent] {
        shifts.map { CalendarEvent(uid: "\(id)-\(Int($0.start.timeIntervalSince1970))-\($0.mentor)@mentorline", start: $0.start, end: $0.end, summary: "\(name): \(mentorNames[$0.mentor] ?? $0.mentor.rawValue)") }
    }
}
