package import Foundation
package import MentorlineCore

/// The kind of identifier minted for stored API tokens: `tok_01K…`.
package enum APITokenIDKind: IdentifierKind { package static let prefix = "tok" }

/// The id of a stored API token. It names the token in lists, the audit log and `revoke`; it is not
/// the secret and grants nothing.
package typealias APITokenID = Identifier<APITokenIDKind>

/// What a stored token lets its holder do: the same kinds a configured token has.
package enum StoredTokenKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// Register cases.
    case intake
    /// Act on one mentor's tasks (``StoredToken/mentor``).
    case mentor
    /// Everything.
    case admin
    /// Act for one advice-café volunteer (``StoredToken/volunteer``): their bookings, sign-ups and feed.
    case volunteer
}

/// A bearer token made through the API (`POST /v1/tokens`), as stored: its SHA-256 digest, never its
/// text. The secret is shown once, when the token is made.
package struct StoredToken: Hashable, Sendable {
    package var id: APITokenID
    package var kind: StoredTokenKind
    /// Who or what holds it (`phone-system`, `ops-script`), for the audit trail: `intake:<name>`.
    package var name: String
    /// The mentor a mentor token acts for; nil for every other kind.
    package var mentor: MentorID?
    /// The volunteer a volunteer token acts for; nil for every other kind.
    package var volunteer: VolunteerID?
    /// SHA-256 of the token text, 32 bytes.
    package var sha256: [UInt8]
    package var createdAt: Date
    /// The admin who made it (`admin:<token name>`).
    package var createdBy: String
    /// After this instant the token no longer authenticates; nil: until revoked.
    package var expiresAt: Date?
    /// When it last authenticated a request: noted in memory, written every minute, before a list and at
    /// shutdown, so it can lag by up to a minute.
    package var lastUsedAt: Date?
    package var revokedAt: Date?
    /// The admin who revoked it.
    package var revokedBy: String?

    package init(
        id: APITokenID, kind: StoredTokenKind, name: String, mentor: MentorID?, volunteer: VolunteerID? = nil, sha256: [UInt8], createdAt: Date,
        createdBy: String, expiresAt: Date? = nil, lastUsedAt: Date? = nil, revokedAt: Date? = nil, revokedBy: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.mentor = mentor
        self.volunteer = volunteer
        self.sha256 = sha256
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
        self.revokedBy = revokedBy
    }

    /// Whether it authenticates requests at `now`: not revoked, not expired.
    package func isActive(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { now < $0 } ?? true)
    }
}

/// What became of ``TokenStore/createToken(_:)``.
package enum TokenCreation: Hashable, Sendable {
    case created
    /// A token that is not revoked already has this name.
    case nameInUse
}

/// What became of ``TokenStore/revokeToken(_:by:now:)``.
package enum TokenRevocation: Hashable, Sendable {
    /// Revoked now; the token as it is stored after the change.
    case revoked(StoredToken)
    /// It was revoked before; nothing changed.
    case alreadyRevoked(StoredToken)
    case notFound
}
