package import Foundation
import GRDB
package import MentorlineCore

extension SQLiteStore {
    /// Stores a schedule override; audited.
    package func addOverride(_ override: ScheduleOverride) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO schedule_overrides (id, schedule, mentor, start_at, end_at, replacing, note, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    override.id.rawValue, override.schedule.rawValue, override.mentor.rawValue, override.start.storedValue, override.end.storedValue,
                    override.replacing?.rawValue, override.note, override.createdAt.storedValue, override.createdBy,
                ])
            try self.audit(
                actor: override.createdBy, action: "override.add", subject: "schedule:\(override.schedule)",
                detail: [
                    "override": override.id.rawValue, "mentor": override.mentor.rawValue, "start": "\(override.start.timeIntervalSince1970)",
                    "end": "\(override.end.timeIntervalSince1970)", "replacing": override.replacing?.rawValue ?? "",
                ],
                now: override.createdAt, db: db
            )
        }
    }

    /// Overrides of `schedule` (nil: every schedule) that end after `instant`, oldest first.
    package func overrides(schedule: ScheduleID?, endingAfter instant: Date) async throws -> [ScheduleOverride] {
        try await pool.read { db in try self.overrides(schedule: schedule, endingAfter: instant, db: db) }
    }

    func overrides(schedule: ScheduleID?, endingAfter instant: Date, db: Database) throws -> [ScheduleOverride] {
        let rows: [Row]
        if let schedule {
            rows = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM schedule_overrides WHERE schedule = ? AND end_at > ? ORDER BY created_at, id"),
                arguments: [schedule.rawValue, instant.storedValue]
            )
        } else {
            rows = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM schedule_overrides WHERE end_at > ? ORDER BY created_at, id"), arguments: [instant.storedValue]
            )
        }
        return rows.map { row in
            let replacing: String? = row["replacing"]
            return ScheduleOverride(
                id: OverrideID(row["id"] as String), schedule: ScheduleID(row["schedule"] as String), mentor: MentorID(row["mentor"] as String),
                start: Date(stored: row["start_at"]), end: Date(stored: row["end_at"]), replacing: replacing.map(MentorID.init), note: row["note"],
                createdAt: Date(stored: row["created_at"]), createdBy: row["created_by"]
            )
        }
    }

    /// Removes an override; audited. Returns whether it existed.
    package func removeOverride(_ id: OverrideID, of schedule: ScheduleID, by actor: String, now: Date) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM schedule_overrides WHERE id = ? AND schedule = ?", arguments: [id.rawValue, schedule.rawValue])
            guard db.changesCount > 0 else { return false }
            try self.audit(actor: actor, action: "override.remove", subject: "schedule:\(schedule)", detail: ["override": id.rawValue], now: now, db: db)
            return true
        }
    }

    /// A new override id.
    package func makeOverrideID(at now: Date) -> OverrideID {
        identifiers.make(OverrideKind.self, at: now)
    }
}
