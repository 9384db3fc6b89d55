package import Foundation
package import MentorlineCore

/// A case as `GET /v1/cases/{id}` shows it: state, what was said on the call, and its whole history.
package struct CaseDetails: Hashable, Sendable {
    package var id: CaseID
    package var state: CaseState
    package var receivedAt: Date
    package var updatedAt: Date
    package var intake: CaseIntake
    package var progress: RoutingProgress?
    /// When the caller was told to expect contact.
    package var promisedBy: Date?
    /// When the case last closed (resolved); nil while open. The retention period runs from it.
    package var closedAt: Date?
    /// When the retention rule erased its personal data: the intake, notes, texts and free text are
    /// blank, ids, times, states and outcomes are kept.
    package var erasedAt: Date?
    package var events: [CaseEvent]
    package var tasks: [MentorTask]
    package var messages: [MessageSummary]
}

/// A message as the case history shows it (without its payload).
package struct MessageSummary: Hashable, Sendable {
    package var id: MessageID
    package var eventType: String
    package var recipientKind: String
    package var recipientID: String
    package var endpoint: EndpointID
    package var state: OutboxState
    package var attempts: Int
    package var createdAt: Date
    package var notBefore: Date
    package var deliveredAt: Date?
    package var lastStatus: Int?
    package var lastError: String?
    /// The text as rendered when the message was queued, its template and language (nil for messages
    /// queued before texts were stored).
    package var text: String?
    package var template: String?
    package var language: String?
    /// Why the letter policy holds it until `notBefore`: a code (`holiday`) and words (`Whit Monday`).
    package var heldReason: String?
    package var heldDetail: String?
}

/// Where a message stands in the outbox.
package enum OutboxState: String, Hashable, Sendable, Codable, CaseIterable {
    case pending
    case delivered
    case dead
}
