package import Foundation
import GRDB
package import MentorlineCore

extension SQLiteStore {
    package func caseDetails(_ id: CaseID) async throws -> CaseDetails? {
        try await pool.read { db in try self.caseDetails(id, db: db) }
    }

    /// The case with its trail, tasks and messages, read in the caller's transaction.
    func caseDetails(_ id: CaseID, db: Database) throws -> CaseDetails? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM cases WHERE id = ?", arguments: [id.rawValue]) else { return nil }
        let events = try Row.fetchAll(db, sql: "SELECT at, kind, actor, detail FROM case_events WHERE case_id = ? ORDER BY seq", arguments: [id.rawValue])
            .map { try Self.event(from: $0, caseID: id) }
        let tasks = try Row.fetchAll(db, sql: "SELECT * FROM tasks WHERE case_id = ? ORDER BY offered_at, id", arguments: [id.rawValue])
            .map { try Self.task(from: $0) }
        let messages = try Row.fetchAll(db, sql: """
            SELECT id, event_type, recipient_kind, recipient_id, endpoint, state, attempts, created_at, not_before, delivered_at, last_status, last_error,
                text, template, language, held_reason, held_detail
            FROM outbox WHERE case_id = ? ORDER BY created_at, id
            """, arguments: [id.rawValue]).map { try Self.messageSummary(from: $0) }
        let snapshot = try Self.snapshot(from: row, declinedBy: [])
        let closed: Double? = row["closed_at"]
        return CaseDetails(
            id: id, state: snapshot.state, receivedAt: snapshot.receivedAt, updatedAt: Date(stored: row["updated_at"]),
            intake: snapshot.intake, progress: snapshot.progress, promisedBy: snapshot.promisedBy, closedAt: closed.map(Date.init(stored:)),
            erasedAt: snapshot.erasedAt, events: events, tasks: tasks, messages: messages
        )
    }

    package func task(_ id: TaskID) async throws -> MentorTask? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM tasks WHERE id = ?", arguments: [id.rawValue]).map(Self.task(from:))
        }
    }

    package func applyMentorAction(
        to taskID: TaskID, consumingLink: String?, now: Date,
        plan: @Sendable (MentorTask, CaseSnapshot, _ makeTaskID: () -> TaskID) -> Result<[CaseChange], MentorActionRefusal>
    ) async throws -> MentorActionResult {
        try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM tasks WHERE id = ?", arguments: [taskID.rawValue]) else { return .notFound }
            let task = try Self.task(from: row)
            guard let snapshot = try self.snapshot(task.caseID, db: db) else { return .notFound }
            if let signature = consumingLink {
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM used_action_links WHERE signature = ?)", arguments: [signature]) == true {
                    return .linkAlreadyUsed
                }
            }
            switch plan(task, snapshot, { self.identifiers.make(TaskKind.self, at: now) }) {
            case .failure(let refusal):
                return .refused(refusal)
            case .success(let changes):
                _ = try self.apply(changes, db: db, now: now)
                if let signature = consumingLink {
                    try db.execute(
                        sql: "INSERT INTO used_action_links (signature, task_id, used_at) VALUES (?, ?, ?)",
                        arguments: [signature, taskID.rawValue, now.storedValue]
                    )
                }
                let updated = try Row.fetchOne(db, sql: "SELECT * FROM tasks WHERE id = ?", arguments: [taskID.rawValue]).map(Self.task(from:))
                guard let updated else { throw StoreError(.corruptRow, "task \(taskID) vanished") }
                let created = changes.compactMap { change -> MentorTask? in
                    if case .insertTask(let task) = change { return task }
                    return nil
                }
                return .applied(updated, created: created)
            }
        }
    }

    // MARK: Row decoding

    static func snapshot(from row: Row, declinedBy: Set<MentorID>) throws -> CaseSnapshot {
        let id = CaseID(row["id"] as String)
        guard let state = CaseState(rawValue: row["state"]) else { throw StoreError(.corruptRow, "case \(id) state") }
        let intake = try JSONColumn.decode(CaseIntake.self, from: row["intake"], context: "case \(id) intake")
        let progressData: Data? = row["progress"]
        let progress = try progressData.map { try JSONColumn.decode(RoutingProgress.self, from: $0, context: "case \(id) progress") }
        let promised: Double? = row["promised_by"]
        let erased: Double? = row["erased_at"]
        return CaseSnapshot(
            id: id, state: state, receivedAt: Date(stored: row["received_at"]), intake: intake, progress: progress, declinedBy: declinedBy,
            promisedBy: promised.map(Date.init(stored:)), erasedAt: erased.map(Date.init(stored:))
        )
    }

    static func task(from row: Row) throws -> MentorTask {
        let id = TaskID(row["id"] as String)
        guard let state = TaskState(rawValue: row["state"]), let purpose = TaskPurpose(rawValue: row["purpose"]) else {
            throw StoreError(.corruptRow, "task \(id) state or purpose")
        }
        let answered: Double? = row["answered_at"]
        let resolved: Double? = row["resolved_at"]
        let handedFrom: String? = row["handed_from"]
        return MentorTask(
            id: id, caseID: CaseID(row["case_id"] as String), mentor: MentorID(row["mentor"] as String), state: state, purpose: purpose,
            level: row["level"], round: row["round"], offeredAt: Date(stored: row["offered_at"]), deadline: Date(stored: row["deadline"]),
            answeredAt: answered.map(Date.init(stored:)), resolvedAt: resolved.map(Date.init(stored:)), handedFrom: handedFrom.map(MentorID.init),
            note: row["note"]
        )
    }

    static func event(from row: Row, caseID: CaseID) throws -> CaseEvent {
        guard let kind = CaseEventKind(rawValue: row["kind"]) else { throw StoreError(.corruptRow, "case \(caseID) event kind") }
        let detail = try JSONColumn.decode(CaseEventDetail.self, from: row["detail"], context: "case \(caseID) event detail")
        return CaseEvent(at: Date(stored: row["at"]), kind: kind, actor: row["actor"], detail: detail)
    }

    static func messageSummary(from row: Row) throws -> MessageSummary {
        let id = MessageID(row["id"] as String)
        guard let state = OutboxState(rawValue: row["state"]) else { throw StoreError(.corruptRow, "message \(id) state") }
        let delivered: Double? = row["delivered_at"]
        return MessageSummary(
            id: id, eventType: row["event_type"], recipientKind: row["recipient_kind"], recipientID: row["recipient_id"],
            endpoint: EndpointID(row["endpoint"] as String), state: state, attempts: row["attempts"], createdAt: Date(stored: row["created_at"]),
            notBefore: Date(stored: row["not_before"]), deliveredAt: delivered.map(Date.init(stored:)), lastStatus: row["last_status"],
            lastError: row["last_error"], text: row["text"], template: row["template"], language: row["language"],
            heldReason: row["held_reason"], heldDetail: row["held_detail"]
        )
    }
}
