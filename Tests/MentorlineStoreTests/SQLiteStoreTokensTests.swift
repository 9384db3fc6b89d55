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

    @Test func aVolunteerTokenNamesExactlyOneVolunteerAndKeepsIt() async throws {
        let store = try temporaryStore()
        var lise = token("tok_1", name: "lise-kalender", kind: .volunteer)
        lise.volunteer = VolunteerID("lise")
        #expect(try await store.createToken(lise) == .created)
        #expect(try await store.storedTokens() == [lise])
        #expect(try await store.auditLog(limit: 1).first?.detail["volunteer"] == "lise")
        for sql in [
            // A volunteer token without its volunteer, and other kinds with one.
            "INSERT INTO api_tokens (id, kind, name, token_sha256, created_at, created_by) VALUES ('tok_2', 'volunteer', 'v', zeroblob(32), 1, 'a')",
            "INSERT INTO api_tokens (id, kind, name, volunteer, token_sha256, created_at, created_by) VALUES ('tok_3', 'intake', 'i', 'lise', zeroblob(32), 1, 'a')",
            "INSERT INTO api_tokens (id, kind, name, mentor, volunteer, token_sha256, created_at, created_by) VALUES ('tok_4', 'mentor', 'm', 'anna', 'lise', zeroblob(32), 1, 'a')",
            "INSERT INTO api_tokens (id, kind, name, mentor, volunteer, token_sha256, created_at, created_by) VALUES ('tok_5', 'volunteer', 'v', 'anna', 'lise', zeroblob(32), 1, 'a')",
            "INSERT INTO api_tokens (id, kind, name, token_sha256, created_at, created_by) VALUES ('tok_6', 'citizen', 'c', zeroblob(32), 1, 'a')",
            // Whom it acts for never changes.
            "UPDATE api_tokens SET volunteer = 'karen'",
        ] {
            await #expect(throws: (any Error).self, "\(sql)") {
                try await store.pool.write { db in try db.execute(sql: sql) }
            }
        }
        // The schema accepts a well-formed one.
        try await store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO api_tokens (id, kind, name, volunteer, token_sha256, created_at, created_by) VALUES ('tok_7', 'volunteer', 'k', 'karen', zeroblob(32), 1, 'a')
                """)
        }
    }

    @Test func aDatabaseFromBeforeVolunteerTokensKeepsEveryTokenAndRule() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("v9.sqlite").path
        do {
            let pool = try DatabasePool(path: path)
            try Migrations.migrator.migrate(pool, upTo: "v9: advice cafe")
            try await pool.write { db in
                try db.execute(sql: """
                    INSERT INTO api_tokens (id, kind, name, mentor, token_sha256, created_at, created_by, expires_at, last_used_at, revoked_at, revoked_by)
                    VALUES ('tok_1', 'intake', 'telefonsystem', NULL, x'\(String(repeating: "01", count: 32))', 100, 'admin:ops', 500, 150, NULL, NULL),
                           ('tok_2', 'mentor', 'anna-mobil', 'anna', x'\(String(repeating: "02", count: 32))', 110, 'admin:ops', NULL, NULL, NULL, NULL),
                           ('tok_3', 'admin', 'gammel', NULL, x'\(String(repeating: "03", count: 32))', 120, 'admin:ops', NULL, NULL, 130, 'admin:ops')
                    """)
            }
            try pool.close()
        }
        let store = try SQLiteStore(path: path)
        let applied = try store.appliedMigrations()
        let cafe = try #require(applied.firstIndex(of: "v9: advice cafe"))
        #expect(applied.firstIndex(of: "v10: volunteer tokens") == cafe + 1)
        let at = { Date(timeIntervalSince1970: $0) }
        #expect(try await store.storedTokens() == [
            StoredToken(
                id: APITokenID("tok_1"), kind: .intake, name: "telefonsystem", mentor: nil, sha256: [UInt8](repeating: 1, count: 32),
                createdAt: at(100), createdBy: "admin:ops", expiresAt: at(500), lastUsedAt: at(150)
            ),
            StoredToken(
                id: APITokenID("tok_2"), kind: .mentor, name: "anna-mobil", mentor: MentorID("anna"), sha256: [UInt8](repeating: 2, count: 32),
                createdAt: at(110), createdBy: "admin:ops"
            ),
            StoredToken(
                id: APITokenID("tok_3"), kind: .admin, name: "gammel", mentor: nil, sha256: [UInt8](repeating: 3, count: 32), createdAt: at(120),
                createdBy: "admin:ops", revokedAt: at(130), revokedBy: "admin:ops"
            ),
        ])
        let schema = try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE tbl_name = 'api_tokens' AND type IN ('index', 'trigger') ORDER BY name")
        }
        #expect(schema == ["api_tokens_active_name", "api_tokens_fixed", "api_tokens_stay_revoked", "sqlite_autoindex_api_tokens_1", "sqlite_autoindex_api_tokens_2"])
        // Every rule of v7 still holds on the rebuilt table.
        for sql in [
            "UPDATE api_tokens SET name = 'x' WHERE id = 'tok_1'",
            "UPDATE api_tokens SET revoked_at = NULL, revoked_by = NULL WHERE id = 'tok_3'",
            "INSERT INTO api_tokens (id, kind, name, token_sha256, created_at, created_by) VALUES ('tok_4', 'intake', 'telefonsystem', zeroblob(32), 1, 'a')",
            "INSERT INTO api_tokens (id, kind, name, token_sha256, created_at, created_by) VALUES ('tok_5', 'admin', 'ny', x'\(String(repeating: "02", count: 32))', 1, 'a')",
            "INSERT INTO api_tokens (id, kind, name, token_sha256, created_at, created_by) VALUES ('tok_6', 'mentor', 'm', zeroblob(32), 1, 'a')",
        ] {
            await #expect(throws: (any Error).self, "\(sql)") {
                try await store.pool.write { db in try db.execute(sql: sql) }
            }
        }
        // And the migrated store takes volunteer tokens.
        var lise = token("tok_7", name: "lise-kalender", kind: .volunteer, digest: 7)
        lise.volunteer = VolunteerID("lise")
        #expect(try await store.createToken(lise) == .created)
        #expect(try await store.storedTokens().last?.volunteer == VolunteerID("lise"))
        let violations = try await store.pool.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
        #expect(violations.isEmpty)
    }

    @Test func useTimesOnlyMoveForward() async throws {
        let store = try temporaryStore()
        _ = try await store.createToken(token("tok_1", name: "telefonsystem"))
        try await store.recordTokenUse([APITokenID("tok_1"): now.addingTimeInterval(30)])
        try await store.recordTokenUse([APITokenID("tok_1"): now.addingTimeInterval(10), APITokenID("tok_9"): now])
        #expect(try await store.storedTokens().first?.lastUsedAt == now.addingTimeInterval(30))
    }
}
