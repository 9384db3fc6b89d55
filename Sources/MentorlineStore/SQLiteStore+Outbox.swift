package import Foundation
import GRDB
package import MentorlineCore

extension SQLiteStore {
    package func dueMessages(
        now: Date, limits: [EndpointID: Int], unconfiguredLimit: Int, total: Int, excluding: Set<MessageID>
    ) async throws -> [OutboxMessage] {
        guard total > 0 else { return [] }
        return try await pool.read { db in
            let disabled = try self.disabledEndpoints(db)
            var messages: [OutboxMessage] = []
            for endpoint in try self.endpointsWithPendingMessages(db) where !disabled.contains(endpoint) {
                let limit = min(limits[endpoint] ?? unconfiguredLimit, total)
                guard limit > 0 else { continue }
                // Over-fetch by the in-flight count so that excluded rows do not starve the batch.
                let rows = try Row.fetchAll(db.cachedStatement(sql: """
                    SELECT id, case_id, event_type, recipient_kind, recipient_id, endpoint, payload, attempts, not_before, created_at
                    FROM outbox WHERE state = 'pending' AND endpoint = ? AND not_before <= ? ORDER BY not_before, id LIMIT ?
                    """), arguments: [endpoint.rawValue, now.storedValue, limit + excluding.count])
                var taken = 0
                for row in rows where taken < limit {
                    let id = MessageID(row["id"] as String)
                    if excluding.contains(id) { continue }
                    let caseID: String? = row["case_id"]
                    let payload: Data = row["payload"]
                    messages.append(OutboxMessage(
                        id: id, caseID: caseID.map(CaseID.init), eventType: row["event_type"], recipientKind: row["recipient_kind"],
                        recipientID: row["recipient_id"], endpoint: endpoint, payload: Array(payload),
                        attempts: row["attempts"], notBefore: Date(stored: row["not_before"]), createdAt: Date(stored: row["created_at"])
                    ))
                    taken += 1
                }
            }
            guard messages.count > total else { return messages.sorted(by: Self.dueOrder) }
            return Array(messages.sorted(by: Self.dueOrder).prefix(total))
        }
    }

    private static func dueOrder(_ lhs: OutboxMessage, _ rhs: OutboxMessage) -> Bool {
        (lhs.notBefore, lhs.id.rawValue) < (rhs.notBefore, rhs.id.rawValue)
    }

    package func nextMessageDue(after now: Date) async throws -> Date? {
        try await pool.read { db in
            let disabled = try self.disabledEndpoints(db)
            var earliest: Date?
            for endpoint in try self.endpointsWithPendingMessages(db) where !disabled.contains(endpoint) {
                let next = try Double.fetchOne(db.cachedStatement(sql: """
                    SELECT MIN(not_before) FROM outbox WHERE state = 'pending' AND endpoint = ? AND not_before > ?
                    """), arguments: [endpoint.rawValue, now.storedValue]).map(Date.init(stored:))
                if let next, next < earliest ?? .distantFuture { earliest = next }
            }
            return earliest
        }
    }

    @discardableResult
    package func recordDeliveries(_ attempts: [DeliveryAttempt], now: Date, health: EndpointHealthRules) async throws -> [EndpointState] {
        guard !attempts.isEmpty else { return [] }
        return try await pool.write { db in
            let at = now.storedValue
            for attempt in attempts {
                switch attempt.outcome {
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
                case .endpointGone(let id, let status, let error):
                    try db.cachedStatement(sql: """
                        UPDATE outbox SET last_attempt_at = ?, last_status = ?, last_error = ? WHERE id = ? AND state = 'pending'
                        """).execute(arguments: [at, status, error, id.rawValue])
                case .held(let id, let until, let reason):
                    try db.cachedStatement(sql: """
                        UPDATE outbox SET not_before = ?, held_reason = ?, held_detail = ? WHERE id = ? AND state = 'pending'
                        """).execute(arguments: [until.storedValue, reason?.code, reason?.description, id.rawValue])
                }
            }
            return try self.recordEndpointResults(attempts, now: now, health: health, db: db)
        }
    }

    /// Applies each attempt's result to its endpoint's state, in order; queues the alert for each endpoint
    /// this disabled and returns those endpoints.
    private func recordEndpointResults(_ attempts: [DeliveryAttempt], now: Date, health: EndpointHealthRules, db: Database) throws -> [EndpointState] {
        var states: [EndpointID: EndpointState] = [:]
        var order: [EndpointID] = []
        var disabled: [EndpointState] = []
        for attempt in attempts {
            guard let endpoint = attempt.endpoint, let result = attempt.endpointResult else { continue }
            if states[endpoint] == nil {
                states[endpoint] = try self.endpointState(endpoint, db: db) ?? .fresh(endpoint)
                order.append(endpoint)
            }
            let (next, disabledNow) = states[endpoint]!.recording(result, at: now, disableAfter: health.disableAfter[endpoint])
            states[endpoint] = next
            if disabledNow { disabled.append(next) }
        }
        for endpoint in order { try self.saveEndpointState(states[endpoint]!, db: db) }
        for state in disabled {
            if let alert = health.alert(state) { try self.enqueue(alert, db: db, now: now) }
        }
        return disabled
    }

    /// Endpoints with at least one pending message, from the trigger-kept counts.
    func endpointsWithPendingMessages(_ db: Database) throws -> [EndpointID] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT endpoint FROM outbox_counts WHERE state = 'pending' AND messages > 0 ORDER BY endpoint"))
            .map(EndpointID.init)
    }

    func disabledEndpoints(_ db: Database) throws -> Set<EndpointID> {
        Set(try String.fetchAll(db.cachedStatement(sql: "SELECT endpoint FROM endpoint_state WHERE enabled = 0")).map(EndpointID.init))
    }
}
