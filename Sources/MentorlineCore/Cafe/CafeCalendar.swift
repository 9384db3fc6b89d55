package import Foundation

/// The café's iCalendar events: its sessions on open days, its talks, and a volunteer's bookings.
/// UIDs are stable across fetches (built from ids and start instants).
package enum CafeCalendar {
    /// One event per session on each open day in `from..<to`.
    package static func sessionEvents(_ cafe: Cafe, from: Date, to: Date, closures: [CafeClosure]) -> [CalendarEvent] {
        var events: [CalendarEvent] = []
        var date = cafe.date(of: from)
        while date <= cafe.date(of: to) {
            if cafe.closure(on: date, extra: closures) == nil {
                for session in cafe.sessions(on: date) {
                    let start = LocalDateTime(date: date, secondsIntoDay: session.from.secondsSinceMidnight).instant(in: cafe.timeZone)
                    let end = LocalDateTime(date: date, secondsIntoDay: session.to.secondsSinceMidnight).instant(in: cafe.timeZone)
                    guard end > from, start < to else { continue }
                    events.append(CalendarEvent(
                        uid: "\(cafe.id.rawValue)-session-\(Int(start.timeIntervalSince1970))@mentorline", start: start, end: end,
                        summary: "\(cafe.name): åben rådgivning", description: "Frivillige rådgiver om bl.a. gæld, økonomi og digital selvbetjening.",
                        location: cafe.address
                    ))
                }
            }
            date = date.adding(days: 1)
        }
        return events
    }

    package static func talkEvents(_ talks: some Sequence<Talk>, cafe: Cafe) -> [CalendarEvent] {
        talks.map { talk in
            let (start, end) = talk.interval(in: cafe.timeZone)
            return CalendarEvent(
                uid: "\(cafe.id.rawValue)-talk-\(talk.id.rawValue)@mentorline", start: start, end: end, summary: "Oplæg: \(talk.title)",
                description: "\(talk.seats) pladser", location: cafe.address
            )
        }
    }

    /// A volunteer's booking: the case reference and topics, the citizen's name only when given.
    package static func bookingEvent(_ booking: CafeBooking, cafe: Cafe, topics: String?, language: LanguageCode?, citizen: String?) -> CalendarEvent {
        var description = "Sag \(booking.caseID.rawValue), booking \(booking.id.rawValue)"
        if let topics, !topics.isEmpty { description += ". Emner: \(topics)" }
        if let language, language != .danish { description += ". Sprog: \(language)" }
        return CalendarEvent(
            uid: "\(booking.id.rawValue)@mentorline", start: booking.start, end: booking.end,
            summary: "Rådgivning" + (citizen.map { ": \($0)" } ?? " (sag \(booking.caseID.rawValue))"), description: description,
            location: "\(cafe.name), \(cafe.address)", status: "CONFIRMED"
        )
    }
}
