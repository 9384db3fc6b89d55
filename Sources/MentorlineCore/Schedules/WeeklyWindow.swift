/// A recurring window of wall-clock time on some weekdays, such as Monday–Friday 08:00–16:00.
///
/// `days` names the weekdays a window *starts* on. When `to` is earlier than `from` the window runs
/// past midnight into the next day (Friday 22:00–06:00 ends Saturday 06:00); when they are equal the
/// window lasts a whole day of wall-clock time from `from` (00:00–00:00 is the calendar day, Saturday
/// 08:00–08:00 ends Sunday 08:00).
///
/// A window is a set of wall-clock *readings*: an instant is inside when the clock on the wall shows a
/// time inside the window. On the night clocks spring forward, readings in the skipped hour never occur,
/// so a window 02:00–03:00 covers nothing that night and a window 02:30–05:00 begins when the clocks jump
/// to 03:00. On the night they fall back, readings in the repeated hour occur twice and are inside both
/// times, so a window 02:00–03:00 lasts two hours.
package struct WeeklyWindow: Hashable, Sendable {
    package var days: Set<Weekday>
    package var from: WallClockTime
    package var to: WallClockTime

    package init(days: Set<Weekday>, from: WallClockTime, to: WallClockTime) {
        self.days = days
        self.from = from
        self.to = to
    }

    /// Whether the wall-clock reading falls inside the window (`from` inclusive, `to` exclusive).
    package func contains(_ local: LocalDateTime) -> Bool {
        let time = local.secondsIntoDay
        let start = from.secondsSinceMidnight
        let end = to.secondsSinceMidnight
        if start < end {
            return days.contains(Weekday(local.date)) && time >= start && time < end
        }
        // Runs past midnight (or, when equal, for exactly 24 hours): the part after `from` today, or the
        // part before `to` of an occurrence that started yesterday.
        return (days.contains(Weekday(local.date)) && time >= start)
            || (days.contains(Weekday(local.date.adding(days: -1))) && time < end)
    }

    /// The first wall-clock reading strictly after `local` at which an occurrence of this window starts
    /// (`from` on one of `days`), or nil when `days` is empty. The reading may not exist in a given time
    /// zone (spring forward); see the type's documentation for how such readings behave.
    package func nextStart(after local: LocalDateTime) -> LocalDateTime? {
        let start = from.secondsSinceMidnight
        for offset in 0...7 {
            let date = local.date.adding(days: offset)
            guard days.contains(Weekday(date)), offset > 0 || start > local.secondsIntoDay else { continue }
            return LocalDateTime(date: date, secondsIntoDay: start)
        }
        return nil
    }

    /// How long one occurrence lasts in wall-clock seconds (24 hours when `from == to`).
    package var wallClockLength: Int {
        let length = to.secondsSinceMidnight - from.secondsSinceMidnight
        return length > 0 ? length : length + 86400
    }
}
