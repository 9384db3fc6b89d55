package import MentorlineCore
internal import Crypto
internal import Foundation

/// What a bearer token lets its holder do.
package enum TokenKind: Hashable, Sendable {
    /// Register cases (`POST /v1/cases`): the phone system, the web form, operators.
    case intake
    /// Act on this mentor's tasks.
    case mentor(MentorID)
    /// Everything, including overrides and replaying deliveries.
    case admin
    /// Act for this advice-café volunteer: their bookings, sign-ups and calendar feed.
    case volunteer(VolunteerID)
}

/// A configured bearer token, kept only as its SHA-256: the plaintext is read, hashed and dropped.
package struct TokenGrant: Hashable, Sendable {
    package var kind: TokenKind
    /// Who holds it, for audit and logs (`dev-intake`; a mentor's or volunteer's id for their tokens unless named).
    package var name: String
    /// ``hashToken(_:)`` of the token text.
    package var sha256: [UInt8]

    package init(kind: TokenKind, name: String, sha256: [UInt8]) {
        self.kind = kind
        self.name = name
        self.sha256 = sha256
    }

    /// SHA-256 of the token text's UTF-8 with surrounding whitespace and newlines trimmed; the server
    /// hashes a presented bearer token the same way and compares digests.
    package static func hashToken(_ text: String) -> [UInt8] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return Array(SHA256.hash(data: Data(trimmed.utf8)))
    }
}
