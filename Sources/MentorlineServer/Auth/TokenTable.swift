import Crypto
import Foundation

/// Bearer tokens by their SHA-256 digest: the table never holds a token in plain text, and a
/// presented token is looked up by hashing it the same way.
package struct TokenTable: Sendable {
    private var principals: [Data: Principal]

    /// - Parameter grants: each token's SHA-256 digest and whom it identifies.
    package init(grants: [(sha256: [UInt8], principal: Principal)]) {
        var principals: [Data: Principal] = [:]
        for grant in grants { principals[Data(grant.sha256)] = grant.principal }
        self.principals = principals
    }

    /// The digest a token is stored under: SHA-256 of its text without surrounding white space.
    package static func digest(of token: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(token.trimmingCharacters(in: .whitespacesAndNewlines).utf8)))
    }

    /// The principal for a presented token, or nil.
    package func principal(forToken token: String) -> Principal? {
        principals[Data(Self.digest(of: token))]
    }

    package var count: Int { principals.count }
}
