package import Foundation
import GRDB
package import MentorlineCore

extension SQLiteStore {
    package func nextDispatchWakeup(now: Date) async throws -> Date? {
        try await pool.read { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM cases WHERE state IN ('received', 'routing'))") == true {
                return now
            }
            return try Double.fetchOne(db, sql: "SELECT MIN(due_at) FROM timers").map(Date.init(stored:))
        }
    }

    package func dispatch(
        now: Date, limit: Int, plan: @Sendable (DispatchWork, _ openTasks: [MentorID: Int]) -> [CaseChange]
    ) async throws -> DispatchReport {
        try await pool.write { db in
            var report = DispatchReport()
            var openTasks: [MentorID: Int] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT mentor, open_tasks FROM mentor_load WHERE open_tasks > 0")) {
                openTasks[MentorID(row[0] as String)] = row[1]
            }

            // Expired offers first: their mentors' capacity frees up for the new cases below.
            let timers = try Row.fetchAll(db, sql: """
                SELECT id, case_id, task_id FROM timers WHERE kind = 'offer_expiry' AND due_at <= ? ORDER BY due_at LIMIT ?
                """, arguments: [now.storedValue, limit])
            for timer in timers {
                try db.cachedStatement(sql: "DELETE FROM timers WHERE id = ?").execute(arguments: [timer["id"] as Int64])
                let taskID: String? = timer["task_id"]
                guard let taskID, let taskRow = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM tasks WHERE id = ?"), arguments: [taskID]),
                      let snapshot = try self.snapshot(CaseID(timer["case_id"] as String), db: db)
                else { continue }
                let task = try Self.task(from: taskRow)
                try self.carryOut(plan(.expire(task, snapshot), openTasks), db: db, now: now, openTasks: &openTasks, report: &report)
            }

            let remaining = limit - timers.count
            if remaining > 0 {
                let ids = try String.fetchAll(db, sql: """
                    SELECT id FROM cases WHERE state IN ('received', 'routing') ORDER BY received_at LIMIT ?
                    """, arguments: [remaining])
                for id in ids {
                    let snapshot: CaseSnapshot?
                    do {
                        snapshot = try self.snapshot(CaseID(id), db: db)
                    } catch let error as StoreError where error.code == .corruptRow {
                        // A case that cannot be read would otherwise be picked again every cycle, forever.
                        try self.setAside(CaseID(id), reason: error.description, db: db, now: now)
                        report.setAside.append(CaseID(id))
                        continue
                    }
                    guard let snapshot else { continue }
                    try self.carryOut(plan(.route(snapshot), openTasks), db: db, now: now, openTasks: &openTasks, report: &report)
                }
            }
            return report
        }
    }

    private func carryOut(_ changes: [CaseChange], db: Database, now: Date, openTasks: inout [MentorID: Int], report: inout DispatchReport) throws {
        report.workItems += 1
        report.messagesQueued += try apply(changes, db: db, now: now)
        for change in changes {
            switch change {
            case .insertTask(let task):
                if task.state.isOpen { openTasks[task.mentor, default: 0] += 1 }
                report.offers.append(task)
            case .updateTask(let task):
                if !task.state.isOpen { openTasks[task.mentor, default: 1] -= 1 }
                if task.state == .expired { report.expired.append(task) }
            case .updateCase(let id, .unroutable, _):
                report.unroutable.append(id)
            case .updateCase, .appendEvent, .enqueue, .scheduleOfferExpiry, .cancelOfferExpiry:
                break
            }
        }
    }

    /// Marks a case that cannot be read as unroutable, with the reason in its audit trail.
    private func setAside(_ id: CaseID, reason: String, db: Database, now: Date) throws {
        try db.execute(sql: "UPDATE cases SET state = 'unroutable', updated_at = ? WHERE id = ?", arguments: [now.storedValue, id.rawValue])
        let detail = try JSONColumn.encode(CaseEventDetail(reason: reason))
        try db.execute(
            sql: "INSERT INTO case_events (case_id, at, kind, actor, detail) VALUES (?, ?, 'unroutable', 'system', ?)",
            arguments: [id.rawValue, now.storedValue, detail]
        )
    }

    /// The case with the mentors who declined it, read inside the current transaction.
    func snapshot(_ id: CaseID, db: Database) throws -> CaseSnapshot? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM cases WHERE id = ?"), arguments: [id.rawValue]) else { return nil }
        let declined = try String.fetchAll(
            db.cachedStatement(sql: "SELECT mentor FROM tasks WHERE case_id = ? AND state = 'declined'"), arguments: [id.rawValue]
        )
        return try Self.snapshot(from: row, declinedBy: Set(declined.map(MentorID.init)))
    }
}
