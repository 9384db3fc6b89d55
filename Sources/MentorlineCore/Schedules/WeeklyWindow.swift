/// A recurring window of wall-clock time on some weekdays, such as Monday–Friday 08:00–16:00.
///
/// `days` names the weekdays a window *starts* on. When `to` is earlier than `from` the window runs
/// past midnight into the next day (Friday 22:00–06:00 ends Saturday 06:00); when they are equal the
/// window covers the whole day.
package struct WeeklyWindow: Hashable, Sendable {
    package var days: Set<Weekday>
    package var from: WallClockTime
    package var to: WallClockTime

    package init(days: Set<Weekday>, from: WallClockTime, to: WallClockTime) {
        self.days = days
        self.from = from
        self.to = to
    }
}
