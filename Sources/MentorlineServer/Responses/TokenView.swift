import Foundation
import MentorlineCore
import MentorlineStore

/// A bearer token as `GET /v1/tokens` shows it: what it grants and its history, never its text or digest.
struct TokenView: Encodable {
    /// `tok_…` for a stored token; `config:<name>` for one from the configuration.
    var id: String
    /// `store` (made through the API, can be revoked) or `config` (from `auth.tokens`).
    var source: String
    var kind: String
    var name: String
    var mentor: MentorID?
    var volunteer: VolunteerID?
    /// `active`, `expired` or `revoked`.
    var status: String
    var createdAt: Date?
    var createdBy: String?
    var expiresAt: Date?
    var lastUsedAt: Date?
    var revokedAt: Date?
    var revokedBy: String?
    /// Only in the answer to `POST /v1/tokens`: the token itself, shown this once.
    var secret: String?

    init(_ token: StoredToken, now: Date, secret: String? = nil) {
        id = token.id.rawValue
        source = "store"
        kind = token.kind.rawValue
        name = token.name
        mentor = token.mentor
        volunteer = token.volunteer
        status = token.revokedAt != nil ? "revoked" : token.isActive(at: now) ? "active" : "expired"
        createdAt = token.createdAt
        createdBy = token.createdBy
        expiresAt = token.expiresAt
        lastUsedAt = token.lastUsedAt
        revokedAt = token.revokedAt
        revokedBy = token.revokedBy
        self.secret = secret
    }

    init(configured name: String, principal: Principal) {
        id = TokenView.configuredPrefix + name
        source = "config"
        self.name = name
        status = "active"
        switch principal {
        case .intake: kind = "intake"
        case .mentor(let mentor):
            kind = "mentor"
            self.mentor = mentor
        case .admin: kind = "admin"
        case .volunteer(let volunteer):
            kind = "volunteer"
            self.volunteer = volunteer
        }
    }

    /// The id prefix of configured tokens in the list.
    static let configuredPrefix = "config:"
}

/// The body of `POST /v1/tokens`. Every field is optional here so that all problems are named at once.
struct TokenRequest: Decodable {
    var kind: String?
    var name: String?
    var mentor: String?
    var volunteer: String?
    var expires: String?
}
