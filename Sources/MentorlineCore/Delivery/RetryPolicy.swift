package import Foundation

/// When to try a failed delivery again: a fixed schedule of growing delays (5 s, 5 min, 30 min, …),
/// each spread by jitter so that a receiver coming back up is not hit by every message at once, and
/// stretched when the receiver asks for more time with `Retry-After`.
package struct RetryPolicy: Hashable, Sendable {
    /// The delay before retry *n* follows the *n*th failed attempt; after the last one the message is dead.
    package var delays: [Duration]
    /// The fraction (0…1) by which a delay may be shortened or lengthened at random.
    package var jitter: Double
    /// The longest wait a `Retry-After` can impose.
    package var maximumRetryAfter: Duration

    package init(delays: [Duration], jitter: Double = 0.1, maximumRetryAfter: Duration = .seconds(86_400)) {
        self.delays = delays
        self.jitter = min(max(jitter, 0), 1)
        self.maximumRetryAfter = maximumRetryAfter
    }

    /// The schedule the architecture names: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h.
    package static let standard = RetryPolicy(delays: [.seconds(5), .seconds(300), .seconds(1800), .seconds(7200), .seconds(18_000), .seconds(36_000), .seconds(36_000)])

    /// The total number of attempts a message gets.
    package var maximumAttempts: Int { delays.count + 1 }

    /// When to make the next attempt after `failedAttempts` attempts have failed (1 after the first),
    /// or nil when the message has had all its attempts and is dead.
    ///
    /// - Parameter randomUnit: a value in 0…1 from the caller's random source (0.5 means no jitter).
    package func nextAttempt(afterFailedAttempts failedAttempts: Int, now: Date, retryAfter: Duration?, randomUnit: Double) -> Date? {
        guard failedAttempts >= 1, failedAttempts <= delays.count else { return nil }
        let base = delays[failedAttempts - 1].timeInterval
        let spread = 1 + jitter * (min(max(randomUnit, 0), 1) * 2 - 1)
        var wait = base * spread
        if let retryAfter {
            wait = max(wait, min(retryAfter.timeInterval, maximumRetryAfter.timeInterval))
        }
        return now.addingTimeInterval(wait)
    }
}

extension Duration {
    /// The duration in seconds, as Foundation counts time.
    package var timeInterval: TimeInterval {
        let parts = components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}

extension Date {
    package static func + (lhs: Date, rhs: Duration) -> Date { lhs.addingTimeInterval(rhs.timeInterval) }
}
