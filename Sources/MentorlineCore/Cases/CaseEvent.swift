package import Foundation

/// One entry of a case's append-only audit trail: what happened, when, who did it and why.
package struct CaseEvent: Hashable, Sendable, Codable {
    package var at: Date
    package var kind: CaseEventKind
    /// `system`, `intake:<token name>`, `mentor:<id>`, `admin:<token name>`.
    package var actor: String
    package var detail: CaseEventDetail

    package init(at: Date, kind: CaseEventKind, actor: String, detail: CaseEventDetail = CaseEventDetail()) {
        self.at = at
        self.kind = kind
        self.actor = actor
        self.detail = detail
    }
}

package enum CaseEventKind: String, Codable, Sendable, CaseIterable, Hashable {
    case received
    case routed
    case offered
    case declined
    case offerExpired = "offer_expired"
    case escalated
    case accepted
    case resolved
    case unroutable
}

/// The facts behind an event; which fields are set depends on the kind.
package struct CaseEventDetail: Hashable, Sendable, Codable {
    package var route: RouteID?
    package var policy: PolicyID?
    package var task: TaskID?
    package var mentor: MentorID?
    package var level: Int?
    package var round: Int?
    package var deadline: Date?
    package var reason: String?
    /// For offers: every candidate considered, in rank order, with the reasons.
    package var ranking: [CandidateAssessment]?

    package init(
        route: RouteID? = nil, policy: PolicyID? = nil, task: TaskID? = nil, mentor: MentorID? = nil, level: Int? = nil,
        round: Int? = nil, deadline: Date? = nil, reason: String? = nil, ranking: [CandidateAssessment]? = nil
    ) {
        self.route = route
        self.policy = policy
        self.task = task
        self.mentor = mentor
        self.level = level
        self.round = round
        self.deadline = deadline
        self.reason = reason
        self.ranking = ranking
    }
}
