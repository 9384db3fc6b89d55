/// The hours of every day in which letters may go out, such as 08:00–17:00: `from` inclusive, `to`
/// exclusive, both on the same day.
package struct DailyWindow: Hashable, Sendable, CustomStringConvertible {
    package let from: WallClockTime
    package let to: WallClockTime

    /// Nil unless `to` is after `from`: the window cannot be empty or run past midnight.
    package init?(from: WallClockTime, to: WallClockTime) {
        guard from < to else { return nil }
        self.from = from
        self.to = to
    }

    /// Whether the reading's time of day is inside the window.
    package func contains(_ local: LocalDateTime) -> Bool {
        from.secondsSinceMidnight <= local.secondsIntoDay && local.secondsIntoDay < to.secondsSinceMidnight
    }

    /// `08:00–17:00`.
    package var description: String { "\(from)–\(to)" }
}
