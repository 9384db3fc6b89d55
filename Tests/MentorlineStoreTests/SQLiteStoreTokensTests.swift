import Foundation
import GRDB
import MentorlineCore
@testable import MentorlineStore
import Testing

/// Stored API tokens in SQLite: what the schema refuses, and the audit entry of every change.
@Suite struct SQLiteStoreTokensTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func temporaryStore() throws -> SQLiteStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try SQLiteStore(path: directory.appendingPathComponent("test.sqlite").path)
    }

    func token(_ id: String, name: String, kind: StoredTokenKind = .intake, mentor: String? = nil, digest: UInt8 = 1) -> StoredToken {
        StoredToken(
            id: APITokenID(id), kind: kind, name: name, mentor: mentor.map(MentorID.init), sha256: [UInt8](repeating: digest, count: 32),
            createdAt: now, createdBy: "admin:test-admin", expiresAt: now.addingTimeInterval(86400)
        )
    }

    @Test func creatingAndRevokingAreStoredAndAudited() async throws {
        let store = try temporaryStore()
        #expect(try await store.createToken(token("tok_1", name: "telefonsystem")) == .created)
        #expect(try await store.createToken(token("tok_2", name: "telefonsystem", digest: 2)) == .nameInUse)
        #expect(try await store.createToken(token("tok_3", name: "anna-mobil", kind: .mentor, mentor: "anna", digest: 3)) == .created)

        let later = now.addingTimeInterval(60)
        guard case .revoked(let revoked) = try await store.revokeToken(APITokenID("tok_1"), by: "admin:ops", now: later) else {
            Issue.record("not revoked")
            return
        }
        #expect(revoked.revokedAt == later)
        #expect(revoked.revokedBy == "admin:ops")
        #expect(try await store.revokeToken(APITokenID("tok_1"), by: "admin:ops", now: later) == .alreadyRevoked(revoked))
        #expect(try await store.revokeToken(APITokenID("tok_9"), by: "admin:ops", now: later) == .notFound)
        // The name is free again once its token is revoked.
        #expect(try await store.createToken(token("tok_4", name: "telefonsystem", digest: 4)) == .created)

        let tokens = try await store.storedTokens()
        #expect(tokens.map(\.id.rawValue) == ["tok_1", "tok_3", "tok_4"])
        #expect(tokens[1].mentor == MentorID("anna"))
        #expect(tokens[1].expiresAt == now.addingTimeInterval(86400))
        #expect(tokens[1].sha256 == [UInt8](repeating: 3, count: 32))

        let audit = try await store.auditLog(limit: 10)
        #expect(audit.map(\.action) == ["token.create", "token.revoke", "token.create", "token.create"])
        #expect(audit[1].actor == "admin:ops")
        #expect(audit[1].subject == "token:tok_1")
        #expect(audit[2].detail == ["kind": "mentor", "name": "anna-mobil", "mentor": "anna", "expires": "\(now.addingTimeInterval(86400).timeIntervalSince1970)"])
    }

    @Test func theSchemaKeepsTokensWhatTheyWere() async throws {
        let store = try temporaryStore()
        _ = try await store.createToken(token("tok_1", name: "telefonsystem"))
        _ = try await store.revokeToken(APITokenID("tok_1"), by: "admin:ops", now: now)
        for sql in [
            "UPDATE api_tokens SET revoked_at = NULL, revoked_by = NULL",
            "UPDATE api_tokens SET token_sha256 = zeroblob(32)",
            "UPDATE api_tokens SET kind = 'admin'",
            "INSERT INTO api_tokens (id, kind, name, token_sha256, created_at, created_by) VALUES ('tok_2', 'mentor', 'm', zeroblob(32), 1, 'a')",
            "INSERT INTO api_tokens (id, kind, name, mentor, token_sha256, created_at, created_by) VALUES ('tok_3', 'intake', 'i', 'anna', zeroblob(32), 1, 'a')",
            "INSERT INTO api_tokens (id, kind, name, token_sha256, created_at, created_by) VALUES ('tok_4', 'intake', 'i', zeroblob(16), 1, 'a')",
            "INSERT INTO api_tokens (id, kind, name, token_sha256, created_at, created_by) VALUES ('tok_5', 'intake', 'i', (SELECT token_sha256 FROM api_tokens WHERE id = 'tok_1'), 1, 'a')",
        ] {
            await #expect(throws: (any Error).self, "\(sql)") {
                try await store.pool.write { db in try db.execute(sql: sql) }
            }
        }
    }

    @Test func useTimesOnlyMoveForward() async throws {
        let store = try temporaryStore()
        _ = try await store.createToken(token("tok_1", name: "telefonsystem"))
        try await store.recordTokenUse([APITokenID("tok_1"): now.addingTimeInterval(30)])
        try await store.recordTokenUse([APITokenID("tok_1"): now.addingTimeInterval(10), APITokenID("tok_9"): now])
        #expect(try await store.storedTokens().first?.lastUsedAt == now.addingTimeInterval(30))
    }
}
