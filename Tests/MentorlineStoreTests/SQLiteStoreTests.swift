import Foundation
import GRDB
import Logging
import MentorlineCore
@testable import MentorlineStore
import ServiceLifecycle
import Testing

@Suite struct SQLiteStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func temporaryStore() throws -> (SQLiteStore, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("test.sqlite").path
        return (try SQLiteStore(path: path), path)
    }

    func submission(_ id: String, key: String? = nil, digest: [UInt8] = [1]) -> IntakeSubmission {
        try! IntakeSubmission(
            caseID: CaseID(id),
            intake: CaseIntake(caller: Caller(kind: .citizen, name: "Ali", phone: "12345678"), topics: [TopicID("debt")]),
            actor: "intake:test", receivedAt: now, idempotency: key.map { IdempotencyClaim(scope: "intake:test", key: $0, bodyDigest: digest) }
        )
    }

    @Test func theDatabaseIsDurableAndMigrated() throws {
        let (store, _) = try temporaryStore()
        #expect(try store.pragma("journal_mode") == "wal")
        #expect(try store.pragma("synchronous") == "2") // FULL
        #expect(try store.pragma("foreign_keys") == "1")
        let migrations = try store.appliedMigrations()
        #expect(migrations.first?.hasPrefix("v1: ") == true)
        #expect(migrations.contains("v5: endpoint state and delivery replay"))
        #expect(migrations.last == "v11: talk reminders")
    }

    @Test func theAuditTrailIsAppendOnly() async throws {
        let (store, _) = try temporaryStore()
        _ = try await store.commitIntakes([submission("case_1")])
        await #expect(throws: (any Error).self) {
            try await store.pool.write { db in try db.execute(sql: "UPDATE case_events SET actor = 'someone else'") }
        }
        await #expect(throws: (any Error).self) {
            try await store.pool.write { db in try db.execute(sql: "DELETE FROM case_events") }
        }
        await #expect(throws: (any Error).self) {
            try await store.pool.write { db in try db.execute(sql: "UPDATE cases SET state = 'lost'") }
        }
    }

    @Test func idempotencyKeysReplayWithinAndAcrossBatches() async throws {
        let (store, _) = try temporaryStore()
        let outcomes = try await store.commitIntakes([
            submission("case_1", key: "k"), submission("case_2", key: "k"), submission("case_3", key: "k", digest: [2]), submission("case_4"),
        ])
        #expect(outcomes == [
            .created(CaseID("case_1"), receivedAt: now), .replayed(CaseID("case_1"), receivedAt: now),
            .idempotencyConflict(CaseID("case_1")), .created(CaseID("case_4"), receivedAt: now),
        ])
        let later = try await store.commitIntakes([submission("case_5", key: "k")])
        #expect(later == [.replayed(CaseID("case_1"), receivedAt: now)])
        #expect(try await store.caseDetails(CaseID("case_2")) == nil)
    }

    @Test func concurrentSubmissionsShareTransactions() async throws {
        let (store, _) = try temporaryStore()
        let committer = IntakeCommitter(store: store, logger: Logger(label: "test"), committed: { _ in })
        let group = ServiceGroup(services: [committer], logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let outcomes = try await withThrowingTaskGroup(of: IntakeOutcome.self) { submissions in
                for index in 0..<500 { submissions.addTask { try await committer.submit(submission("case_\(index)")) } }
                return try await submissions.reduce(into: [IntakeOutcome]()) { $0.append($1) }
            }
            #expect(outcomes.count == 500)
            #expect(outcomes.allSatisfy { if case .created = $0 { true } else { false } })
            let counts = committer.committedCounts
            #expect(counts.submissions == 500)
            #expect(counts.batches < 500, "group commit should share transactions under concurrency")
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        await #expect(throws: StoreError.self) { try await committer.submit(submission("case_late")) }
    }

    @Test func openTasksPerMentorFollowEveryTaskTransition() async throws {
        let (store, _) = try temporaryStore()
        _ = try await store.commitIntakes([submission("case_1"), submission("case_2")])
        func load() async throws -> [String: Int] {
            try await store.pool.read { db in
                Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT mentor, open_tasks FROM mentor_load").map { ($0[0] as String, $0[1] as Int) })
            }
        }
        let now = self.now
        @Sendable func task(_ id: String, _ caseID: String, _ state: TaskState) -> MentorTask {
            MentorTask(id: TaskID(id), caseID: CaseID(caseID), mentor: MentorID("anna"), state: state, level: 0, round: 0, offeredAt: now, deadline: now)
        }
        _ = try await store.dispatch(now: now, limit: 10) { work, _, _ in
            guard case .route(let snapshot) = work else { return [] }
            let id = snapshot.id == CaseID("case_1") ? "t1" : "t2"
            return [.insertTask(task(id, snapshot.id.rawValue, .offered)), .updateCase(snapshot.id, state: .offered, progress: nil)]
        }
        #expect(try await load() == ["anna": 2])
        let planner = CasePlanner(roster: Roster(), notifications: Notifications(
            publicURL: "http://127.0.0.1", timeZone: TimeZone(identifier: "UTC")!, topics: [:],
            endpoints: RecipientEndpoints(byKind: [.mentor: EndpointID("m"), .ops: EndpointID("o")], fallback: EndpointID("m")),
            texts: PlainTexts(), letters: .standard(timeZone: TimeZone(identifier: "UTC")!)
        ))
        func act(_ action: MentorAction, _ id: String) async throws -> MentorActionResult {
            try await store.applyMentorAction(to: TaskID(id), consumingLink: nil, now: now) { task, snapshot, makeTaskID in
                planner.mentorAction(action, on: task, of: snapshot, by: .mentor(MentorID("anna")), now: now, makeTaskID: makeTaskID)
            }
        }
        let accepted = try await act(.accept, "t1")
        #expect(accepted == .applied(task("t1", "case_1", .accepted).answered(at: now), created: []))
        #expect(try await load() == ["anna": 2])
        _ = try await act(.decline(reason: nil), "t2")
        #expect(try await load() == ["anna": 1])
        _ = try await act(.resolve(outcome: nil), "t1")
        #expect(try await load() == ["anna": 0])
        _ = try await act(.reopen(reason: nil), "t1")
        #expect(try await load() == ["anna": 1])
    }

    @Test func aReopenedStoreStillHasItsWork() async throws {
        let (store, path) = try temporaryStore()
        _ = try await store.commitIntakes([submission("case_1")])
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.nextDispatchWakeup(now: now) == now)
        let details = try #require(try await reopened.caseDetails(CaseID("case_1")))
        #expect(details.state == .received)
        #expect(details.events.map(\.kind) == [.received])
    }

    @Test func deliveryOutcomesMoveMessagesThroughTheirStates() async throws {
        let (store, _) = try temporaryStore()
        _ = try await store.commitIntakes([submission("case_1")])
        let draft = MessageDraft(eventType: .taskOffered, recipient: .mentor(MentorID("anna")), endpoint: EndpointID("e"), caseID: CaseID("case_1"), taskID: nil, payload: Array("{}".utf8),
            text: RenderedText(text: "Ny henvendelse", template: "task.offered.da.mustache", language: .danish), values: ["case_id": .text("case_1")]
        )
        let report = try await store.dispatch(now: now, limit: 10) { _, _, _ in [.enqueue(draft), .updateCase(CaseID("case_1"), state: .routing, progress: nil)] }
        #expect(report.messagesQueued == 1)
        let limits = [EndpointID("e"): 10]
        let due = try await store.dueMessages(now: now, limits: limits, unconfiguredLimit: 0, total: 10, excluding: [])
        #expect(due.count == 1)
        let id = due[0].id
        #expect(try await store.dueMessages(now: now, limits: limits, unconfiguredLimit: 0, total: 10, excluding: [id]).isEmpty)

        let endpoint = EndpointID("e")
        try await store.recordDeliveries(
            [DeliveryAttempt(.retry(id, status: 503, error: "HTTP 503", nextAttempt: now.addingTimeInterval(60)), endpoint: endpoint)], now: now,
            health: .goneOnly
        )
        #expect(try await store.dueMessages(now: now, limits: limits, unconfiguredLimit: 0, total: 10, excluding: []).isEmpty)
        #expect(try await store.nextMessageDue(after: now) == now.addingTimeInterval(60))
        let retried = try await store.dueMessages(now: now.addingTimeInterval(60), limits: limits, unconfiguredLimit: 0, total: 10, excluding: [])
        #expect(retried.first?.attempts == 1)
        #expect(retried.first?.id == id)

        try await store.recordDeliveries([DeliveryAttempt(.delivered(id, status: 204), endpoint: endpoint)], now: now, health: .goneOnly)
        let summary = try #require(try await store.caseDetails(CaseID("case_1"))?.messages.first)
        #expect(summary.state == .delivered)
        #expect(summary.attempts == 2)
        // A delivered message is never delivered again.
        try await store.recordDeliveries([DeliveryAttempt(.dead(id, status: 500, error: "late", alert: nil), endpoint: endpoint)], now: now, health: .goneOnly)
        #expect(try await store.caseDetails(CaseID("case_1"))?.messages.first?.state == .delivered)
    }
}

extension MentorTask {
    func answered(at date: Date) -> MentorTask {
        var copy = self
        copy.answeredAt = date
        return copy
    }
}

@Suite struct DispatchRobustnessTests {
    @Test func aCaseThatCannotBeReadIsSetAsideInsteadOfBlockingTheQueue() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: directory.appendingPathComponent("t.sqlite").path)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let intake = CaseIntake(caller: Caller(kind: .citizen, name: "Ali", phone: "12345678"), topics: [])
        _ = try await store.commitIntakes([
            try IntakeSubmission(caseID: CaseID("case_bad"), intake: intake, actor: "intake:test", receivedAt: now, idempotency: nil),
            try IntakeSubmission(caseID: CaseID("case_good"), intake: intake, actor: "intake:test", receivedAt: now.addingTimeInterval(1), idempotency: nil),
        ])
        try await store.pool.write { db in try db.execute(sql: "UPDATE cases SET intake = x'00' WHERE id = 'case_bad'") }
        let report = try await store.dispatch(now: now, limit: 10) { work, _, _ in
            guard case .route(let snapshot) = work else { return [] }
            return [.updateCase(snapshot.id, state: .offered, progress: nil)]
        }
        #expect(report.setAside == [CaseID("case_bad")])
        #expect(report.unroutable.isEmpty)
        #expect(report.workItems == 1)
        #expect(try await store.nextDispatchWakeup(now: now) == nil)
    }
}

/// Texts for store tests, which check what is written, not what it says.
private struct PlainTexts: MessageTexts {
    func render(_ event: EventType, language: LanguageCode, values: TemplateValues) -> RenderedText {
        RenderedText(text: event.rawValue, template: "\(event.rawValue).da.mustache", language: .danish)
    }
}
