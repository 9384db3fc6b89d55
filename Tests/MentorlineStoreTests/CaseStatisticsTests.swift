import Foundation
import GRDB
import MentorlineCore
@testable import MentorlineStore
import Testing

/// The trigger-kept counts behind `/metrics` and `mentorctl status`, checked against counting the tables.
@Suite struct CaseStatisticsTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func temporaryStore() throws -> SQLiteStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try SQLiteStore(path: directory.appendingPathComponent("test.sqlite").path)
    }

    func submission(_ id: String, at: Date, urgency: Urgency = .routine) throws -> IntakeSubmission {
        try IntakeSubmission(
            caseID: CaseID(id),
            intake: CaseIntake(
                caller: Caller(kind: .company, name: "Jonas Kristensen", phone: "+45 20 30 40 50"), topics: [TopicID("transport"), TopicID("working-hours")],
                urgency: urgency
            ),
            actor: "intake:test", receivedAt: at, idempotency: nil
        )
    }

    /// What the counts must equal: the tables counted the slow way.
    func counted(_ store: SQLiteStore) async throws -> (cases: [CaseState: Int], events: [CaseEventKind: Int]) {
        try await store.pool.read { db in
            var cases: [CaseState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) FROM cases GROUP BY state") { cases[CaseState(rawValue: row[0])!] = row[1] }
            var events: [CaseEventKind: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) FROM case_events GROUP BY kind") { events[CaseEventKind(rawValue: row[0])!] = row[1] }
            return (cases, events)
        }
    }

    @Test func countsFollowEveryCaseAndEventAndTheOldestWaitingCaseIsFound() async throws {
        let store = try temporaryStore()
        #expect(try await store.caseStatistics() == CaseStatistics())
        _ = try await store.commitIntakes([
            try submission("case_1", at: now), try submission("case_2", at: now + .seconds(60)), try submission("case_3", at: now + .seconds(120), urgency: .urgent),
        ])
        var statistics = try await store.caseStatistics()
        #expect(statistics.cases == [.received: 3])
        #expect(statistics.queueDepth == 3)
        #expect(statistics.oldestWaitingSince == now)
        #expect(statistics.oldestWait(at: now + .seconds(600)) == 600)

        // case_1 offered to anna, then accepted; case_2 offered and escalated; case_3 unroutable.
        let now = self.now
        _ = try await store.dispatch(now: now, limit: 10) { work, _, _ in
            guard case .route(let snapshot) = work else { return [] }
            let event: CaseEventKind = snapshot.id == CaseID("case_3") ? .unroutable : .offered
            var changes: [CaseChange] = [
                .updateCase(snapshot.id, state: event == .unroutable ? .unroutable : .offered, progress: nil),
                .appendEvent(snapshot.id, CaseEvent(at: now, kind: event, actor: "dispatcher")),
            ]
            if event == .offered {
                changes.append(.insertTask(MentorTask(
                    id: TaskID("t_\(snapshot.id)"), caseID: snapshot.id, mentor: MentorID("anna"), state: .offered, level: 0, round: 0, offeredAt: now,
                    deadline: now + .seconds(600)
                )))
            }
            if snapshot.id == CaseID("case_2") { changes.append(.appendEvent(snapshot.id, CaseEvent(at: now, kind: .escalated, actor: "dispatcher"))) }
            return changes
        }
        try await store.pool.write { db in
            try db.execute(sql: "UPDATE cases SET state = 'accepted' WHERE id = 'case_1'")
            try db.execute(sql: "UPDATE tasks SET state = 'accepted' WHERE case_id = 'case_1'")
        }

        statistics = try await store.caseStatistics()
        let slow = try await counted(store)
        #expect(statistics.cases == slow.cases)
        #expect(statistics.events == slow.events)
        #expect(statistics.cases == [.accepted: 1, .offered: 1, .unroutable: 1])
        #expect(statistics.events[.offered] == 2)
        #expect(statistics.events[.escalated] == 1)
        #expect(statistics.events[.unroutable] == 1)
        #expect(statistics.queueDepth == 2)
        #expect(statistics.oldestWaitingSince == now + .seconds(60))

        let waiting = try await store.waitingCases(limit: 10)
        #expect(waiting.map(\.id) == [CaseID("case_2"), CaseID("case_3")])
        #expect(waiting[0].offeredTo == [MentorID("anna")])
        #expect(waiting[0].topics == [TopicID("transport"), TopicID("working-hours")])
        #expect(waiting[1].urgency == .urgent)
        #expect(waiting[1].offeredTo.isEmpty)
        #expect(try await store.waitingCases(limit: 1).count == 1)

        // Resolving the rest empties the queue; the counters never go back.
        try await store.pool.write { db in try db.execute(sql: "UPDATE cases SET state = 'resolved'") }
        statistics = try await store.caseStatistics()
        #expect(statistics.cases == [.resolved: 3])
        #expect(statistics.queueDepth == 0)
        #expect(statistics.oldestWaitingSince == nil)
        #expect(statistics.oldestWait(at: now) == 0)
        #expect(statistics.events[.offered] == 2)
    }
}
