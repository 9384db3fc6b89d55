/// A span of wall-clock time that recurs every week and may cross several days, such as Friday 12:00 to
/// Monday 08:00. It contains `from` and excludes `to`.
///
/// Like `WeeklyWindow`, a span is a set of wall-clock readings: readings skipped when clocks spring
/// forward never occur, and readings repeated when they fall back are inside (or outside) both times.
package struct WeeklySpan: Hashable, Sendable, CustomStringConvertible {
    package let from: WeekdayTime
    package let to: WeekdayTime

    /// Nil when `from == to`: such a span would be empty or the whole week, and neither is meant.
    package init?(from: WeekdayTime, to: WeekdayTime) {
        guard from != to else { return nil }
        self.from = from
        self.to = to
    }

    /// Parses both ends as `WeekdayTime` does (`fri 12:00`, `mon 08:00`); nil when either is malformed or they are equal.
    package init?(from: String, to: String) {
        guard let start = WeekdayTime(from), let end = WeekdayTime(to) else { return nil }
        self.init(from: start, to: end)
    }

    /// Whether the reading is inside the span (`from` inclusive, `to` exclusive).
    package func contains(_ local: LocalDateTime) -> Bool {
        let second = (local.date.isoWeekday - 1) * 86400 + local.secondsIntoDay
        let start = from.secondsIntoWeek
        let end = to.secondsIntoWeek
        // A span whose end comes earlier in the week than its start runs over the turn of the week.
        return start < end ? (start <= second && second < end) : (second >= start || second < end)
    }

    /// `fri 12:00–mon 08:00`.
    package var description: String { "\(from)–\(to)" }
}
