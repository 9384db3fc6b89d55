package import Foundation

/// One event of an iCalendar feed (a VEVENT), in the terms a calendar application shows.
package struct CalendarEvent: Hashable, Sendable {
    /// Globally unique and stable: the same event in a later fetch carries the same UID, so calendar
    /// applications update it instead of adding a copy.
    package var uid: String
    package var start: Date
    package var end: Date
    package var summary: String
    package var description: String?
    package var location: String?
    package var url: String?
    /// `TENTATIVE`, `CONFIRMED` or `CANCELLED` (RFC 5545 §3.8.1.11).
    package var status: String?

    package init(
        uid: String, start: Date, end: Date, summary: String, description: String? = nil, location: String? = nil, url: String? = nil,
        status: String? = nil
    ) {
        self.uid = uid
        self.start = start
        self.end = end
        self.summary = summary
        self.description = description
        self.location = location
        self.url = url
        self.status = status
    }
}
