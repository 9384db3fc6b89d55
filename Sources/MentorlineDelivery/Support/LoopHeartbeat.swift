import Synchronization

/// When a service loop (dispatcher, deliverer) last went round, on the monotonic clock, so readiness and
/// the systemd watchdog can tell a loop that is idle from one that ended or hangs.
///
/// A loop beats at the top of every round and never sleeps longer than ``longestIdle`` (see
/// ``capped(_:)``), so an idle loop still beats twice a minute; one not seen for ``stalledAfter`` is
/// stuck, e.g. in a call that never returns.
package final class LoopHeartbeat: Sendable {
    /// What a loop looks like from outside.
    package enum Status: Hashable, Sendable {
        /// It went round within ``stalledAfter``.
        case running
        /// It has not started, or it has ended.
        case stopped
        /// It started but has not gone round for this long.
        case stalled(Duration)
    }

    /// The longest a loop waits for work before going round anyway.
    package static let longestIdle: Duration = .seconds(30)
    /// A loop not seen for this long counts as stalled: four idle waits, or a store busy far beyond its timeout.
    package static let stalledAfter: Duration = .seconds(120)

    private let last = Mutex<ContinuousClock.Instant?>(nil)
    private let clock: @Sendable () -> ContinuousClock.Instant

    /// - Parameter clock: the monotonic time now; a test passes its own.
    package init(clock: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.clock = clock
    }

    /// The loop is going round now.
    package func beat() { last.withLock { $0 = clock() } }

    /// The loop has ended.
    package func stop() { last.withLock { $0 = nil } }

    package var status: Status {
        guard let last = last.withLock({ $0 }) else { return .stopped }
        let silent = clock() - last
        return silent < Self.stalledAfter ? .running : .stalled(silent)
    }

    package var isRunning: Bool { status == .running }

    /// `deadline`, or ``longestIdle`` from now if that is sooner or there is none.
    package func capped(_ deadline: ContinuousClock.Instant?) -> ContinuousClock.Instant {
        let latest = clock() + Self.longestIdle
        guard let deadline else { return latest }
        return min(deadline, latest)
    }
}
