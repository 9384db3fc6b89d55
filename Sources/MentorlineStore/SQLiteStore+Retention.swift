package import Foundation
import GRDB
package import MentorlineCore

extension SQLiteStore {
    /// Cases erased per transaction, so intake never waits long behind a large first run.
    static let erasureBatchSize = 100

    /// What ``runRetention(policy:now:actor:)`` would erase at `now`; changes nothing.
    package func retentionPreview(policy: RetentionPolicy, now: Date) async throws -> RetentionReport {
        try await pool.read { db in
            var report = RetentionReport(at: now, cutoff: policy.cutoff(at: now))
            var after: (Double, String)?
            while true {
                let batch = try self.retentionCandidates(closedBy: report.cutoff, after: after, limit: 1000, db: db)
                report.add(batch, policy: policy, now: now)
                guard batch.count == 1000, let last = batch.last, let closed = last.closedAt else { break }
                after = (closed.storedValue, last.caseID.rawValue)
            }
            return report
        }
    }

    /// Erases the personal data of every case the rule finds due at `now`, in transactions of
    /// ``erasureBatchSize`` cases, then records the run in `retention_runs`; and in the audit log when it
    /// erased something or a person ran it (an `actor` other than ``RetentionPolicy/dailyJobActor``), so
    /// a nightly run that changed nothing is no entry there.
    ///
    /// Per case: the intake's personal fields, the citizen reference and CVR columns, handoff notes, the
    /// free text in its trail, the texts, values and payloads of its messages; its timers and idempotency
    /// keys go; the representative and contact persons registered for its citizen or company go when no
    /// case of theirs that is not erased is left. Ids, times, states, topics, urgency and outcomes stay.
    /// Freed space is overwritten (`secure_delete`), and the write-ahead log is truncated afterwards.
    @discardableResult
    package func runRetention(policy: RetentionPolicy, now: Date, actor: String) async throws -> RetentionReport {
        let cutoff = policy.cutoff(at: now)
        var report = RetentionReport(at: now, cutoff: cutoff)
        var after: (Double, String)?
        while true {
            let position = after
            let (batch, last) = try await pool.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA secure_delete = ON")
                defer { try? db.execute(sql: "PRAGMA secure_delete = FAST") }
                var batch = RetentionReport(at: now, cutoff: cutoff)
                var last: RetentionCandidate?
                try db.inTransaction {
                    let candidates = try self.retentionCandidates(closedBy: cutoff, after: position, limit: Self.erasureBatchSize, db: db)
                    batch.add(candidates, policy: policy, now: now)
                    for erasure in batch.erased {
                        try self.erase(erasure.caseID, now: now, db: db)
                    }
                    last = candidates.count == Self.erasureBatchSize ? candidates.last : nil
                    return .commit
                }
                return (batch, last)
            }
            report.erased += batch.erased
            report.heldBack += batch.heldBack
            guard let last, let closed = last.closedAt else { break }
            after = (closed.storedValue, last.caseID.rawValue)
        }
        let (erased, heldBack) = (report.erased.count, report.heldBack.count)
        try await pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = FAST") }
            try db.inTransaction {
                try self.pseudonymiseAuditSubjects(db: db)
                try db.execute(
                    sql: "INSERT INTO retention_runs (at, actor, cutoff, erased, held_back) VALUES (?, ?, ?, ?, ?)",
                    arguments: [now.storedValue, actor, cutoff.storedValue, erased, heldBack]
                )
                if erased > 0 || actor != RetentionPolicy.dailyJobActor {
                    try self.audit(
                        actor: actor, action: "retention.run", subject: "cases",
                        detail: ["erased": "\(erased)", "held_back": "\(heldBack)", "cutoff": "\(cutoff.timeIntervalSince1970)"],
                        now: now, db: db
                    )
                }
                return .commit
            }
        }
        // The log still holds the pages as they were before the erasure until it is checkpointed; a busy
        // reader only delays that to the next automatic checkpoint.
        _ = try? await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        return report
    }

    /// When the rule last ran (daily or by an admin), if ever.
    package func lastRetentionRun() async throws -> Date? {
        try await pool.read { db in
            try Double.fetchOne(db, sql: "SELECT at FROM retention_runs ORDER BY seq DESC LIMIT 1").map(Date.init(stored:))
        }
    }

    // MARK: In a transaction

    /// Closed, not yet erased cases closed at or before `cutoff`, in (closed_at, id) order after `after`.
    func retentionCandidates(closedBy cutoff: Date, after: (Double, String)?, limit: Int, db: Database) throws -> [RetentionCandidate] {
        // Closing times are seconds since 1970: -1 is before all of them.
        let (afterClosed, afterID) = after ?? (-1, "")
        return try Row.fetchAll(db.cachedStatement(sql: """
            SELECT c.id, c.state, c.closed_at, c.erased_at,
                (SELECT COUNT(*) FROM outbox o WHERE o.case_id = c.id AND o.state = 'pending') AS pending
            FROM cases c
            WHERE c.closed_at IS NOT NULL AND c.erased_at IS NULL AND c.closed_at <= ? AND (c.closed_at, c.id) > (?, ?)
            ORDER BY c.closed_at, c.id LIMIT ?
            """), arguments: [cutoff.storedValue, afterClosed, afterID, limit]).map { row in
            let id = CaseID(row["id"] as String)
            guard let state = CaseState(rawValue: row["state"]) else { throw StoreError(.corruptRow, "case \(id) state") }
            let closed: Double? = row["closed_at"]
            let erased: Double? = row["erased_at"]
            return RetentionCandidate(
                caseID: id, state: state, closedAt: closed.map(Date.init(stored:)), erasedAt: erased.map(Date.init(stored:)),
                pendingMessages: row["pending"]
            )
        }
    }

    /// Blanks one case's personal data (see ``runRetention(policy:now:actor:)``).
    func erase(_ id: CaseID, now: Date, db: Database) throws {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT intake, caller_kind, urgency, language, citizen_reference, cvr FROM cases WHERE id = ? AND erased_at IS NULL",
            arguments: [id.rawValue]
        ) else { return }
        let reference: String? = row["citizen_reference"]
        let cvr: String? = row["cvr"]
        let erasedIntake: CaseIntake
        if let intake = try? JSONColumn.decode(CaseIntake.self, from: row["intake"], context: "case \(id) intake") {
            erasedIntake = intake.erasingPersonalData()
        } else {
            // A row set aside as unreadable still has its personal data erased; what the columns say stays.
            erasedIntake = CaseIntake(
                caller: Caller(kind: CallerKind(rawValue: row["caller_kind"]) ?? .citizen, name: ""), topics: [],
                language: LanguageCode(row["language"] as String) ?? .danish, urgency: Urgency(rawValue: row["urgency"]) ?? .routine
            )
        }
        try db.execute(
            sql: "UPDATE cases SET intake = ?, citizen_reference = NULL, cvr = NULL, erased_at = ? WHERE id = ?",
            arguments: [try JSONColumn.encode(erasedIntake), now.storedValue, id.rawValue]
        )

        // The trail: the trigger lets only the details of an erased case change.
        for event in try Row.fetchAll(db, sql: "SELECT seq, kind, detail FROM case_events WHERE case_id = ?", arguments: [id.rawValue]) {
            let stored: Data = event["detail"]
            let erased: CaseEventDetail
            if let kind = CaseEventKind(rawValue: event["kind"]),
               let detail = try? JSONColumn.decode(CaseEventDetail.self, from: stored, context: "case \(id) event detail") {
                erased = detail.erasingPersonalData(of: kind)
            } else {
                erased = CaseEventDetail()
            }
            let encoded = try JSONColumn.encode(erased)
            if encoded != stored {
                try db.execute(sql: "UPDATE case_events SET detail = ? WHERE seq = ?", arguments: [encoded, event["seq"] as Int64])
            }
        }

        try db.execute(sql: "UPDATE tasks SET note = NULL WHERE case_id = ? AND note IS NOT NULL", arguments: [id.rawValue])
        // Pending messages hold a case back, so none are touched here; the guard keeps it so.
        try db.execute(sql: """
            UPDATE outbox SET text = NULL, template_values = NULL, payload = x'' WHERE case_id = ? AND state != 'pending'
            """, arguments: [id.rawValue])
        try db.execute(sql: "DELETE FROM timers WHERE case_id = ?", arguments: [id.rawValue])
        try db.execute(sql: "DELETE FROM idempotency_keys WHERE case_id = ?", arguments: [id.rawValue])

        if let reference, try !Self.hasUnerasedCase(column: "citizen_reference", value: reference, db: db) {
            try db.execute(sql: "DELETE FROM representatives WHERE citizen_reference = ?", arguments: [reference])
            try db.execute(sql: "DELETE FROM contact_persons WHERE subject_kind = 'citizen' AND subject = ?", arguments: [reference])
        }
        if let cvr, try !Self.hasUnerasedCase(column: "cvr", value: cvr, db: db) {
            try db.execute(sql: "DELETE FROM contact_persons WHERE subject_kind = 'company' AND subject = ?", arguments: [cvr])
        }
    }

    /// Audit entries about a citizen or company that has no case left unerased and no contact person
    /// keep who did what and when; their subject becomes `citizen:erased` or `company:erased`.
    func pseudonymiseAuditSubjects(db: Database) throws {
        for (kind, column) in [("citizen", "citizen_reference"), ("company", "cvr")] {
            let erased = ContactSubject.erased(description: kind)
            try db.execute(sql: """
                UPDATE audit_log SET subject = ?
                WHERE subject LIKE ? AND subject != ?
                    AND NOT EXISTS (SELECT 1 FROM cases WHERE cases.\(column) = substr(audit_log.subject, ?) AND cases.erased_at IS NULL)
                    AND NOT EXISTS (
                        SELECT 1 FROM contact_persons WHERE contact_persons.subject_kind = ? AND contact_persons.subject = substr(audit_log.subject, ?)
                    )
                """, arguments: [erased, "\(kind):%", erased, kind.count + 2, kind, kind.count + 2])
        }
    }

    static func hasUnerasedCase(column: String, value: String, db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM cases WHERE \(column) = ? AND erased_at IS NULL)", arguments: [value]
        ) ?? false
    }
}

extension RetentionReport {
    /// Sorts candidates into erased (due) and held back by the policy's verdict.
    mutating func add(_ candidates: [RetentionCandidate], policy: RetentionPolicy, now: Date) {
        for candidate in candidates {
            guard let closedAt = candidate.closedAt else { continue }
            switch policy.verdict(for: candidate, at: now) {
            case .erase:
                erased.append(Erasure(caseID: candidate.caseID, closedAt: closedAt))
            case .deliveryPending(let messages):
                heldBack.append(HeldBack(caseID: candidate.caseID, closedAt: closedAt, pendingMessages: messages))
            case .open, .keep, .alreadyErased:
                continue
            }
        }
    }
}
