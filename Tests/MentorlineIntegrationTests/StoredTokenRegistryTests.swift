import Foundation
import MentorlineCore
import MentorlineServer
import MentorlineStore
import MentorlineTesting
import Testing

/// The in-memory table of stored tokens over a real store, with time as a parameter: expiry,
/// revocation, loading, and use times written in batches.
@Suite struct StoredTokenRegistryTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    static func store() throws -> SQLiteStore {
        try SQLiteStore(path: TestDaemon.temporaryDirectory().appendingPathComponent("tokens.sqlite").path)
    }

    static func token(_ name: String, kind: StoredTokenKind = .intake, mentor: String? = nil, secret: String, expiresAt: Date? = nil) -> StoredToken {
        StoredToken(
            id: IdentifierGenerator().make(APITokenIDKind.self, at: start), kind: kind, name: name, mentor: mentor.map(MentorID.init),
            sha256: TokenTable.digest(of: secret), createdAt: start, createdBy: "admin:test", expiresAt: expiresAt
        )
    }

    @Test func aTokenWorksUntilItExpiresOrIsRevoked() async throws {
        let registry = StoredTokenRegistry(store: try Self.store())
        let expiring = Self.token("kort", secret: "ml_expiring", expiresAt: Self.start.addingTimeInterval(3600))
        let mentor = Self.token("anna-mobil", kind: .mentor, mentor: "anna", secret: "ml_mentor")
        #expect(try await registry.create(expiring) == .created)
        #expect(try await registry.create(mentor) == .created)

        #expect(registry.principal(forDigest: TokenTable.digest(of: "ml_expiring"), now: Self.start) == .intake(name: "kort"))
        #expect(registry.principal(forDigest: TokenTable.digest(of: "ml_expiring"), now: Self.start.addingTimeInterval(3599)) == .intake(name: "kort"))
        #expect(registry.principal(forDigest: TokenTable.digest(of: "ml_expiring"), now: Self.start.addingTimeInterval(3600)) == nil)
        #expect(registry.principal(forDigest: TokenTable.digest(of: " ml_mentor\n"), now: Self.start) == .mentor(MentorID("anna")))
        #expect(registry.principal(forDigest: TokenTable.digest(of: "ml_other"), now: Self.start) == nil)
        #expect(registry.principal(forDigest: [1, 2, 3], now: Self.start) == nil)

        guard case .revoked = try await registry.revoke(mentor.id, by: "admin:test", now: Self.start) else {
            Issue.record("not revoked")
            return
        }
        #expect(registry.principal(forDigest: TokenTable.digest(of: "ml_mentor"), now: Self.start) == nil)
        let stored = try #require(try await registry.list().first { $0.id == mentor.id })
        #expect(stored.revokedAt == Self.start)
        #expect(try await registry.revoke(mentor.id, by: "admin:test", now: Self.start) == .alreadyRevoked(stored))
        #expect(try await registry.revoke(APITokenID("tok_nope"), by: "admin:test", now: Self.start) == .notFound)
    }

    @Test func aFreshRegistryLoadsTheTokensThatAreNotRevoked() async throws {
        let store = try Self.store()
        let first = StoredTokenRegistry(store: store)
        let kept = Self.token("kept", secret: "ml_kept")
        let dropped = Self.token("dropped", kind: .admin, secret: "ml_dropped")
        _ = try await first.create(kept)
        _ = try await first.create(dropped)
        _ = try await first.revoke(dropped.id, by: "admin:test", now: Self.start)

        let second = StoredTokenRegistry(store: store)
        #expect(second.principal(forDigest: TokenTable.digest(of: "ml_kept"), now: Self.start) == nil)
        try await second.load()
        #expect(second.principal(forDigest: TokenTable.digest(of: "ml_kept"), now: Self.start) == .intake(name: "kept"))
        #expect(second.principal(forDigest: TokenTable.digest(of: "ml_dropped"), now: Self.start) == nil)
    }

    @Test func useTimesAreWrittenWhenFlushedAndNeverGoBack() async throws {
        let store = try Self.store()
        let registry = StoredTokenRegistry(store: store)
        let token = Self.token("telefonsystem", secret: "ml_used")
        _ = try await registry.create(token)
        #expect(try await store.storedTokens().first?.lastUsedAt == nil)

        _ = registry.principal(forDigest: TokenTable.digest(of: "ml_used"), now: Self.start.addingTimeInterval(120))
        _ = registry.principal(forDigest: TokenTable.digest(of: "ml_used"), now: Self.start.addingTimeInterval(60))
        #expect(try await store.storedTokens().first?.lastUsedAt == nil)
        try await registry.flushUses()
        #expect(try await store.storedTokens().first?.lastUsedAt == Self.start.addingTimeInterval(120))

        try await store.recordTokenUse([token.id: Self.start])
        #expect(try await registry.list().first?.lastUsedAt == Self.start.addingTimeInterval(120))
    }

    @Test func theSameNameCannotBeUsedTwiceWhileTheFirstWorks() async throws {
        let registry = StoredTokenRegistry(store: try Self.store())
        #expect(try await registry.create(Self.token("telefonsystem", secret: "ml_one")) == .created)
        #expect(try await registry.create(Self.token("telefonsystem", secret: "ml_two")) == .nameInUse)
        #expect(registry.principal(forDigest: TokenTable.digest(of: "ml_two"), now: Self.start) == nil)
    }
}
