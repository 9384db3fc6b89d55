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
    /// When it was queued: the letter policy's exemption window (a reply to a call a moment ago) runs from here.
    package var createdAt: Date

    package init(
        id: MessageID, caseID: CaseID?, eventType: String, recipientKind: String, recipientID: String, endpoint: EndpointID,
        payload: [UInt8], attempts: Int, notBefore: Date, createdAt: Date? = nil
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
        self.createdAt = createdAt ?? notBefore
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
    /// The endpoint answered `410 Gone` and is disabled: the message stays pending, waiting for it to be
    /// enabled again. The attempt is recorded but does not use up one of the message's attempts.
    case endpointGone(MessageID, status: Int, error: String)
    /// Not attempted: the letter policy does not allow it now (a retry, a replay or an endpoint enabled
    /// again in a quiet period). It waits, pending, until `until`; no attempt is used.
    case held(MessageID, until: Date, reason: HoldReason?)
}

/// One finished delivery attempt: what became of the message, and what it says about its endpoint.
package struct DeliveryAttempt: Hashable, Sendable {
    package var outcome: DeliveryOutcome
    /// The endpoint attempted; nil when the message names one the configuration does not have (that
    /// failure says nothing about any endpoint's health).
    package var endpoint: EndpointID?

    package init(_ outcome: DeliveryOutcome, endpoint: EndpointID?) {
        self.outcome = outcome
        self.endpoint = endpoint
    }

    package var messageID: MessageID {
        switch outcome {
        case .delivered(let id, _), .retry(let id, _, _, _), .dead(let id, _, _, _), .endpointGone(let id, _, _), .held(let id, _, _): id
        }
    }

    /// What the attempt says about its endpoint; nil when nothing was sent.
    package var endpointResult: EndpointResult? {
        switch outcome {
        case .delivered(_, let status): .succeeded(status: status)
        case .retry(_, let status, let error, _), .dead(_, let status, let error, _): .failed(status: status, error: error)
        case .endpointGone(_, let status, let error): .gone(status: status, error: error)
        case .held: nil
        }
    }
}
