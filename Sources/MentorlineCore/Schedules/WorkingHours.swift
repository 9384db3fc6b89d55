package import Foundation

/// Office hours in a time zone, such as Monday–Friday 08:00–16:00 in Copenhagen: the members of an
/// office-hours team are eligible only inside them.
///
/// An instant is inside when its wall-clock reading in `timeZone` is inside one of the windows (see
/// `WeeklyWindow` for what that means across midnight and DST changes). No windows: never inside.
package struct WorkingHours: Hashable, Sendable {
    package var timeZone: TimeZone
    package var windows: [WeeklyWindow]

    package init(timeZone: TimeZone, windows: [WeeklyWindow]) {
        self.timeZone = timeZone
        self.windows = windows
    }

    /// Whether `instant` is inside the working hours.
    package func contains(_ instant: Date) -> Bool {
        let local = LocalDateTime(instant, in: timeZone)
        return windows.contains { $0.contains(local) }
    }

    /// The first instant after `instant`, and no later than `instant + within`, at which the hours open
    /// (`contains` turns from false to true), or nil. When the hours are open at `instant` this is the
    /// next opening after they close; hours that never close never open again.
    package func nextOpening(after instant: Date, within: Duration) -> Date? {
        let limit = instant.addingTimeInterval(within.timeInterval)
        let coverage = WindowCoverage(windows: windows, timeZone: timeZone)
        var open = coverage.covers(instant)
        var position = instant
        // Each step lands on a run edge or an offset change, so a week is a handful of steps.
        while let change = coverage.nextChange(after: position), change <= limit {
            let opensHere = coverage.covers(change)
            if opensHere, !open { return change }
            open = opensHere
            position = change
        }
        return nil
    }
}
