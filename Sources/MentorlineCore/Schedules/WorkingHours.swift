package import Foundation

// INTERIM: replaced by the schedule helper's implementation.
package struct WorkingHours: Hashable, Sendable {
    package var timeZone: TimeZone
    package var windows: [WeeklyWindow]

    package init(timeZone: TimeZone, windows: [WeeklyWindow]) {
        self.timeZone = timeZone
        self.windows = windows
    }

    package func contains(_ instant: Date) -> Bool {
        let local = LocalDateTime(instant, in: timeZone)
        return windows.contains { $0.contains(local) }
    }

    package func nextOpening(after instant: Date, within: Duration) -> Date? {
        let limit = instant.addingTimeInterval(TimeInterval(within.components.seconds))
        var t = instant.addingTimeInterval(60)
        var was = contains(instant)
        while t <= limit {
            let now = contains(t)
            if now && !was { return t }
            was = now
            t += 60
        }
        return nil
    }
}
