package import Foundation

/// When a letter may go out under the letter policy, and why it was moved there.
package struct LetterSchedule: Hashable, Sendable {
    /// The first allowed instant at or after the one asked about.
    package var at: Date
    /// Why the instant asked about was held; nil when it was allowed (and `at` is that instant).
    package var heldBy: HoldReason?

    package init(at: Date, heldBy: HoldReason?) {
        self.at = at
        self.heldBy = heldBy
    }
}
