package import Foundation
package import MentorlineCore

/// A message as the admin delivery list shows it: ids, where it goes and how its attempts went, never
/// its payload or recipient's details.
package struct DeliveryRecord: Hashable, Sendable {
    /// Also the `webhook-id`.
    package var id: MessageID
    package var caseID: CaseID?
    package var eventType: String
    package var recipientKind: String
    package var endpoint: EndpointID
    package var state: OutboxState
    /// Attempts since the message was queued or last replayed.
    package var attempts: Int
    /// How often an operator sent it back to pending after it died.
    package var replays: Int
    package var createdAt: Date
    package var notBefore: Date
    package var lastAttemptAt: Date?
    package var lastStatus: Int?
    package var lastError: String?
    package var deliveredAt: Date?

    package init(
        id: MessageID, caseID: CaseID?, eventType: String, recipientKind: String, endpoint: EndpointID, state: OutboxState, attempts: Int,
        replays: Int, createdAt: Date, notBefore: Date, lastAttemptAt: Date?, lastStatus: Int?, lastError: String?, deliveredAt: Date?
    ) {
        self.id = id
        self.caseID = caseID
        self.eventType = eventType
        self.recipientKind = recipientKind
        self.endpoint = endpoint
        self.state = state
        self.attempts = attempts
        self.replays = replays
        self.createdAt = createdAt
        self.notBefore = notBefore
        self.lastAttemptAt = lastAttemptAt
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.deliveredAt = deliveredAt
    }
}

/// The result of ``CaseStore/replayDelivery(_:by:now:)``.
package enum ReplayResult: Hashable, Sendable {
    /// The message is pending again, with the same id and its attempts reset.
    case replayed(DeliveryRecord)
    case notFound
    /// Only dead messages are replayed: a pending one is still being tried, a delivered one arrived.
    case notDead(OutboxState)
}

/// How many messages one endpoint has in one state.
package struct MessageCount: Hashable, Sendable {
    package var endpoint: EndpointID
    package var state: OutboxState
    package var count: Int

    package init(endpoint: EndpointID, state: OutboxState, count: Int) {
        self.endpoint = endpoint
        self.state = state
        self.count = count
    }
}
