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
        now: Date, limit: Int, prepare: @Sendable (DispatchContext) -> DispatchContext = { $0 },
        plan: @Sendable (DispatchWork, DispatchContext, _ makeTaskID: () -> TaskID) -> [CaseChange]
    ) async throws -> DispatchReport {
        try await pool.write { db in
            var report = DispatchReport()
            var context = prepare(try self.dispatchContext(now: now, db: db))
            let makeTaskID = { self.identifiers.make(TaskKind.self, at: now) }

            // Due timers first, oldest first: overdue ones after downtime fire once each, in order, and
            // an expired offer frees its mentor's capacity for the new cases below.
            let timers = try Row.fetchAll(db, sql: """
                SELECT id, kind, case_id, task_id, step, due_at FROM timers WHERE due_at <= ? ORDER BY due_at, id LIMIT ?
                """, arguments: [now.storedValue, limit])
            for row in timers {
                try db.cachedStatement(sql: "DELETE FROM timers WHERE id = ?").execute(arguments: [row["id"] as Int64])
                guard let kind = TimerKind(rawValue: row["kind"]) else { continue }
                let caseID = CaseID(row["case_id"] as String)
                let taskID: String? = row["task_id"]
                let timer = CaseTimer(kind: kind, caseID: caseID, task: taskID.map(TaskID.init), step: row["step"], due: Date(stored: row["due_at"]))
                let task = try taskID.flatMap { id in
                    try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM tasks WHERE id = ?"), arguments: [id]).map(Self.task(from:))
                }
                guard let snapshot = try self.snapshotOrSetAside(caseID, db: db, now: now, report: &report) else { continue }
                report.timersFired += 1
                try self.carryOut(
                    plan(.timer(timer, task: task, snapshot), context, makeTaskID), read: [task].compactMap { $0 } + snapshot.openOffers,
                    db: db, now: now, context: &context, report: &report
                )
            }

            let remaining = limit - timers.count
            if remaining > 0 {
                let ids = try String.fetchAll(db, sql: """
                    SELECT id FROM cases WHERE state IN ('received', 'routing') ORDER BY received_at LIMIT ?
                    """, arguments: [remaining])
                for id in ids {
                    guard let snapshot = try self.snapshotOrSetAside(CaseID(id), db: db, now: now, report: &report) else { continue }
                    try self.carryOut(
                        plan(.route(snapshot), context, makeTaskID), read: snapshot.openOffers, db: db, now: now, context: &context, report: &report
                    )
                }
            }
            return report
        }
    }

    /// Load, last offers, availability and live overrides, read once per dispatch transaction.
    func dispatchContext(now: Date, db: Database) throws -> DispatchContext {
        var context = DispatchContext()
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT mentor, open_tasks, last_offered_at FROM mentor_load")) {
            let mentor = MentorID(row[0] as String)
            let open: Int = row[1]
            if open > 0 { context.openTasks[mentor] = open }
            if let last = row[2] as Double? { context.lastOfferedAt[mentor] = Date(stored: last) }
        }
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT mentor, status FROM mentor_availability WHERE status != 'available'")) {
            if let status = Availability(rawValue: row[1]) { context.availability[MentorID(row[0] as String)] = status }
        }
        context.overrides = try overrides(schedule: nil, endingAfter: now, db: db)
        context.cafes = try cafeOccupancy(now: now, db: db)
        return context
    }

    /// - Parameter read: the tasks as read for the work item; a plan only updates tasks it was given.
    private func carryOut(
        _ changes: [CaseChange], read: [MentorTask], db: Database, now: Date, context: inout DispatchContext, report: inout DispatchReport
    ) throws {
        report.workItems += 1
        report.messagesQueued += try apply(changes, db: db, now: now)
        context.account(for: changes) { id in read.first { $0.id == id } }
        for change in changes {
            switch change {
            case .insertTask(let task):
                report.offers.append(task)
            case .updateTask(let task):
                if task.state == .expired { report.expired.append(task) }
            case .updateCase(let id, .unroutable, _):
                report.unroutable.append(id)
            case .updateCase(let id, .waiting, _):
                report.waiting.append(id)
            case .insertBooking(let booking):
                report.booked.append(booking)
            default:
                break
            }
        }
    }

    /// The case, or nil after marking it unroutable when its stored row cannot be read (it would
    /// otherwise be picked again every cycle, forever).
    private func snapshotOrSetAside(_ id: CaseID, db: Database, now: Date, report: inout DispatchReport) throws -> CaseSnapshot? {
        do {
            return try snapshot(id, db: db)
        } catch let error as StoreError where error.code == .corruptRow {
            try db.execute(sql: "UPDATE cases SET state = 'unroutable', updated_at = ? WHERE id = ?", arguments: [now.storedValue, id.rawValue])
            let detail = try JSONColumn.encode(CaseEventDetail(reason: error.description))
            try db.execute(
                sql: "INSERT INTO case_events (case_id, at, kind, actor, detail) VALUES (?, ?, 'unroutable', 'system', ?)",
                arguments: [id.rawValue, now.storedValue, detail]
            )
            report.setAside.append(id)
            return nil
        }
    }

    /// The case with what routing needs besides the row: who declined it, its open offers, whether it
    /// was ever offered, and its contact person. Read inside the current transaction.
    func snapshot(_ id: CaseID, db: Database) throws -> CaseSnapshot? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM cases WHERE id = ?"), arguments: [id.rawValue]) else { return nil }
        let tasks = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM tasks WHERE case_id = ?"), arguments: [id.rawValue]).map(Self.task(from:))
        var snapshot = try Self.snapshot(from: row, declinedBy: Set(tasks.filter { $0.state == .declined }.map(\.mentor)))
        snapshot.openOffers = tasks.filter { $0.state == .offered }
        snapshot.offeredBefore = tasks.contains { $0.purpose == .offer }
        let subjects = ContactSubject.of(snapshot.intake)
        for subject in subjects {
            if let mentor = try String.fetchOne(
                db.cachedStatement(sql: "SELECT mentor FROM contact_persons WHERE subject_kind = ? AND subject = ?"), arguments: [subject.kind, subject.key]
            ) {
                snapshot.contactPersons[subject] = MentorID(mentor)
            }
        }
        // The citizen's contact person comes before the company's.
        snapshot.contactPerson = subjects.lazy.compactMap { snapshot.contactPersons[$0] }.first
        // The case's own representative wins, so the registry is read only for cases without one.
        if snapshot.intake.representative == nil {
            snapshot.representative = try registeredRepresentative(for: snapshot.intake.citizenReference, db: db)
        }
        return snapshot
    }

    /// The representative last registered for a citizen reference, on any case.
    func registeredRepresentative(for reference: String?, db: Database) throws -> Representative? {
        guard let reference,
              let data = try Data.fetchOne(
                  db.cachedStatement(sql: "SELECT representative FROM representatives WHERE citizen_reference = ?"), arguments: [reference]
              )
        else { return nil }
        return try JSONColumn.decode(Representative.self, from: data, context: "the representative registered for a citizen reference")
    }
}
