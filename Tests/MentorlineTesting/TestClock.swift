package import Foundation
import Synchronization

/// A clock for the daemon that starts at a chosen instant, runs at real speed, and can be moved forward
/// by a test (`TestDaemon.advanceClock(by:)`), e.g. past a retention period.
package final class TestClock: Sendable {
    private let offset: Mutex<TimeInterval>

    package init(startingAt start: Date) {
        offset = Mutex(start.timeIntervalSince(Date()))
    }

    package func now() -> Date {
        Date().addingTimeInterval(offset.withLock { $0 })
    }

    /// Moves the clock forward (or, with a negative interval, back).
    package func advance(by interval: TimeInterval) {
        offset.withLock { $0 += interval }
    }
}
