package import Foundation

/// One write the store must make. Planners in Core return lists of these; the store applies a list
/// in one transaction, so a decision, its audit entries, its timers and its messages land together.
package enum CaseChange: Hashable, Sendable {
    case insertTask(MentorTask)
    case updateTask(MentorTask)
    /// Set the case's state, and its routing progress when given.
    case updateCase(CaseID, state: CaseState, progress: RoutingProgress?)
    case appendEvent(CaseID, CaseEvent)
    case enqueue(MessageDraft)
    /// Expire the offer `task` of the case at `due` unless it is answered before.
    case scheduleOfferExpiry(caseID: CaseID, task: TaskID, due: Date)
    case cancelOfferExpiry(task: TaskID)
}
