package import Foundation

/// What the retention rule needs to know about one case.
package struct RetentionCandidate: Hashable, Sendable {
    package var caseID: CaseID
    package var state: CaseState
    /// When the case last closed (resolved or cancelled); nil while it has never closed, and cleared
    /// when it is reopened.
    package var closedAt: Date?
    /// When its personal data was erased, if it was.
    package var erasedAt: Date?
    /// Messages of the case still waiting for delivery.
    package var pendingMessages: Int

    package init(caseID: CaseID, state: CaseState, closedAt: Date?, erasedAt: Date? = nil, pendingMessages: Int = 0) {
        self.caseID = caseID
        self.state = state
        self.closedAt = closedAt
        self.erasedAt = erasedAt
        self.pendingMessages = pendingMessages
    }
}
