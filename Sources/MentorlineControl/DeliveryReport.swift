package import Foundation

/// `mentorctl deliveries list|replay`: the outbox's messages, and dead ones sent again (admin token).
package struct DeliveryReport: Sendable {
    package var deliveries: [DeliveryInfo]
    /// The state listed (`dead` for `--failed`), nil for every state.
    package var state: String?
    /// For `replay`: the endpoint of the replayed message, to say whether it goes out now.
    package var endpoint: EndpointInfo?
    /// Times are printed in this zone.
    package var timeZone: TimeZone

    /// The states `--state` takes.
    package static let states = ["dead", "pending", "delivered"]

    /// `GET /v1/deliveries?state=&limit=`.
    package static func list(state: String?, limit: Int?, client: DaemonClient, timeZone: TimeZone) async throws -> DeliveryReport {
        if let state, !states.contains(state) {
            throw ControlError(.usage, "--state must be dead, pending or delivered (got \"\(state)\").")
        }
        if let limit, !(1...1000).contains(limit) {
            throw ControlError(.usage, "--limit must be a whole number from 1 to 1000 (got \(limit)).")
        }
        var query: [(String, String)] = []
        if let state { query.append(("state", state)) }
        if let limit { query.append(("limit", String(limit))) }
        let list = try await client.get(["v1", "deliveries"], query: query, as: DeliveryList.self)
        return DeliveryReport(deliveries: list.deliveries, state: state, timeZone: timeZone)
    }

    /// `POST /v1/deliveries/{id}/replay`, then `GET /v1/endpoints` to tell whether its endpoint takes it now.
    package static func replay(_ id: String, client: DaemonClient, timeZone: TimeZone) async throws -> DeliveryReport {
        let delivery = try await client.post(["v1", "deliveries", id, "replay"], json: EmptyBody(), as: DeliveryInfo.self)
        let endpoints = try await client.get(["v1", "endpoints"], as: EndpointList.self).endpoints
        return DeliveryReport(
            deliveries: [delivery], state: delivery.state, endpoint: endpoints.first { $0.id == delivery.endpoint }, timeZone: timeZone
        )
    }

    // MARK: Output

    /// ```
    /// Dead deliveries, newest first (1):
    ///     msg_01K…  task.offered  case_01K…  → mentor-gateway  2 attempts, last HTTP 500 at 2026-11-23 10:00 (CET)
    /// ```
    package var listText: String {
        let what = state.map { "\($0.prefix(1).uppercased())\($0.dropFirst()) deliveries" } ?? "Deliveries"
        guard !deliveries.isEmpty else { return "No \(what.lowercased())." }
        return (["\(what), newest first (\(deliveries.count)):"] + deliveries.map { "    " + line(for: $0) }).joined(separator: "\n")
    }

    private func line(for delivery: DeliveryInfo) -> String {
        var text = "\(delivery.id)  \(delivery.eventType)  \(delivery.caseId ?? "-")  → \(delivery.endpoint)  \(delivery.state)"
        text += delivery.attempts == 1 ? ", 1 attempt" : ", \(delivery.attempts) attempts"
        if let error = delivery.lastError {
            text += ", last \(DaemonClient.clean(error))"
            if let at = delivery.lastAttemptAt { text += " at \(TimeText.format(at, in: timeZone))" }
        } else if let at = delivery.deliveredAt {
            text += ", delivered \(TimeText.format(at, in: timeZone))"
        }
        if delivery.replays > 0 { text += delivery.replays == 1 ? ", replayed once" : ", replayed \(delivery.replays) times" }
        return text
    }

    /// After `replay`: the message is pending again, and whether its endpoint takes it now.
    package var replayedText: String {
        guard let delivery = deliveries.first else { return "" }
        var text = "Replayed \(delivery.id) (\(delivery.eventType) → \(delivery.endpoint)): pending again with the same webhook-id, attempts reset."
        if let endpoint, !endpoint.enabled {
            text += " Endpoint \(endpoint.id) is disabled: the message waits until `mentorctl endpoints enable \(endpoint.id)`."
        } else {
            text += " It goes out now."
        }
        return text
    }

    /// `list`: `{"deliveries": [...]}`; `replay`: the message as the daemon answered.
    package func json(single: Bool) -> String {
        if single, let first = deliveries.first { return JSONOutput.render(first) }
        return JSONOutput.render(DeliveryList(deliveries: deliveries))
    }
}
