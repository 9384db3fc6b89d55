import Foundation
import MentorlineCore
import MentorlineStore

/// A webhook endpoint as `GET /v1/endpoints` shows it: its URL without credentials, whether delivery
/// may send to it, how its latest attempts went, and its messages by state.
struct EndpointView: Encodable {
    var id: EndpointID
    /// Without user information, query or fragment; absent for an endpoint no longer configured.
    var url: String?
    /// False for an endpoint that has messages in the outbox but is no longer in the configuration.
    var configured: Bool
    var enabled: Bool
    /// Enabled and its latest attempt (if any) got a 2xx answer.
    var healthy: Bool
    var disabledAt: Date?
    var disabledReason: String?
    var disabledBy: String?
    var failingSince: Date?
    var lastSuccessAt: Date?
    var lastFailureAt: Date?
    var lastStatus: Int?
    var lastError: String?
    var pending: Int
    var dead: Int
    var delivered: Int

    init(state: EndpointState, url: String?, counts: [OutboxState: Int]) {
        id = state.endpoint
        self.url = url
        configured = url != nil
        enabled = state.enabled
        healthy = state.isHealthy
        disabledAt = state.disabledAt
        disabledReason = state.disabledReason
        disabledBy = state.disabledBy
        failingSince = state.failingSince
        lastSuccessAt = state.lastSuccessAt
        lastFailureAt = state.lastFailureAt
        lastStatus = state.lastStatus
        lastError = state.lastError
        pending = counts[.pending] ?? 0
        dead = counts[.dead] ?? 0
        delivered = counts[.delivered] ?? 0
    }
}

/// A message as `GET /v1/deliveries` shows it: ids, endpoint and attempts; never its payload.
struct DeliveryView: Encodable {
    /// Also the `webhook-id`.
    var id: MessageID
    var caseId: CaseID?
    var eventType: String
    var recipientKind: String
    var endpoint: EndpointID
    var state: OutboxState
    var attempts: Int
    var replays: Int
    var createdAt: Date
    var notBefore: Date
    var lastAttemptAt: Date?
    var lastStatus: Int?
    var lastError: String?
    var deliveredAt: Date?

    init(_ record: DeliveryRecord) {
        id = record.id
        caseId = record.caseID
        eventType = record.eventType
        recipientKind = record.recipientKind
        endpoint = record.endpoint
        state = record.state
        attempts = record.attempts
        replays = record.replays
        createdAt = record.createdAt
        notBefore = record.notBefore
        lastAttemptAt = record.lastAttemptAt
        lastStatus = record.lastStatus
        lastError = record.lastError
        deliveredAt = record.deliveredAt
    }
}

/// The optional body of `POST /v1/endpoints/{id}/disable`.
struct DisableEndpointRequest: Decodable {
    var reason: String?
}
