package import Foundation

/// A job that runs once a day at a wall-clock time in a time zone (`03:30` in Europe/Copenhagen), and
/// catches up at start when the daemon was down at that time.
///
/// Pure: "now" and the last run are parameters.
package struct DailyRun: Hashable, Sendable {
    package var at: WallClockTime
    package var timeZone: TimeZone

    package init(at: WallClockTime, timeZone: TimeZone) {
        self.at = at
        self.timeZone = timeZone
    }

    /// The run's instant on a local date. On a spring-forward day a time in the skipped hour is read with
    /// the later offset (02:30 becomes 03:30); in the repeated autumn hour the earlier instant is used.
    package func instant(on date: LocalDate) -> Date {
        LocalDateTime(date: date, secondsIntoDay: at.secondsSinceMidnight).instant(in: timeZone)
    }

    /// The latest scheduled instant at or before `now`.
    package func latest(atOrBefore now: Date) -> Date {
        let today = LocalDateTime(now, in: timeZone).date
        // Two days back covers any offset change between a day's run and now.
        for offset in 0...2 {
            let candidate = instant(on: today.adding(days: -offset))
            if candidate <= now { return candidate }
        }
        return instant(on: today.adding(days: -3))
    }

    /// The first scheduled instant after `now`.
    package func next(after now: Date) -> Date {
        let today = LocalDateTime(now, in: timeZone).date
        for offset in 0...2 {
            let candidate = instant(on: today.adding(days: offset))
            if candidate > now { return candidate }
        }
        return instant(on: today.adding(days: 3))
    }

    /// Whether a run is owed at `now`: never run, or the last run was before the latest scheduled
    /// instant (the daemon was down then, or it is that time now).
    package func isDue(lastRun: Date?, now: Date) -> Bool {
        guard let lastRun else { return true }
        return lastRun < latest(atOrBefore: now)
    }
}
