package import Foundation
import GRDB
package import MentorlineCore

extension SQLiteStore {
    package func dueMessages(now: Date, limit: Int, excluding: Set<MessageID>) async throws -> [OutboxMessage] {
        try await pool.read { db in
            // Over-fetch by the in-flight count so that excluded rows do not starve the batch.
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT id, case_id, event_type, recipient_kind, recipient_id, endpoint, payload, attempts, not_before
                FROM outbox WHERE state = 'pending' AND not_before <= ? ORDER BY not_before, id LIMIT ?
                """), arguments: [now.storedValue, limit + excluding.count])
            var messages: [OutboxMessage] = []
            messages.reserveCapacity(min(rows.count, limit))
            for row in rows {
                let id = MessageID(row["id"] as String)
                if excluding.contains(id) { continue }
                let caseID: String? = row["case_id"]
                let payload: Data = row["payload"]
                messages.append(OutboxMessage(
                    id: id, caseID: caseID.map(CaseID.init), eventType: row["event_type"], recipientKind: row["recipient_kind"],
                    recipientID: row["recipient_id"], endpoint: EndpointID(row["endpoint"] as String), payload: Array(payload),
                    attempts: row["attempts"], notBefore: Date(stored: row["not_before"])
                ))
                if messages.count == limit { break }
            }
            return messages
        }
    }

    package func nextMessageDue(after now: Date) async throws -> Date? {
        try await pool.read { db in
            try Double.fetchOne(db, sql: "SELECT MIN(not_before) FROM outbox WHERE state = 'pending' AND not_before > ?", arguments: [now.storedValue])
                .map(Date.init(stored:))
        }
    }

    package func recordDeliveries(_ outcomes: [DeliveryOutcome], now: Date) async throws {
        guard !outcomes.isEmpty else { return }
        try await pool.write { db in
            let at = now.storedValue
            for outcome in outcomes {
                switch outcome {
                case .delivered(let id, let status):
                    try db.cachedStatement(sql: """
                        UPDATE outbox SET state = 'delivered', attempts = attempts + 1, last_attempt_at = ?, last_status = ?, last_error = NULL,
                        delivered_at = ? WHERE id = ? AND state = 'pending'
                        """).execute(arguments: [at, status, at, id.rawValue])
                case .retry(let id, let status, let error, let next):
                    try db.cachedStatement(sql: """
                        UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ?, last_status = ?, last_error = ?, not_before = ?
                        WHERE id = ? AND state = 'pending'
                        """).execute(arguments: [at, status, error, next.storedValue, id.rawValue])
                case .dead(let id, let status, let error, let alert):
                    try db.cachedStatement(sql: """
                        UPDATE outbox SET state = 'dead', attempts = attempts + 1, last_attempt_at = ?, last_status = ?, last_error = ?
                        WHERE id = ? AND state = 'pending'
                        """).execute(arguments: [at, status, error, id.rawValue])
                    if let alert, db.changesCount > 0 { try self.enqueue(alert, db: db, now: now) }
                }
            }
        }
    }
}
