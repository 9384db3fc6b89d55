import Foundation
import Hummingbird
import MentorlineCore
import MentorlineStore

extension MentorlineAPI {
    /// The most cases `GET /v1/queue` lists at once.
    static let longestQueueListing = 1000

    /// `GET /v1/status` (admin): version, uptime, configuration generation, readiness, the queue, who is
    /// on call on every schedule, endpoints, held letters and dead messages.
    @Sendable func showStatus(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try requireAdmin(request)
        let now = environment.now()
        let info = environment.daemonInfo()
        let settings = environment.settings()
        let store = environment.store
        let statistics = try await store.caseStatistics()
        let readiness = await environment.readiness()
        let overrides = try await store.overrides(schedule: nil, endingAfter: now)
        let roster = settings.roster
        let onCall = roster.schedules.values.sorted { $0.id < $1.id }.map { schedule in
            StatusView.OnCall(
                schedule: schedule.id, name: schedule.name,
                onCall: schedule.onCall(at: now, overrides: overrides).map { ShiftView($0, schedule: schedule, roster: roster) }
            )
        }
        let states = Dictionary(try await store.endpointStates().map { ($0.endpoint, $0) }, uniquingKeysWith: { $1 })
        var counts: [EndpointID: [OutboxState: Int]] = [:]
        for count in try await store.messageCounts() { counts[count.endpoint, default: [:]][count.state] = count.count }
        let endpoints = settings.endpoints.keys.sorted().map { id in
            EndpointView(state: states[id] ?? .fresh(id), url: settings.endpoints[id], counts: counts[id] ?? [:])
        }
        let status = StatusView(
            version: info.version, startedAt: info.startedAt, uptimeSeconds: info.startedAt.map { max(0, now.timeIntervalSince($0)) },
            configurationGeneration: info.configurationGeneration, ready: readiness.isReady, problems: readiness.problems, now: now,
            queue: StatusView.Queue(
                depth: statistics.queueDepth, oldestWaitSeconds: statistics.oldestWait(at: now), oldestReceivedAt: statistics.oldestWaitingSince,
                cases: Dictionary(uniqueKeysWithValues: CaseState.allCases.map { ($0.rawValue, statistics.cases[$0, default: 0]) })
            ),
            onCall: onCall, endpoints: endpoints, heldLetters: try await store.heldLetterCounts(now: now),
            deadMessages: counts.values.reduce(0) { $0 + $1[.dead, default: 0] },
            totals: StatusView.Totals(
                offers: statistics.events[.offered, default: 0], escalations: statistics.events[.escalated, default: 0],
                unroutable: statistics.events[.unroutable, default: 0]
            )
        )
        return try JSONResponse.make(status)
    }

    /// `GET /v1/queue?limit=` (admin): cases waiting for a person, longest waiting first: what each is
    /// about and who it is offered to, never who called.
    @Sendable func listQueue(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try requireAdmin(request)
        var limit = 100
        if let text = request.uri.queryParameters.get("limit") {
            guard let value = Int(text), (1...Self.longestQueueListing).contains(value) else {
                throw Problem.invalidFields([FieldProblem(field: "limit", reason: "must be a whole number from 1 to \(Self.longestQueueListing)")])
            }
            limit = value
        }
        let now = environment.now()
        let statistics = try await environment.store.caseStatistics()
        let waiting = try await environment.store.waitingCases(limit: limit)
        struct Queue: Encodable {
            var depth: Int
            var cases: [WaitingCaseView]
        }
        return try JSONResponse.make(Queue(depth: statistics.queueDepth, cases: waiting.map { WaitingCaseView($0, now: now) }))
    }
}
