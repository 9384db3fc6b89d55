package import Foundation

/// `mentorctl status`: the live daemon on one screen (admin token), from `GET /v1/status`.
package struct StatusReport: Sendable {
    package var status: StatusInfo
    /// Times are printed in this zone.
    package var timeZone: TimeZone

    /// `GET /v1/status`.
    package static func fetch(client: DaemonClient, timeZone: TimeZone) async throws -> StatusReport {
        StatusReport(status: try await client.get(["v1", "status"], as: StatusInfo.self), timeZone: timeZone)
    }

    /// ```
    /// Mentorline 0.5.0: ready, up 3h12m (since 2026-11-23 09:00 CET), configuration generation 2
    /// Queue: 3 cases waiting, the oldest for 14m (received, routing 1, offered 2)
    /// On call now:
    ///     mentor-oncall  Leyla Ahmadi until 2026-11-23 16:00 CET (layer 1)
    /// Endpoints: 4, all enabled and answering
    /// Held letters: 2 (quiet_period 2)
    /// Dead messages: none
    /// Since the database was created: 120 offers, 4 escalations, 1 unroutable
    /// ```
    package var text: String {
        var lines: [String] = []
        var head = "Mentorline \(status.version): " + (status.ready ? "ready" : "NOT READY")
        if let uptime = status.uptimeSeconds, let started = status.startedAt {
            head += ", up \(TimeText.format(.seconds(uptime))) (since \(TimeText.format(started, in: timeZone)))"
        }
        head += ", configuration generation \(status.configurationGeneration)"
        lines.append(head)
        for problem in status.problems { lines.append("    not ready: \(DaemonClient.clean(problem))") }

        let queue = status.queue
        if queue.depth == 0 {
            lines.append("Queue: no case is waiting")
        } else {
            let byState = StatusInfo.waitingStates.compactMap { state in
                queue.cases[state].flatMap { $0 > 0 ? "\(state) \($0)" : nil }
            }
            lines.append(
                "Queue: \(queue.depth == 1 ? "1 case" : "\(queue.depth) cases") waiting, the oldest for "
                    + "\(TimeText.format(.seconds(queue.oldestWaitSeconds))) (\(byState.joined(separator: ", ")))"
            )
        }

        lines.append("On call now:")
        if status.onCall.isEmpty { lines.append("    (no schedules)") }
        let width = status.onCall.map(\.schedule.count).max() ?? 0
        for schedule in status.onCall {
            let name = schedule.schedule.padding(toLength: width, withPad: " ", startingAt: 0)
            guard let shift = schedule.onCall else {
                lines.append("    \(name)  nobody")
                continue
            }
            var text = "    \(name)  \(shift.name)"
            if let end = shift.end { text += " until \(TimeText.format(end, in: timeZone))" }
            if shift.source == "override" { text += " (override)" } else if let layer = shift.layer { text += " (layer \(layer))" }
            lines.append(text)
        }

        let disabled = status.endpoints.filter { !$0.enabled }
        let failing = status.endpoints.filter { $0.enabled && !$0.healthy }
        if disabled.isEmpty && failing.isEmpty {
            lines.append("Endpoints: \(status.endpoints.count), all enabled and answering")
        } else {
            lines.append("Endpoints: \(status.endpoints.count), \(disabled.count) disabled, \(failing.count) failing")
            for endpoint in disabled {
                lines.append("    \(endpoint.id) disabled: \(DaemonClient.clean(endpoint.disabledReason ?? "")) (pending \(endpoint.pending))")
            }
            for endpoint in failing {
                let since = endpoint.failingSince.map { " since " + TimeText.format($0, in: timeZone) } ?? ""
                lines.append("    \(endpoint.id) failing\(since) (pending \(endpoint.pending))")
            }
        }

        let held = status.heldLetters.filter { $0.value > 0 }
        let heldCount = held.values.reduce(0, +)
        lines.append(
            heldCount == 0
                ? "Held letters: none"
                : "Held letters: \(heldCount) (" + held.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        )
        lines.append(status.deadMessages == 0 ? "Dead messages: none" : "Dead messages: \(status.deadMessages) (mentorctl deliveries list --failed)")
        let totals = status.totals
        lines.append(
            "Since the database was created: \(totals.offers) offers, \(totals.escalations) escalations, \(totals.unroutable) unroutable"
        )
        return lines.joined(separator: "\n")
    }

    package var json: String { JSONOutput.render(status) }
}

/// The body of `GET /v1/status`.
package struct StatusInfo: Codable, Sendable, Hashable {
    /// The states of a waiting case, in the order the queue line names them.
    static let waitingStates = ["received", "routing", "offered", "waiting", "unroutable"]

    package struct Queue: Codable, Sendable, Hashable {
        package var depth: Int
        package var oldestWaitSeconds: Double
        package var oldestReceivedAt: Date?
        package var cases: [String: Int]

        enum CodingKeys: String, CodingKey {
            case depth, cases
            case oldestWaitSeconds = "oldest_wait_seconds"
            case oldestReceivedAt = "oldest_received_at"
        }
    }

    package struct OnCall: Codable, Sendable, Hashable {
        package struct Shift: Codable, Sendable, Hashable {
            package var mentor: String
            package var name: String
            package var start: Date
            package var end: Date?
            package var source: String
            package var layer: Int?
        }

        package var schedule: String
        package var name: String
        package var onCall: Shift?

        enum CodingKeys: String, CodingKey {
            case schedule, name
            case onCall = "on_call"
        }
    }

    package struct Totals: Codable, Sendable, Hashable {
        package var offers: Int
        package var escalations: Int
        package var unroutable: Int
    }

    package var version: String
    package var startedAt: Date?
    package var uptimeSeconds: Double?
    package var configurationGeneration: Int
    package var ready: Bool
    package var problems: [String]
    package var now: Date
    package var queue: Queue
    package var onCall: [OnCall]
    package var endpoints: [EndpointInfo]
    package var heldLetters: [String: Int]
    package var deadMessages: Int
    package var totals: Totals

    enum CodingKeys: String, CodingKey {
        case version, ready, problems, now, queue, endpoints, totals
        case startedAt = "started_at"
        case uptimeSeconds = "uptime_seconds"
        case configurationGeneration = "configuration_generation"
        case onCall = "on_call"
        case heldLetters = "held_letters"
        case deadMessages = "dead_messages"
    }
}
