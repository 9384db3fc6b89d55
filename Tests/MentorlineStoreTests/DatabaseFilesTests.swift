import Foundation
import GRDB
import MentorlineCore
@testable import MentorlineStore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The database and its backups hold personal data: owner-only files, and consistent backups.
@Suite(.serialized) struct DatabaseFilesTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theDatabaseAndItsCompanionsAre0600WhateverTheUmask() async throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        let path = try directory().appendingPathComponent("mentorline.sqlite").path
        let store = try SQLiteStore(path: path)
        _ = try await store.commitIntakes([try IntakeSubmission(
            caseID: CaseID("case_1"), intake: CaseIntake(caller: Caller(kind: .citizen, name: "Ali", phone: "12345678"), topics: []),
            actor: "intake:test", receivedAt: now, idempotency: nil
        )])
        #expect(try mode(path) == 0o600)
        #expect(try mode(path + "-wal") == 0o600)
        #expect(try mode(path + "-shm") == 0o600)
    }

    @Test func anExistingDatabaseReadableByOthersIsNarrowedTo0600() throws {
        let path = try directory().appendingPathComponent("old.sqlite").path
        _ = try SQLiteStore(path: path)
        #expect(chmod(path, 0o644) == 0)
        _ = try SQLiteStore(path: path)
        #expect(try mode(path) == 0o600)
    }

    @Test func migrationsIncludeRetention() throws {
        let store = try SQLiteStore(path: try directory().appendingPathComponent("m.sqlite").path)
        #expect(try store.appliedMigrations().contains("v8: retention"))
        #expect(try store.pragma("secure_delete") == "2") // FAST
    }

    @Test func aDatabaseFromBeforeRetentionTakesEachResolvedCasesClosingFromItsTrail() async throws {
        let path = try directory().appendingPathComponent("v4.sqlite").path
        do {
            let pool = try DatabasePool(path: path)
            try Migrations.migrator.migrate(pool, upTo: "v4: message texts and letter holds, representatives")
            let intake = try JSONColumn.encode(CaseIntake(caller: Caller(kind: .citizen, name: "Ali", phone: "12345678"), topics: []))
            try await pool.write { db in
                for (id, state) in [("case_resolved", "resolved"), ("case_open", "accepted")] {
                    try db.execute(sql: """
                        INSERT INTO cases (id, state, received_at, updated_at, caller_kind, urgency, language, intake, intake_actor)
                        VALUES (?, ?, 100, 900, 'citizen', 'routine', 'da', ?, 'intake:test')
                        """, arguments: [id, state, intake])
                    // Resolved, reopened, resolved again: the last resolution counts.
                    for (at, kind) in [(300.0, "resolved"), (400.0, "reopened"), (500.0, "resolved")] {
                        try db.execute(
                            sql: "INSERT INTO case_events (case_id, at, kind, actor, detail) VALUES (?, ?, ?, 'mentor:anna', x'7b7d')",
                            arguments: [id, at, kind]
                        )
                    }
                }
            }
            try pool.close()
        }
        let store = try SQLiteStore(path: path)
        #expect(try await store.caseDetails(CaseID("case_resolved"))?.closedAt == Date(timeIntervalSince1970: 500))
        #expect(try await store.caseDetails(CaseID("case_open"))?.closedAt == nil)
        #expect(try await store.retentionPreview(policy: .standard, now: Date(timeIntervalSince1970: 500 + 180 * 86_400)).erased.map(\.caseID)
            == [CaseID("case_resolved")])
    }

    @Test func aBackupIsAConsistentPrivateCopyThatOpensAsAStore() async throws {
        let root = try directory()
        let store = try SQLiteStore(path: root.appendingPathComponent("mentorline.sqlite").path)
        let intake = CaseIntake(caller: Caller(kind: .citizen, name: "Ali", phone: "12345678"), topics: [TopicID("debt")])
        _ = try await store.commitIntakes((0..<50).map { index in
            try! IntakeSubmission(caseID: CaseID("case_\(index)"), intake: intake, actor: "intake:test", receivedAt: now, idempotency: nil)
        })
        // Intake goes on while the copy is made; the copy holds a consistent prefix of it.
        let writer = Task {
            for index in 50..<150 {
                _ = try await store.commitIntakes([
                    try IntakeSubmission(caseID: CaseID("case_\(index)"), intake: intake, actor: "intake:test", receivedAt: now, idempotency: nil),
                ])
            }
        }
        let summary = try await store.backup(into: root.appendingPathComponent("backups"), actor: "admin:ops", now: now)
        try await writer.value
        #expect(summary.path.hasPrefix(root.appendingPathComponent("backups").path + "/mentorline-20270115T080000Z-"))
        #expect(try mode(summary.path) == 0o600)
        #expect(try mode(root.appendingPathComponent("backups").path) == 0o700)
        #expect(summary.cases >= 50 && summary.cases <= 150)
        #expect(summary.bytes > 0)

        let copy = try SQLiteStore(path: summary.path)
        let count = try await copy.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cases") }
        #expect(count == summary.cases)
        #expect(try await copy.caseDetails(CaseID("case_0"))?.intake == intake)
        #expect(try copy.appliedMigrations() == store.appliedMigrations())
        #expect(try await store.auditLog(limit: 1).first.map { [$0.actor, $0.action, $0.subject] } == ["admin:ops", "backup", "database"])
    }
}
