package import Foundation
import MentorlineCore
package import MentorlineStore
import Synchronization

/// The stored tokens that work, held in memory so that authenticating a request costs a hash and a
/// dictionary lookup, not a query. Loaded from the store once at start; creating and revoking go
/// through here, so the table changes in the same moment the store does and a revoked token is
/// refused from the next request on.
///
/// One daemon owns the SQLite store, so its table is always whole. (Several daemons sharing one
/// PostgreSQL store would need to reload it, or look tokens up by digest in the store.)
package final class StoredTokenRegistry: Sendable {
    private struct Entry: Sendable {
        var id: APITokenID
        var sha256: [UInt8]
        var principal: Principal
        var expiresAt: Date?
    }

    private struct State {
        /// Tokens that are not revoked, by the first eight bytes of their digest.
        var byPrefix: [UInt64: [Entry]] = [:]
        /// When each token last authenticated a request, not yet written to the store.
        var uses: [APITokenID: Date] = [:]
    }

    private let store: any TokenStore
    private let state = Mutex(State())

    /// An empty table over `store`; ``load()`` fills it.
    package init(store: any TokenStore) {
        self.store = store
    }

    /// Reads every token that is not revoked from the store, replacing the table.
    package func load() async throws {
        let tokens = try await store.storedTokens()
        var byPrefix: [UInt64: [Entry]] = [:]
        for token in tokens where token.revokedAt == nil {
            guard let entry = Self.entry(for: token) else { continue }
            byPrefix[Self.prefix(of: entry.sha256), default: []].append(entry)
        }
        state.withLock { $0.byPrefix = byPrefix }
    }

    /// The principal of the stored token with this digest, if it is neither revoked nor expired at `now`;
    /// the use is noted for `last_used_at`.
    ///
    /// The lookup is by a prefix of the digest, and the whole digest is then compared in constant time.
    package func principal(forDigest digest: [UInt8], now: Date) -> Principal? {
        guard digest.count == 32 else { return nil }
        return state.withLock { state in
            guard let entry = state.byPrefix[Self.prefix(of: digest)]?.first(where: { Self.constantTimeEqual($0.sha256, digest) }),
                  entry.expiresAt.map({ now < $0 }) ?? true
            else { return nil }
            state.uses[entry.id] = max(state.uses[entry.id] ?? now, now)
            return entry.principal
        }
    }

    /// Stores a new token and, once stored, lets it authenticate.
    package func create(_ token: StoredToken) async throws -> TokenCreation {
        let creation = try await store.createToken(token)
        switch creation {
        case .created:
            guard let entry = Self.entry(for: token) else { break }
            state.withLock { $0.byPrefix[Self.prefix(of: entry.sha256), default: []].append(entry) }
        case .nameInUse:
            break
        }
        return creation
    }

    /// Revokes a token in the store and stops it authenticating.
    package func revoke(_ id: APITokenID, by actor: String, now: Date) async throws -> TokenRevocation {
        let revocation = try await store.revokeToken(id, by: actor, now: now)
        switch revocation {
        case .revoked(let token), .alreadyRevoked(let token):
            state.withLock { state in
                let prefix = Self.prefix(of: token.sha256)
                state.byPrefix[prefix]?.removeAll { $0.id == id }
                if state.byPrefix[prefix]?.isEmpty == true { state.byPrefix[prefix] = nil }
                state.uses[id] = nil
            }
        case .notFound:
            break
        }
        return revocation
    }

    /// Every stored token, revoked ones too, with the uses noted so far written first.
    package func list() async throws -> [StoredToken] {
        try await flushUses()
        return try await store.storedTokens()
    }

    /// Writes the uses noted since the last flush to the store; on failure they are kept for the next.
    package func flushUses() async throws {
        let uses = state.withLock { state in
            defer { state.uses = [:] }
            return state.uses
        }
        guard !uses.isEmpty else { return }
        do {
            try await store.recordTokenUse(uses)
        } catch {
            state.withLock { state in state.uses.merge(uses) { max($0, $1) } }
            throw error
        }
    }

    // MARK: Helpers

    /// Nil for a mentor token without a mentor or a volunteer token without a volunteer, which the schema
    /// refuses: it would identify nobody.
    private static func entry(for token: StoredToken) -> Entry? {
        let principal: Principal
        switch token.kind {
        case .intake: principal = .intake(name: token.name)
        case .admin: principal = .admin(name: token.name)
        case .mentor:
            guard let mentor = token.mentor else { return nil }
            principal = .mentor(mentor)
        case .volunteer:
            guard let volunteer = token.volunteer else { return nil }
            principal = .volunteer(volunteer)
        }
        return Entry(id: token.id, sha256: token.sha256, principal: principal, expiresAt: token.expiresAt)
    }

    private static func prefix(of digest: [UInt8]) -> UInt64 {
        digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Compares every byte whatever the first difference, so the time taken says nothing about where it is.
    static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
