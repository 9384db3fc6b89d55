package import Foundation

/// A schedule override as the daemon shows it.
package struct OverrideInfo: Codable, Sendable, Hashable {
    package var id: String
    package var schedule: String
    package var mentor: String
    package var start: Date
    package var end: Date
    package var replacing: String?
    package var note: String?
    package var createdAt: Date
    package var createdBy: String

    enum CodingKeys: String, CodingKey {
        case id, schedule, mentor, start, end, replacing, note
        case createdAt = "created_at"
        case createdBy = "created_by"
    }
}

/// The body of `GET /v1/schedules/{id}/overrides`.
struct OverrideList: Codable {
    var overrides: [OverrideInfo]
}

/// The body of `POST /v1/schedules/{id}/overrides`: times as typed; the daemon reads them in the
/// schedule's time zone.
struct OverrideRequestBody: Encodable {
    var mentor: String
    var start: String
    var end: String
    var replacing: String?
    var note: String?
}
