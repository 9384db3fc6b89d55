package import Foundation

/// `mentorctl queue`: cases waiting for a person, longest waiting first (admin token), from `GET /v1/queue`.
package struct QueueReport: Sendable {
    package var queue: QueueInfo
    /// Times are printed in this zone.
    package var timeZone: TimeZone

    /// `GET /v1/queue?limit=`.
    package static func fetch(limit: Int, client: DaemonClient, timeZone: TimeZone) async throws -> QueueReport {
        QueueReport(queue: try await client.get(["v1", "queue"], query: [("limit", String(limit))], as: QueueInfo.self), timeZone: timeZone)
    }

    /// ```
    /// 2 cases waiting:
    ///     case_01K…  offered    urgent   company  da  transport, arbejdstid  waiting 14m  offered to amira-haddad
    ///     case_01K…  waiting    routine  citizen  uk  debt                   waiting 2h3m  promised by 2026-11-24 08:00 CET
    /// ```
    package var text: String {
        guard queue.depth > 0 else { return "No case is waiting." }
        var lines = [queue.depth == 1 ? "1 case waiting:" : "\(queue.depth) cases waiting:"]
        if queue.cases.count < queue.depth { lines[0] = "\(queue.depth) cases waiting; the \(queue.cases.count) waiting longest:" }
        let idWidth = queue.cases.map(\.id.count).max() ?? 0
        let topicsWidth = queue.cases.map { $0.topics.joined(separator: ", ").count }.max() ?? 0
        for item in queue.cases {
            var line = "    " + [
                item.id.padding(toLength: idWidth, withPad: " ", startingAt: 0),
                item.state.padding(toLength: 10, withPad: " ", startingAt: 0),
                item.urgency.padding(toLength: 7, withPad: " ", startingAt: 0),
                item.callerKind.padding(toLength: 14, withPad: " ", startingAt: 0),
                item.language.padding(toLength: 3, withPad: " ", startingAt: 0),
                item.topics.joined(separator: ", ").padding(toLength: topicsWidth, withPad: " ", startingAt: 0),
                "waiting \(TimeText.format(.seconds(item.waitingSeconds)))",
            ].joined(separator: "  ")
            if !item.offeredTo.isEmpty { line += "  offered to \(item.offeredTo.joined(separator: ", "))" }
            if let promised = item.promisedBy { line += "  promised by \(TimeText.format(promised, in: timeZone))" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    package var json: String { JSONOutput.render(queue) }
}

/// The body of `GET /v1/queue`.
package struct QueueInfo: Codable, Sendable, Hashable {
    package struct Case: Codable, Sendable, Hashable {
        package var id: String
        package var state: String
        package var callerKind: String
        package var urgency: String
        package var language: String
        package var topics: [String]
        package var receivedAt: Date
        package var waitingSeconds: Double
        package var promisedBy: Date?
        package var offeredTo: [String]

        enum CodingKeys: String, CodingKey {
            case id, state, urgency, language, topics
            case callerKind = "caller_kind"
            case receivedAt = "received_at"
            case waitingSeconds = "waiting_seconds"
            case promisedBy = "promised_by"
            case offeredTo = "offered_to"
        }
    }

    package var depth: Int
    package var cases: [Case]
}
