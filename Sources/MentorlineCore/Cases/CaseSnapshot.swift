package import Foundation

/// A case as the dispatcher sees it when deciding: read inside the transaction that writes the decision.
package struct CaseSnapshot: Hashable, Sendable {
    package var id: CaseID
    package var state: CaseState
    package var receivedAt: Date
    package var intake: CaseIntake
    package var progress: RoutingProgress?
    package var declinedBy: Set<MentorID>

    package init(id: CaseID, state: CaseState, receivedAt: Date, intake: CaseIntake, progress: RoutingProgress?, declinedBy: Set<MentorID>) {
        self.id = id
        self.state = state
        self.receivedAt = receivedAt
        self.intake = intake
        self.progress = progress
        self.declinedBy = declinedBy
    }
}
