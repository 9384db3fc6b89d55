package import Foundation
import GRDB
package import MentorlineCore

/// One entry of the audit log of changes made outside a case's own trail.
package struct AuditEntry: Hashable, Sendable {
    package var at: Date
    package var actor: String
    package var action: String
    package var subject: String
    package var detail: [String: String]
}

extension SQLiteStore {
    /// The newest entries first.
    package func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT at, actor, action, subject, detail FROM audit_log ORDER BY seq DESC LIMIT ?", arguments: [limit])
                .map(Self.auditEntry(from:))
        }
    }

    /// Records an admin action that changes nothing else (a preview, a backup), in its own transaction.
    package func recordAudit(actor: String, action: String, subject: String, detail: [String: String], now: Date) async throws {
        try await pool.write { db in try self.audit(actor: actor, action: action, subject: subject, detail: detail, now: now, db: db) }
    }

    static func auditEntry(from row: Row) throws -> AuditEntry {
        AuditEntry(
            at: Date(stored: row["at"]), actor: row["actor"], action: row["action"], subject: row["subject"],
            detail: try JSONColumn.decode([String: String].self, from: row["detail"], context: "audit detail")
        )
    }

    func audit(actor: String, action: String, subject: String, detail: [String: String], now: Date, db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO audit_log (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [now.storedValue, actor, action, subject, try JSONColumn.encode(detail)])
    }
}
