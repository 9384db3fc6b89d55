package import Foundation
import GRDB
package import MentorlineCore

extension SQLiteStore {
    /// The newest messages first (in the order they were queued), all of them or those in `state`.
    package func deliveries(state: OutboxState?, limit: Int) async throws -> [DeliveryRecord] {
        try await pool.read { db in
            let columns = """
                id, case_id, event_type, recipient_kind, endpoint, state, attempts, replays, created_at, not_before, last_attempt_at,
                last_status, last_error, delivered_at
                """
            // Newest first is rowid order. Dead and pending messages are few and have their own indexes;
            // delivered ones are most rows, and the newest are found walking back from the end.
            let sql: String
            switch state {
            case .dead?: sql = "SELECT \(columns) FROM outbox INDEXED BY outbox_dead WHERE state = 'dead' ORDER BY rowid DESC LIMIT ?"
            case .pending?: sql = "SELECT \(columns) FROM outbox INDEXED BY outbox_due_by_endpoint WHERE state = 'pending' ORDER BY rowid DESC LIMIT ?"
            case .delivered?: sql = "SELECT \(columns) FROM outbox WHERE state = 'delivered' ORDER BY rowid DESC LIMIT ?"
            case nil: sql = "SELECT \(columns) FROM outbox ORDER BY rowid DESC LIMIT ?"
            }
            return try Row.fetchAll(db, sql: sql, arguments: [limit]).map { try Self.deliveryRecord(from: $0) }
        }
    }

    /// Sends a dead message back to pending, due now, with the same id (so the same `webhook-id`) and
    /// its attempts reset; audited. Anything but a dead message is refused.
    package func replayDelivery(_ id: MessageID, by actor: String, now: Date) async throws -> ReplayResult {
        try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT state, attempts, endpoint, event_type, case_id FROM outbox WHERE id = ?", arguments: [id.rawValue])
            else { return .notFound }
            let state = OutboxState(rawValue: row["state"]) ?? .pending
            guard state == .dead else { return .notDead(state) }
            try db.execute(sql: """
                UPDATE outbox SET state = 'pending', attempts = 0, not_before = ?, replays = replays + 1 WHERE id = ? AND state = 'dead'
                """, arguments: [now.storedValue, id.rawValue])
            let caseID: String? = row["case_id"]
            try self.audit(
                actor: actor, action: "delivery.replay", subject: "message:\(id)",
                detail: [
                    "endpoint": row["endpoint"], "event_type": row["event_type"], "attempts_before": "\(row["attempts"] as Int)",
                    "case": caseID ?? "",
                ],
                now: now, db: db
            )
            guard let updated = try Row.fetchOne(db, sql: """
                SELECT id, case_id, event_type, recipient_kind, endpoint, state, attempts, replays, created_at, not_before, last_attempt_at,
                last_status, last_error, delivered_at FROM outbox WHERE id = ?
                """, arguments: [id.rawValue])
            else { throw StoreError(.corruptRow, "message \(id) vanished while replayed") }
            return .replayed(try Self.deliveryRecord(from: updated))
        }
    }

    static func deliveryRecord(from row: Row) throws -> DeliveryRecord {
        let id: String = row["id"]
        guard let state = OutboxState(rawValue: row["state"]) else { throw StoreError(.corruptRow, "message \(id) has an unknown state") }
        let caseID: String? = row["case_id"]
        func date(_ column: String) -> Date? { (row[column] as Double?).map(Date.init(stored:)) }
        return DeliveryRecord(
            id: MessageID(id), caseID: caseID.map(CaseID.init), eventType: row["event_type"], recipientKind: row["recipient_kind"],
            endpoint: EndpointID(row["endpoint"] as String), state: state, attempts: row["attempts"], replays: row["replays"],
            createdAt: Date(stored: row["created_at"]), notBefore: Date(stored: row["not_before"]), lastAttemptAt: date("last_attempt_at"),
            lastStatus: row["last_status"], lastError: row["last_error"], deliveredAt: date("delivered_at")
        )
    }
}
