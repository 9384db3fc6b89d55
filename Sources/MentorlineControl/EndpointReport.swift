package import Foundation

/// `mentorctl endpoints list|enable|disable`: the webhook endpoints and their health (admin token).
package struct EndpointReport: Sendable {
    package var endpoints: [EndpointInfo]
    /// Times are printed in this zone.
    package var timeZone: TimeZone

    /// `GET /v1/endpoints`.
    package static func list(client: DaemonClient, timeZone: TimeZone) async throws -> EndpointReport {
        EndpointReport(endpoints: try await client.get(["v1", "endpoints"], as: EndpointList.self).endpoints, timeZone: timeZone)
    }

    /// `POST /v1/endpoints/{id}/enable`.
    package static func enable(_ id: String, client: DaemonClient, timeZone: TimeZone) async throws -> EndpointReport {
        let endpoint = try await client.post(["v1", "endpoints", id, "enable"], json: EmptyBody(), as: EndpointInfo.self)
        return EndpointReport(endpoints: [endpoint], timeZone: timeZone)
    }

    /// `POST /v1/endpoints/{id}/disable`, with the reason if given.
    package static func disable(_ id: String, reason: String?, client: DaemonClient, timeZone: TimeZone) async throws -> EndpointReport {
        let endpoint = try await client.post(["v1", "endpoints", id, "disable"], json: DisableEndpointBody(reason: reason), as: EndpointInfo.self)
        return EndpointReport(endpoints: [endpoint], timeZone: timeZone)
    }

    // MARK: Output

    /// ```
    /// mentor-gateway  enabled            pending 0, dead 0, delivered 12  http://127.0.0.1:8099/hooks/mentor
    /// ops-alerts      disabled           pending 2, dead 0, delivered 3   http://127.0.0.1:8099/hooks/ops
    ///     disabled 2026-11-23 10:00 (CET) by delivery: answered 410 Gone
    /// ```
    package var listText: String {
        guard !endpoints.isEmpty else { return "The daemon has no webhook endpoints." }
        let width = endpoints.map(\.id.count).max() ?? 0
        var lines = ["Webhook endpoints:"]
        for endpoint in endpoints {
            let padded = endpoint.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let status = Self.status(endpoint).padding(toLength: 16, withPad: " ", startingAt: 0)
            let counts = "pending \(endpoint.pending), dead \(endpoint.dead), delivered \(endpoint.delivered)"
            lines.append("    \(padded)  \(status)  \(counts)  \(endpoint.url ?? "(no longer configured)")")
            if let detail = detail(endpoint) { lines.append("        " + detail) }
        }
        return lines.joined(separator: "\n")
    }

    /// After `enable` or `disable`: what it means for the endpoint's messages.
    package var changedText: String {
        guard let endpoint = endpoints.first else { return "" }
        let pending = endpoint.pending == 1 ? "1 pending message" : "\(endpoint.pending) pending messages"
        if endpoint.enabled {
            return "\(endpoint.id) is enabled: delivery sends to it again, and its \(pending) go out as they fall due."
        }
        var text = "\(endpoint.id) is disabled"
        if let detail = detail(endpoint) { text += " (\(detail))" }
        return text + ": its \(pending) wait, keeping their attempts, until `mentorctl endpoints enable \(endpoint.id)`."
    }

    private static func status(_ endpoint: EndpointInfo) -> String {
        if !endpoint.enabled { return "disabled" }
        return endpoint.healthy ? "enabled" : "enabled, failing"
    }

    private func detail(_ endpoint: EndpointInfo) -> String? {
        if !endpoint.enabled {
            var text = "disabled"
            if let at = endpoint.disabledAt { text += " " + TimeText.format(at, in: timeZone) }
            if let by = endpoint.disabledBy { text += " by \(by)" }
            if let reason = endpoint.disabledReason { text += ": \(DaemonClient.clean(reason))" }
            return text
        }
        if let since = endpoint.failingSince {
            var text = "failing since \(TimeText.format(since, in: timeZone))"
            if let error = endpoint.lastError { text += ": \(DaemonClient.clean(error))" }
            return text
        }
        return nil
    }

    /// `list`: `{"endpoints": [...]}`; `enable`/`disable`: the endpoint as the daemon answered.
    package func json(single: Bool) -> String {
        if single, let first = endpoints.first { return JSONOutput.render(first) }
        return JSONOutput.render(EndpointList(endpoints: endpoints))
    }
}
