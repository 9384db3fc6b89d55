import Crypto
import Foundation

/// The configured bearer tokens (`auth.tokens` in `mentorline.yaml`) by their SHA-256 digest: the
/// table never holds a token in plain text, and a presented token is looked up by hashing it the same way.
package struct TokenTable: Sendable {
    private var principals: [Data: Principal]
    /// Every configured token's name and principal, in configuration order, for `GET /v1/tokens`.
    package private(set) var configured: [(name: String, principal: Principal)]

    /// - Parameter grants: each token's SHA-256 digest, whom it identifies and its name in the configuration.
    package init(grants: [(sha256: [UInt8], principal: Principal, name: String)]) {
        var principals: [Data: Principal] = [:]
        for grant in grants { principals[Data(grant.sha256)] = grant.principal }
        self.principals = principals
        configured = grants.map { (name: $0.name, principal: $0.principal) }
    }

    /// The digest a token is stored under: SHA-256 of its text without surrounding white space.
    package static func digest(of token: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(token.trimmingCharacters(in: .whitespacesAndNewlines).utf8)))
    }

    /// The principal for a presented token, or nil.
    package func principal(forToken token: String) -> Principal? {
        principal(forDigest: Self.digest(of: token))
    }

    /// The principal for a presented token's ``digest(of:)``, or nil.
    package func principal(forDigest digest: [UInt8]) -> Principal? {
        principals[Data(digest)]
    }

    package var count: Int { principals.count }
}
