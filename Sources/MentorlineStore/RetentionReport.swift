package import Foundation
package import MentorlineCore

/// What the retention rule would erase at an instant (a preview), or erased (a run).
package struct RetentionReport: Hashable, Sendable {
    /// One case the rule erases (or would).
    package struct Erasure: Hashable, Sendable {
        package var caseID: CaseID
        package var closedAt: Date

        package init(caseID: CaseID, closedAt: Date) {
            self.caseID = caseID
            self.closedAt = closedAt
        }
    }

    /// A case that is due but keeps its data because messages still wait to be delivered.
    package struct HeldBack: Hashable, Sendable {
        package var caseID: CaseID
        package var closedAt: Date
        package var pendingMessages: Int

        package init(caseID: CaseID, closedAt: Date, pendingMessages: Int) {
            self.caseID = caseID
            self.closedAt = closedAt
            self.pendingMessages = pendingMessages
        }
    }

    /// The instant the rule was applied at.
    package var at: Date
    /// Cases closed at or before this instant are due.
    package var cutoff: Date
    /// Erased (or, in a preview, due), oldest closing first.
    package var erased: [Erasure]
    package var heldBack: [HeldBack]

    package init(at: Date, cutoff: Date, erased: [Erasure] = [], heldBack: [HeldBack] = []) {
        self.at = at
        self.cutoff = cutoff
        self.erased = erased
        self.heldBack = heldBack
    }
}
