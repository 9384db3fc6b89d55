import Foundation
import GRDB
import MentorlineCore

extension SQLiteStore {
    package func commitIntakes(_ submissions: [IntakeSubmission]) async throws -> [IntakeOutcome] {
        let receivedDetail = try JSONColumn.encode(CaseEventDetail())
        return try await pool.write { db in
            var outcomes: [IntakeOutcome] = []
            outcomes.reserveCapacity(submissions.count)
            let findKey = try db.cachedStatement(sql: """
                SELECT k.body_sha256, k.case_id, c.received_at FROM idempotency_keys k JOIN cases c ON c.id = k.case_id
                WHERE k.scope = ? AND k.key = ?
                """)
            let insertCase = try db.cachedStatement(sql: """
                INSERT INTO cases (id, state, received_at, updated_at, caller_kind, urgency, language, citizen_reference, cvr, intake, intake_actor)
                VALUES (?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let insertEvent = try db.cachedStatement(sql: "INSERT INTO case_events (case_id, at, kind, actor, detail) VALUES (?, ?, 'received', ?, ?)")
            let insertKey = try db.cachedStatement(sql: "INSERT INTO idempotency_keys (scope, key, body_sha256, case_id, created_at) VALUES (?, ?, ?, ?, ?)")
            let registerRepresentative = try db.cachedStatement(sql: """
                INSERT INTO representatives (citizen_reference, representative, case_id, registered_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (citizen_reference) DO UPDATE
                SET representative = excluded.representative, case_id = excluded.case_id, registered_at = excluded.registered_at
                """)

            for submission in submissions {
                if let claim = submission.idempotency,
                   let row = try Row.fetchOne(findKey, arguments: [claim.scope, claim.key]) {
                    let digest: Data = row[0]
                    let existing = CaseID(row[1] as String)
                    if digest == Data(claim.bodyDigest) {
                        outcomes.append(.replayed(existing, receivedAt: Date(stored: row[2])))
                    } else {
                        outcomes.append(.idempotencyConflict(existing))
                    }
                    continue
                }
                let intake = submission.intake
                let at = submission.receivedAt.storedValue
                try insertCase.execute(arguments: [
                    submission.caseID.rawValue, at, at, intake.caller.kind.rawValue, intake.urgency.rawValue, intake.language.rawValue,
                    intake.citizenReference, intake.caller.cvr?.rawValue, submission.encodedIntake, submission.actor,
                ])
                try insertEvent.execute(arguments: [submission.caseID.rawValue, at, submission.actor, receivedDetail])
                if let representative = intake.representative, let reference = intake.citizenReference {
                    try registerRepresentative.execute(arguments: [reference, try JSONColumn.encode(representative), submission.caseID.rawValue, at])
                }
                if let claim = submission.idempotency {
                    try insertKey.execute(arguments: [claim.scope, claim.key, Data(claim.bodyDigest), submission.caseID.rawValue, at])
                }
                outcomes.append(.created(submission.caseID, receivedAt: submission.receivedAt))
            }
            return outcomes
        }
    }
}
