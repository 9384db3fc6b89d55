/// A weekly opening of a café: every `weekday` from `from` to `to` on the café's wall clock
/// (Tuesday 13:00–16:00). Sessions do not run past midnight.
package struct CafeSession: Hashable, Sendable {
    package var weekday: Weekday
    package var from: WallClockTime
    package var to: WallClockTime

    package init(weekday: Weekday, from: WallClockTime, to: WallClockTime) {
        self.weekday = weekday
        self.from = from
        self.to = to
    }

    /// Whether the wall-clock span `start..<end` on a day of this session's weekday lies inside it.
    package func contains(from start: WallClockTime, to end: WallClockTime) -> Bool {
        start >= from && end <= to && start < end
    }

    /// `tue 13:00–16:00`.
    package var description: String { "\(weekday.abbreviation) \(from)–\(to)" }
}
