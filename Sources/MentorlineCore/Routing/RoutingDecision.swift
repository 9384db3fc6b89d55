package import Foundation

/// What the dispatcher must do with a case.
package enum RoutingDecision: Hashable, Sendable {
    /// Offer the case to `mentor` until `deadline`.
    case offer(Offer)
    /// Nobody is left to offer it to.
    case unroutable(reason: String, progress: RoutingProgress?, ranking: [CandidateAssessment])

    package struct Offer: Hashable, Sendable {
        package var mentor: MentorID
        /// The progress to store with the case, with `mentor` recorded as offered.
        package var progress: RoutingProgress
        package var deadline: Date
        /// Whether this offer moved the case to a later level or round than before.
        package var escalated: Bool
        package var ranking: [CandidateAssessment]
    }
}
