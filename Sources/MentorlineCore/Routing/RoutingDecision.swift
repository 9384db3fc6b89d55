package import Foundation

/// What the dispatcher must do with a case.
package enum RoutingDecision: Hashable, Sendable {
    /// Offer the case to one mentor (sequential) or several at once (simultaneous) until `deadline`.
    case offer(Offer)
    /// Hold the case until `until`, then route it again.
    case wait(Wait)
    /// Nobody is left to offer it to.
    case unroutable(reason: String, progress: RoutingProgress?, ranking: [CandidateAssessment])

    package struct Offer: Hashable, Sendable {
        /// Best first; one mentor for a sequential level.
        package var mentors: [MentorID]
        /// The progress to store with the case, with `mentors` recorded as offered.
        package var progress: RoutingProgress
        package var deadline: Date
        package var strategy: OfferStrategy
        /// Whether this offer moved the case to a later level or round than before.
        package var escalated: Bool
        package var ranking: [CandidateAssessment]
    }

    package struct Wait: Hashable, Sendable {
        package var until: Date
        /// What the caller is promised: `until` plus the first level's acknowledgement timeout, the
        /// time the mentor then has to take the case.
        package var promise: Date
        package var reason: WaitReason
        package var progress: RoutingProgress
        package var ranking: [CandidateAssessment]
    }
}

/// Why a case waits instead of being offered now.
package enum WaitReason: Hashable, Sendable {
    /// Its contact person is off duty and comes back on at `until`.
    case contactPerson(MentorID)
    /// Nobody the policy names is on duty until `until` (nights, weekends).
    case nextOpening

    /// The reason as the audit trail words it.
    package var description: String {
        switch self {
        case .contactPerson(let mentor): "waiting for contact person \(mentor), who is off duty until their next shift"
        case .nextOpening: "nobody the policy names is on duty now; waiting for the next opening"
        }
    }
}
