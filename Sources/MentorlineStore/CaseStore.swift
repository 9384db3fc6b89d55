package import Foundation
package import MentorlineCore

/// What the daemon's services need from durable storage. The SQLite implementation serves one machine;
/// the same protocol is the seam for a PostgreSQL implementation serving several.
///
/// Every method is one transaction: what it writes lands whole or not at all.
package protocol CaseStore: Sendable {
    /// Store a batch of intakes in one transaction (group commit); one outcome per submission, in order.
    func commitIntakes(_ submissions: [IntakeSubmission]) async throws -> [IntakeOutcome]

    /// The case with its audit trail, tasks and messages, or nil.
    func caseDetails(_ id: CaseID) async throws -> CaseDetails?

    func task(_ id: TaskID) async throws -> MentorTask?

    /// Apply a mentor's action to a task: the new task, or why it was refused.
    func applyMentorAction(_ action: MentorAction, to task: TaskID, by mentor: MentorID, now: Date) async throws -> MentorActionResult

    /// When the dispatcher next has work: now if a case awaits a decision, else the earliest timer.
    func nextDispatchWakeup(now: Date) async throws -> Date?

    /// Take up to `limit` items of due dispatch work, let `plan` decide each, and apply the plans in one transaction.
    func dispatch(now: Date, limit: Int, plan: @Sendable (DispatchWork, _ openTasks: [MentorID: Int]) -> [CaseChange]) async throws -> DispatchReport

    /// Up to `limit` pending messages due at `now`, oldest first, skipping `excluding` (those in flight).
    func dueMessages(now: Date, limit: Int, excluding: Set<MessageID>) async throws -> [OutboxMessage]

    /// When the next pending message falls due after `now`, if any (those due already are being delivered).
    func nextMessageDue(after now: Date) async throws -> Date?

    /// Throws unless a write transaction can be opened (for readiness checks).
    func checkWritable() async throws

    /// Record what became of delivery attempts, in one transaction.
    func recordDeliveries(_ outcomes: [DeliveryOutcome], now: Date) async throws
}

/// The result of ``CaseStore/applyMentorAction(_:to:by:now:)``.
package enum MentorActionResult: Hashable, Sendable {
    case applied(MentorTask)
    case notFound
    case refused(MentorActionRefusal)
}

/// One item of due dispatch work.
package enum DispatchWork: Hashable, Sendable {
    /// A case that needs a routing decision (new, declined or its offer expired).
    case route(CaseSnapshot)
    /// An offer whose deadline has passed.
    case expire(MentorTask, CaseSnapshot)
}

/// What one dispatch transaction did.
package struct DispatchReport: Hashable, Sendable {
    package var workItems: Int
    package var messagesQueued: Int
    /// Offers made, for logging after the commit.
    package var offers: [MentorTask]
    /// Offers that expired unanswered.
    package var expired: [MentorTask]
    /// Cases found unroutable (ops alerted).
    package var unroutable: [CaseID]
    /// Cases whose stored row could not be read: marked unroutable without an alert, so a person must look.
    package var setAside: [CaseID]

    package init(
        workItems: Int = 0, messagesQueued: Int = 0, offers: [MentorTask] = [], expired: [MentorTask] = [], unroutable: [CaseID] = [],
        setAside: [CaseID] = []
    ) {
        self.workItems = workItems
        self.messagesQueued = messagesQueued
        self.offers = offers
        self.expired = expired
        self.unroutable = unroutable
        self.setAside = setAside
    }
}
