package import Foundation

/// Bearer tokens made at runtime (`mentorctl token create`), kept as SHA-256 digests. Every change
/// is one transaction with its audit-log entry.
package protocol TokenStore: Sendable {
    /// Every stored token, revoked ones too, oldest first.
    func storedTokens() async throws -> [StoredToken]

    /// Stores a new token and audits it as made by `token.createdBy`, unless a token that is not
    /// revoked has the same name.
    func createToken(_ token: StoredToken) async throws -> TokenCreation

    /// Revokes a token for good; audited.
    func revokeToken(_ id: APITokenID, by actor: String, now: Date) async throws -> TokenRevocation

    /// Records when tokens were last used (never moving a time backwards).
    func recordTokenUse(_ uses: [APITokenID: Date]) async throws
}
