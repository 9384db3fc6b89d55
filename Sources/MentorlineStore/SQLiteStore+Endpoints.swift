package import Foundation
import GRDB
package import MentorlineCore

extension SQLiteStore {
    /// Every endpoint something was recorded for; others are ``EndpointState/fresh(_:)``.
    package func endpointStates() async throws -> [EndpointState] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM endpoint_state ORDER BY endpoint").map(Self.endpointState(from:))
        }
    }

    /// Enables or disables an endpoint for an operator; audited when it changes anything. Enabling clears
    /// the failures counted towards `disable_after`.
    package func setEndpoint(
        _ endpoint: EndpointID, enabled: Bool, reason: String?, by actor: String, now: Date
    ) async throws -> (state: EndpointState, changed: Bool) {
        try await pool.write { db in
            var state = try self.endpointState(endpoint, db: db) ?? .fresh(endpoint)
            guard state.enabled != enabled else { return (state, false) }
            if enabled {
                let previous = state.disabledReason ?? ""
                state.enable()
                try self.audit(actor: actor, action: "endpoint.enable", subject: "endpoint:\(endpoint)", detail: ["was_disabled_for": previous], now: now, db: db)
            } else {
                let reason = reason ?? "disabled by \(actor)"
                state.disable(reason: reason, by: actor, at: now)
                try self.audit(actor: actor, action: "endpoint.disable", subject: "endpoint:\(endpoint)", detail: ["reason": reason], now: now, db: db)
            }
            try self.saveEndpointState(state, db: db)
            return (state, true)
        }
    }

    /// Messages per endpoint and state (only combinations that ever had a message).
    package func messageCounts() async throws -> [MessageCount] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT endpoint, state, messages FROM outbox_counts ORDER BY endpoint, state").compactMap { row in
                guard let state = OutboxState(rawValue: row["state"]) else { return nil }
                return MessageCount(endpoint: EndpointID(row["endpoint"] as String), state: state, count: row["messages"])
            }
        }
    }

    /// Messages the letter policy holds at `now` (pending, with a hold reason and not yet due), by reason.
    package func heldLetterCounts(now: Date) async throws -> [String: Int] {
        try await pool.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(db.cachedStatement(sql: """
                SELECT held_reason, COUNT(*) AS messages FROM outbox
                WHERE state = 'pending' AND held_reason IS NOT NULL AND not_before > ? GROUP BY held_reason
                """), arguments: [now.storedValue]) {
                counts[row["held_reason"]] = row["messages"]
            }
            return counts
        }
    }

    // MARK: Rows

    func endpointState(_ endpoint: EndpointID, db: Database) throws -> EndpointState? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM endpoint_state WHERE endpoint = ?"), arguments: [endpoint.rawValue])
            .map(Self.endpointState(from:))
    }

    func saveEndpointState(_ state: EndpointState, db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO endpoint_state (endpoint, enabled, disabled_at, disabled_reason, disabled_by, failing_since, last_success_at,
                last_failure_at, last_status, last_error)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (endpoint) DO UPDATE SET enabled = excluded.enabled, disabled_at = excluded.disabled_at,
                disabled_reason = excluded.disabled_reason, disabled_by = excluded.disabled_by, failing_since = excluded.failing_since,
                last_success_at = excluded.last_success_at, last_failure_at = excluded.last_failure_at, last_status = excluded.last_status,
                last_error = excluded.last_error
            """).execute(arguments: [
                state.endpoint.rawValue, state.enabled, state.disabledAt?.storedValue, state.disabledReason, state.disabledBy,
                state.failingSince?.storedValue, state.lastSuccessAt?.storedValue, state.lastFailureAt?.storedValue, state.lastStatus,
                state.lastError,
            ])
    }

    static func endpointState(from row: Row) -> EndpointState {
        func date(_ column: String) -> Date? { (row[column] as Double?).map(Date.init(stored:)) }
        return EndpointState(
            endpoint: EndpointID(row["endpoint"] as String), enabled: row["enabled"], disabledAt: date("disabled_at"),
            disabledReason: row["disabled_reason"], disabledBy: row["disabled_by"], failingSince: date("failing_since"),
            lastSuccessAt: date("last_success_at"), lastFailureAt: date("last_failure_at"), lastStatus: row["last_status"],
            lastError: row["last_error"]
        )
    }
}
