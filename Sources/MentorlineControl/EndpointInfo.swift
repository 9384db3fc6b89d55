package import Foundation

/// A webhook endpoint as the daemon shows it (`GET /v1/endpoints`).
package struct EndpointInfo: Codable, Sendable, Hashable {
    package var id: String
    /// Without credentials; nil for an endpoint no longer configured.
    package var url: String?
    package var configured: Bool
    package var enabled: Bool
    package var healthy: Bool
    package var disabledAt: Date?
    package var disabledReason: String?
    package var disabledBy: String?
    package var failingSince: Date?
    package var lastSuccessAt: Date?
    package var lastFailureAt: Date?
    package var lastStatus: Int?
    package var lastError: String?
    package var pending: Int
    package var dead: Int
    package var delivered: Int

    enum CodingKeys: String, CodingKey {
        case id, url, configured, enabled, healthy, pending, dead, delivered
        case disabledAt = "disabled_at"
        case disabledReason = "disabled_reason"
        case disabledBy = "disabled_by"
        case failingSince = "failing_since"
        case lastSuccessAt = "last_success_at"
        case lastFailureAt = "last_failure_at"
        case lastStatus = "last_status"
        case lastError = "last_error"
    }
}

/// The body of `GET /v1/endpoints`.
struct EndpointList: Codable {
    var endpoints: [EndpointInfo]
}

/// The body of `POST /v1/endpoints/{id}/disable`.
struct DisableEndpointBody: Encodable {
    var reason: String?
}

/// A POST without anything to say.
struct EmptyBody: Encodable {}

/// A message as the daemon lists it (`GET /v1/deliveries`): never its payload.
package struct DeliveryInfo: Codable, Sendable, Hashable {
    /// Also the `webhook-id`.
    package var id: String
    package var caseId: String?
    package var eventType: String
    package var recipientKind: String
    package var endpoint: String
    package var state: String
    package var attempts: Int
    package var replays: Int
    package var createdAt: Date
    package var notBefore: Date
    package var lastAttemptAt: Date?
    package var lastStatus: Int?
    package var lastError: String?
    package var deliveredAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, endpoint, state, attempts, replays
        case caseId = "case_id"
        case eventType = "event_type"
        case recipientKind = "recipient_kind"
        case createdAt = "created_at"
        case notBefore = "not_before"
        case lastAttemptAt = "last_attempt_at"
        case lastStatus = "last_status"
        case lastError = "last_error"
        case deliveredAt = "delivered_at"
    }
}

/// The body of `GET /v1/deliveries`.
struct DeliveryList: Codable {
    var deliveries: [DeliveryInfo]
}
