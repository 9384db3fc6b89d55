package import Foundation
import GRDB
package import MentorlineCore

extension SQLiteStore {
    package func caseStatistics() async throws -> CaseStatistics {
        try await pool.read { db in
            var statistics = CaseStatistics()
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT state, cases FROM case_counts WHERE cases > 0")) {
                // A state this build does not know (a newer database) is left out rather than failing the scrape.
                if let state = CaseState(rawValue: row["state"]) { statistics.cases[state] = row["cases"] }
            }
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT kind, events FROM case_event_counts")) {
                if let kind = CaseEventKind(rawValue: row["kind"]) { statistics.events[kind] = row["events"] }
            }
            statistics.oldestWaitingSince = try Double.fetchOne(db.cachedStatement(sql: """
                SELECT MIN(received_at) FROM cases WHERE state IN ('received', 'routing', 'offered', 'waiting', 'unroutable')
                """)).map(Date.init(stored:))
            return statistics
        }
    }

    package func waitingCases(limit: Int) async throws -> [WaitingCase] {
        try await pool.read { db in
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT * FROM cases WHERE state IN ('received', 'routing', 'offered', 'waiting', 'unroutable')
                ORDER BY received_at, id LIMIT ?
                """), arguments: [limit])
            return try rows.map { row in
                let snapshot = try Self.snapshot(from: row, declinedBy: [])
                let offeredTo = try String.fetchAll(db.cachedStatement(sql: """
                    SELECT mentor FROM tasks WHERE case_id = ? AND state = 'offered' ORDER BY offered_at, mentor
                    """), arguments: [snapshot.id.rawValue]).map(MentorID.init)
                return WaitingCase(
                    id: snapshot.id, state: snapshot.state, callerKind: snapshot.intake.caller.kind, urgency: snapshot.intake.urgency,
                    language: snapshot.intake.language, topics: snapshot.intake.topics, receivedAt: snapshot.receivedAt,
                    promisedBy: snapshot.promisedBy, offeredTo: offeredTo
                )
            }
        }
    }
}
