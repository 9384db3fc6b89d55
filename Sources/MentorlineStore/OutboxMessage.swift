package import Foundation
package import MentorlineCore

/// A pending message as the deliverer takes it from the outbox.
package struct OutboxMessage: Hashable, Sendable {
    /// Also the `webhook-id`: fixed when the message is queued, the same on every attempt.
    package var id: MessageID
    package var caseID: CaseID?
    package var eventType: String
    package var recipientKind: String
    package var recipientID: String
    package var endpoint: EndpointID
    package var payload: [UInt8]
    /// Attempts made so far.
    package var attempts: Int
    package var notBefore: Date

    package init(
        id: MessageID, caseID: CaseID?, eventType: String, recipientKind: String, recipientID: String, endpoint: EndpointID,
        payload: [UInt8], attempts: Int, notBefore: Date
    ) {
        self.id = id
        self.caseID = caseID
        self.eventType = eventType
        self.recipientKind = recipientKind
        self.recipientID = recipientID
        self.endpoint = endpoint
        self.payload = payload
        self.attempts = attempts
        self.notBefore = notBefore
    }
}

/// What became of one delivery attempt.
package enum DeliveryOutcome: Hashable, Sendable {
    /// The receiver answered 2xx.
    case delivered(MessageID, status: Int)
    /// The attempt failed; try again at `nextAttempt`.
    case retry(MessageID, status: Int?, error: String, nextAttempt: Date)
    /// The last attempt failed: the message is dead, and `alert` (if any) tells ops.
    case dead(MessageID, status: Int?, error: String, alert: MessageDraft?)
}
