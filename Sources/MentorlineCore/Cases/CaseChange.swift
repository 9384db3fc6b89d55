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
    case schedule(CaseTimer)
    /// Drop every timer of the task (its expiry and pending contact methods).
    case cancelTaskTimers(TaskID)
    /// Drop the case's timers of one kind.
    case cancelCaseTimers(CaseID, kind: TimerKind)
    /// Make `mentor` the contact person for `subject`, or clear it when nil.
    case setContactPerson(ContactSubject, MentorID?, by: String)
    /// Record when the caller was promised contact.
    case setPromise(CaseID, Date)
    /// Book a café slot (the store refuses a second active booking of one volunteer's slot).
    case insertBooking(CafeBooking)
    /// Move, cancel or mark a booking.
    case updateBooking(CafeBooking)
    /// Drop the case's messages of `event` that are still waiting to go (a cancelled booking's reminder).
    case withdrawPendingMessages(CaseID, EventType)
    /// Drop the case's messages of `event` about `subject` that are still waiting to go (the reminder of
    /// one cancelled talk registration, not those of the case's other talks).
    case withdrawPendingMessagesAbout(CaseID, EventType, subject: String)
    /// A seat or a waiting-list place at a talk.
    case insertRegistration(TalkRegistration)
    /// A registration moved up or cancelled.
    case updateRegistration(TalkRegistration)
}
