package import Foundation

/// A bearer token as the daemon lists it (`GET /v1/tokens`): never its text, except `secret` in the
/// answer to `token create`.
package struct TokenInfo: Codable, Sendable, Hashable {
    /// `tok_…`, or `config:<name>` for a token from the configuration.
    package var id: String
    /// `store` or `config`.
    package var source: String
    package var kind: String
    package var name: String
    package var mentor: String?
    package var volunteer: String?
    /// `active`, `expired` or `revoked`.
    package var status: String
    package var createdAt: Date?
    package var createdBy: String?
    package var expiresAt: Date?
    package var lastUsedAt: Date?
    package var revokedAt: Date?
    package var revokedBy: String?
    /// Only when just created.
    package var secret: String?

    enum CodingKeys: String, CodingKey {
        case id, source, kind, name, mentor, volunteer, status, secret
        case createdAt = "created_at"
        case createdBy = "created_by"
        case expiresAt = "expires_at"
        case lastUsedAt = "last_used_at"
        case revokedAt = "revoked_at"
        case revokedBy = "revoked_by"
    }
}

/// The body of `GET /v1/tokens`.
struct TokenList: Codable {
    var tokens: [TokenInfo]
}

/// The body of `POST /v1/tokens`.
struct TokenRequestBody: Encodable {
    var kind: String
    var name: String
    var mentor: String?
    var volunteer: String?
    var expires: String?
}
