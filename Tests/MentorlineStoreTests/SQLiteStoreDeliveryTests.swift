import Foundation
import GRDB
import MentorlineCore
@testable import MentorlineStore
import Testing

/// The outbox as delivery and the admin API see it: due messages per endpoint, disabled endpoints,
/// endpoint health recorded with outcomes, counts, listing and replay.
@Suite struct SQLiteStoreDeliveryTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let ops = EndpointID("ops")

    func temporaryStore() throws -> SQLiteStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try SQLiteStore(path: directory.appendingPathComponent("test.sqlite").path)
    }

    /// Queues one message to `endpoint` at `at` (ops alerts need no case) and returns its id.
    @discardableResult
    func queue(_ store: SQLiteStore, to endpoint: String, at: Date, type: EventType = .messageDead) async throws -> MessageID {
        let draft = MessageDraft(eventType: type, recipient: .ops, endpoint: EndpointID(endpoint), caseID: nil, taskID: nil, payload: Array("{}".utf8),
            text: RenderedText(text: "Besked", template: "\(type.rawValue).da.mustache", language: .danish), values: [:]
        )
        try await store.pool.write { db in try store.enqueue(draft, db: db, now: at) }
        return try await store.pool.read { db in try String.fetchOne(db, sql: "SELECT id FROM outbox ORDER BY rowid DESC LIMIT 1") }.map(MessageID.init)!
    }

    @Test func dueMessagesRespectEachEndpointsLimitTheTotalAndDisabledEndpoints() async throws {
        let store = try temporaryStore()
        var ids: [String: [MessageID]] = [:]
        for (index, endpoint) in ["a", "a", "a", "b", "b", "c"].enumerated() {
            ids[endpoint, default: []].append(try await queue(store, to: endpoint, at: now + .seconds(index)))
        }
        let later = now + .seconds(60)
        // a: 1 free slot; b: 2; c is not configured: the unconfigured limit.
        let due = try await store.dueMessages(now: later, limits: [EndpointID("a"): 1, EndpointID("b"): 2], unconfiguredLimit: 1, total: 10, excluding: [])
        #expect(due.map(\.id) == [ids["a"]![0], ids["b"]![0], ids["b"]![1], ids["c"]![0]])
        // A full endpoint gets nothing; the total takes the oldest.
        let capped = try await store.dueMessages(now: later, limits: [EndpointID("a"): 0, EndpointID("b"): 5], unconfiguredLimit: 5, total: 2, excluding: [])
        #expect(capped.map(\.id) == [ids["b"]![0], ids["b"]![1]])
        // In flight: skipped, and the next one taken instead.
        let skipping = try await store.dueMessages(now: later, limits: [EndpointID("a"): 1], unconfiguredLimit: 0, total: 10, excluding: [ids["a"]![0]])
        #expect(skipping.map(\.id) == [ids["a"]![1]])

        // Disabled: none of its messages is due, and it wakes nobody.
        _ = try await store.setEndpoint(EndpointID("a"), enabled: false, reason: "maintenance", by: "admin:ops", now: now)
        let withoutA = try await store.dueMessages(now: later, limits: [EndpointID("a"): 5, EndpointID("b"): 5], unconfiguredLimit: 5, total: 10, excluding: [])
        #expect(Set(withoutA.map(\.endpoint)) == [EndpointID("b"), EndpointID("c")])
        try await queue(store, to: "a", at: later + .seconds(100))
        try await queue(store, to: "b", at: later + .seconds(200))
        #expect(try await store.nextMessageDue(after: later) == later + .seconds(200))
        _ = try await store.setEndpoint(EndpointID("a"), enabled: true, reason: nil, by: "admin:ops", now: now)
        #expect(try await store.nextMessageDue(after: later) == later + .seconds(100))
        #expect(try await store.dueMessages(now: later, limits: [EndpointID("a"): 5], unconfiguredLimit: 0, total: 10, excluding: []).count == 3)
    }

    @Test func recordingOutcomesKeepsEndpointHealthAndAlertsOnceWhenOneIsDisabled() async throws {
        let store = try temporaryStore()
        let gateway = EndpointID("gateway")
        let first = try await queue(store, to: "gateway", at: now, type: .taskOffered)
        let second = try await queue(store, to: "gateway", at: now, type: .taskOffered)
        let rules = EndpointHealthRules(disableAfter: [gateway: .seconds(60)]) { state in
            MessageDraft(eventType: .endpointDisabled, recipient: .ops, endpoint: EndpointID("ops"), caseID: nil, taskID: nil, payload: Array(state.endpoint.rawValue.utf8),
                text: RenderedText(text: "Endpoint \(state.endpoint) er slået fra", template: "ops.endpoint_disabled.da.mustache", language: .danish),
                values: ["endpoint": .text(state.endpoint.rawValue)]
            )
        }
        var disabled = try await store.recordDeliveries(
            [DeliveryAttempt(.retry(first, status: 503, error: "HTTP 503", nextAttempt: now + .seconds(5)), endpoint: gateway)], now: now, health: rules
        )
        #expect(disabled.isEmpty)
        #expect(try await store.endpointStates().first?.failingSince == now)

        // A minute of failures later, two in one batch: disabled once, one alert, both retries recorded.
        disabled = try await store.recordDeliveries([
            DeliveryAttempt(.retry(first, status: 503, error: "HTTP 503", nextAttempt: now + .seconds(120)), endpoint: gateway),
            DeliveryAttempt(.retry(second, status: nil, error: "timeout", nextAttempt: now + .seconds(120)), endpoint: gateway),
        ], now: now + .seconds(60), health: rules)
        #expect(disabled.map(\.endpoint) == [gateway])
        let state = try #require(try await store.endpointStates().first)
        #expect(!state.enabled)
        #expect(state.disabledBy == "delivery")
        #expect(state.lastError == "timeout")
        let alerts = try await store.deliveries(state: .pending, limit: 10).filter { $0.eventType == "ops.endpoint_disabled" }
        #expect(alerts.map(\.endpoint) == [EndpointID("ops")])

        // An attempt at an endpoint the configuration does not have says nothing about any endpoint.
        try await store.recordDeliveries([DeliveryAttempt(.retry(second, status: nil, error: "x", nextAttempt: now), endpoint: nil)], now: now, health: rules)
        #expect(try await store.endpointStates().count == 1)
    }

    @Test func goneKeepsTheMessagePendingWithItsAttempts() async throws {
        let store = try temporaryStore()
        let id = try await queue(store, to: "gateway", at: now, type: .taskOffered)
        let disabled = try await store.recordDeliveries(
            [DeliveryAttempt(.endpointGone(id, status: 410, error: "HTTP 410 Gone"), endpoint: EndpointID("gateway"))], now: now, health: .goneOnly
        )
        #expect(disabled.first?.disabledReason == "answered 410 Gone")
        let record = try #require(try await store.deliveries(state: nil, limit: 10).first)
        #expect(record.state == .pending)
        #expect(record.attempts == 0)
        #expect(record.lastStatus == 410)
        #expect(record.lastAttemptAt == now)
        #expect(record.notBefore == now)
    }

    @Test func countsFollowEveryChangeOfState() async throws {
        let store = try temporaryStore()
        let a = try await queue(store, to: "a", at: now)
        let b = try await queue(store, to: "a", at: now)
        try await queue(store, to: "b", at: now)
        try await store.recordDeliveries([
            DeliveryAttempt(.delivered(a, status: 200), endpoint: EndpointID("a")),
            DeliveryAttempt(.dead(b, status: 500, error: "HTTP 500", alert: nil), endpoint: EndpointID("a")),
        ], now: now, health: .goneOnly)
        func counts() async throws -> [String] {
            try await store.messageCounts().filter { $0.count > 0 }.map { "\($0.endpoint):\($0.state.rawValue)=\($0.count)" }
        }
        #expect(try await counts() == ["a:dead=1", "a:delivered=1", "b:pending=1"])
        _ = try await store.replayDelivery(b, by: "admin:ops", now: now)
        #expect(try await counts() == ["a:delivered=1", "a:pending=1", "b:pending=1"])
        // The kept counts agree with counting the outbox.
        let counted = try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT endpoint, state, COUNT(*) AS n FROM outbox GROUP BY endpoint, state ORDER BY endpoint, state")
                .map { "\($0["endpoint"] as String):\($0["state"] as String)=\($0["n"] as Int)" }
        }
        #expect(try await counts() == counted)
    }

    @Test func onlyDeadMessagesAreReplayedWithTheSameIdAndTheReplayIsAudited() async throws {
        let store = try temporaryStore()
        let dead = try await queue(store, to: "a", at: now)
        let delivered = try await queue(store, to: "a", at: now)
        let pending = try await queue(store, to: "a", at: now)
        try await store.recordDeliveries([
            DeliveryAttempt(.dead(dead, status: 500, error: "HTTP 500", alert: nil), endpoint: EndpointID("a")),
            DeliveryAttempt(.delivered(delivered, status: 200), endpoint: EndpointID("a")),
        ], now: now, health: .goneOnly)

        #expect(try await store.deliveries(state: .dead, limit: 10).map(\.id) == [dead])
        #expect(try await store.deliveries(state: .pending, limit: 10).map(\.id) == [pending])
        #expect(try await store.deliveries(state: .delivered, limit: 10).map(\.id) == [delivered])
        #expect(try await store.deliveries(state: nil, limit: 2).map(\.id) == [pending, delivered])

        let later = now + .seconds(3600)
        guard case .replayed(let record) = try await store.replayDelivery(dead, by: "admin:ops", now: later) else {
            Issue.record("not replayed")
            return
        }
        #expect(record.id == dead)
        #expect(record.state == .pending)
        #expect(record.attempts == 0)
        #expect(record.replays == 1)
        #expect(record.notBefore == later)
        #expect(record.lastError == "HTTP 500")
        #expect(try await store.replayDelivery(dead, by: "admin:ops", now: later) == .notDead(.pending))
        #expect(try await store.replayDelivery(delivered, by: "admin:ops", now: later) == .notDead(.delivered))
        #expect(try await store.replayDelivery(MessageID("msg_none"), by: "admin:ops", now: later) == .notFound)

        let audit = try await store.auditLog(limit: 10)
        #expect(audit.count == 1)
        #expect(audit.first?.action == "delivery.replay")
        #expect(audit.first?.subject == "message:\(dead)")
        #expect(audit.first?.detail["attempts_before"] == "1")
    }

    @Test func operatorsChangesAreAuditedOnlyWhenTheyChangeSomething() async throws {
        let store = try temporaryStore()
        let gateway = EndpointID("gateway")
        #expect(try await store.setEndpoint(gateway, enabled: true, reason: nil, by: "admin:ops", now: now).changed == false)
        let (disabled, changed) = try await store.setEndpoint(gateway, enabled: false, reason: nil, by: "admin:ops", now: now)
        #expect(changed)
        #expect(disabled.disabledReason == "disabled by admin:ops")
        #expect(try await store.setEndpoint(gateway, enabled: false, reason: "again", by: "admin:ops", now: now).changed == false)
        #expect(try await store.setEndpoint(gateway, enabled: true, reason: nil, by: "admin:ops", now: now).changed)
        #expect(try await store.auditLog(limit: 10).map(\.action) == ["endpoint.enable", "endpoint.disable"])
    }

    @Test func heldLettersAreCountedByReasonUntilTheyFallDue() async throws {
        let store = try temporaryStore()
        let sent = try await queue(store, to: "a", at: now)
        let held = try await queue(store, to: "a", at: now)
        #expect(try await store.heldLetterCounts(now: now).isEmpty)
        // The deliverer finds the letter policy holding one until Monday morning.
        let monday = now + .seconds(2 * 86400)
        try await store.recordDeliveries(
            [DeliveryAttempt(.held(held, until: monday, reason: .outsideDeliveryHours), endpoint: nil)], now: now, health: .goneOnly
        )
        #expect(try await store.heldLetterCounts(now: now) == ["outside_hours": 1])
        let row = try #require(try await store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT attempts, not_before, held_detail FROM outbox WHERE id = ?", arguments: [held.rawValue])
        })
        #expect(row["attempts"] as Int == 0)
        #expect(Date(stored: row["not_before"]) == monday)
        #expect(row["held_detail"] as String? == "outside delivery hours")
        // Neither due nor held any more once its time has come; the other message was never held.
        #expect(try await store.heldLetterCounts(now: monday).isEmpty)
        let due = try await store.dueMessages(now: monday, limits: [EndpointID("a"): 5], unconfiguredLimit: 0, total: 5, excluding: [])
        #expect(due.map(\.id) == [sent, held])
        #expect(due.first?.createdAt == now)
    }
}
