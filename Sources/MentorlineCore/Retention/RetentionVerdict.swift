package import Foundation

/// What the retention rule says about one case at one instant.
package enum RetentionVerdict: Hashable, Sendable {
    /// Closed longer ago than the period, nothing left to deliver: erase its personal data now.
    case erase
    /// Still open (never closed, or reopened): kept, however old.
    case open
    /// Closed, but the period has not passed: kept until then.
    case keep(until: Date)
    /// Due, but messages are still waiting to be delivered: kept until a run after they are.
    case deliveryPending(messages: Int)
    /// Erased before: nothing more to do.
    case alreadyErased(at: Date)
}
