package import Foundation

/// A durable deadline, stored with the case: after a restart or downtime, overdue timers fire once
/// each, in due order, and a fired timer is deleted in the transaction that acts on it.
package struct CaseTimer: Hashable, Sendable {
    package var kind: TimerKind
    package var caseID: CaseID
    package var task: TaskID?
    /// For `notifyStep`: the index into the mentor's contact methods.
    package var step: Int?
    package var due: Date

    package init(kind: TimerKind, caseID: CaseID, task: TaskID? = nil, step: Int? = nil, due: Date) {
        self.kind = kind
        self.caseID = caseID
        self.task = task
        self.step = step
        self.due = due
    }
}

package enum TimerKind: String, Codable, Sendable, CaseIterable, Hashable {
    /// An offer's acknowledgement deadline.
    case offerExpiry = "offer_expiry"
    /// The next contact method of an offer that is still open (SMS after five minutes).
    case notifyStep = "notify_step"
    /// The end of a wait for the contact person or the next opening.
    case waitOver = "wait_over"
    /// Shortly before the caller's callback promise falls due.
    case promiseCheck = "promise_check"
}
