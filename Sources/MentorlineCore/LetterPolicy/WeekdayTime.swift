/// A wall-clock time on a day of the week, written `fri 12:00` in configuration.
package struct WeekdayTime: Hashable, Sendable, CustomStringConvertible {
    package var weekday: Weekday
    package var time: WallClockTime

    package init(_ weekday: Weekday, _ time: WallClockTime) {
        self.weekday = weekday
        self.time = time
    }

    /// Parses `fri 12:00`: a weekday abbreviation (any case), one space, `HH:MM`.
    package init?(_ text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2, let weekday = Weekday(abbreviation: String(parts[0])), let time = WallClockTime(String(parts[1])) else {
            return nil
        }
        self.init(weekday, time)
    }

    /// Seconds since Monday 00:00 of the week (wall-clock time).
    package var secondsIntoWeek: Int { (weekday.rawValue - 1) * 86400 + time.secondsSinceMidnight }

    package var description: String { "\(weekday.abbreviation) \(time)" }
}
