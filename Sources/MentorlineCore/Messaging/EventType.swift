/// The kinds of webhook message Mentorline sends (the `type` of the payload).
package enum EventType: String, Codable, Sendable, CaseIterable, Hashable {
    /// A mentor is offered a case and asked to accept or decline.
    case taskOffered = "task.offered"
    /// An offer a mentor had is no longer open to them (it expired or was passed on).
    case taskWithdrawn = "task.withdrawn"
    /// Ops: nobody could take a case.
    case caseUnroutable = "ops.case_unroutable"
    /// Ops: a message could not be delivered after every retry.
    case messageDead = "ops.message_dead"
}
