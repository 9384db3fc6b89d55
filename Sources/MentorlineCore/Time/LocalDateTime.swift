package import Foundation

/// An instant as read on a wall clock in some time zone.
package struct LocalDateTime: Hashable, Sendable, Comparable {
    package var date: LocalDate
    /// Seconds since local midnight (0..<86400).
    package var secondsIntoDay: Int

    package init(date: LocalDate, secondsIntoDay: Int) {
        self.date = date
        self.secondsIntoDay = secondsIntoDay
    }

    /// The wall-clock reading of `instant` in `timeZone`.
    package init(_ instant: Date, in timeZone: TimeZone) {
        let local = Int(floor(instant.timeIntervalSince1970)) + timeZone.secondsFromGMT(for: instant)
        let days = local >= 0 ? local / 86400 : (local - 86399) / 86400
        self.date = LocalDate(dayNumber: days)
        self.secondsIntoDay = local - days * 86400
    }

    /// The instant this wall-clock reading names in `timeZone`. In the hour skipped by a spring-forward
    /// change the reading does not exist and the later offset is used (02:30 becomes 03:30); in the
    /// repeated autumn hour the earlier instant is chosen.
    package func instant(in timeZone: TimeZone) -> Date {
        let local = TimeInterval(date.dayNumber * 86400 + secondsIntoDay)
        // Try the offsets in force a day either side; the first that maps back to this reading wins.
        let probes = [local - 86400, local + 86400].map { timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: $0)) }
        for offset in Set(probes).sorted(by: >) {
            let candidate = Date(timeIntervalSince1970: local - TimeInterval(offset))
            if timeZone.secondsFromGMT(for: candidate) == offset { return candidate }
        }
        // In a spring-forward gap no offset maps back: reading the time with the offset in force before
        // the change lands the same distance past the gap (02:30 becomes 03:30).
        return Date(timeIntervalSince1970: local - TimeInterval(probes[0]))
    }

    package static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.date, lhs.secondsIntoDay) < (rhs.date, rhs.secondsIntoDay)
    }
}
