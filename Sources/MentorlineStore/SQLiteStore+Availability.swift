package import Foundation
import GRDB
package import MentorlineCore

/// A mentor's availability as stored.
package struct AvailabilityRecord: Hashable, Sendable {
    package var mentor: MentorID
    package var status: Availability
    package var updatedAt: Date
    package var updatedBy: String
}

extension SQLiteStore {
    /// Every mentor who ever set their availability.
    package func availability() async throws -> [MentorID: AvailabilityRecord] {
        try await pool.read { db in
            var records: [MentorID: AvailabilityRecord] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT mentor, status, updated_at, updated_by FROM mentor_availability") {
                let mentor = MentorID(row["mentor"] as String)
                guard let status = Availability(rawValue: row["status"]) else { throw StoreError(.corruptRow, "availability of \(mentor)") }
                records[mentor] = AvailabilityRecord(mentor: mentor, status: status, updatedAt: Date(stored: row["updated_at"]), updatedBy: row["updated_by"])
            }
            return records
        }
    }

    /// Sets a mentor's availability; audited.
    package func setAvailability(_ status: Availability, of mentor: MentorID, by actor: String, now: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO mentor_availability (mentor, status, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT (mentor) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """, arguments: [mentor.rawValue, status.rawValue, now.storedValue, actor])
            try self.audit(actor: actor, action: "availability.set", subject: "mentor:\(mentor)", detail: ["status": status.rawValue], now: now, db: db)
        }
    }
}
