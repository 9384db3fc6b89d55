import Foundation
import Hummingbird
import Logging
import MentorlineCore
import MentorlineStore

extension MentorlineAPI {
    /// `GET /v1/endpoints` (admin): every configured endpoint (and any other the outbox still has
    /// messages for), enabled or not and why, how its attempts went, and its messages by state.
    @Sendable func listEndpoints(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try requireAdmin(request)
        let configured = environment.settings().endpoints
        let states = Dictionary(try await environment.store.endpointStates().map { ($0.endpoint, $0) }, uniquingKeysWith: { $1 })
        var counts: [EndpointID: [OutboxState: Int]] = [:]
        for count in try await environment.store.messageCounts() { counts[count.endpoint, default: [:]][count.state] = count.count }
        let unconfigured = counts.filter { configured[$0.key] == nil && $0.value.values.contains { $0 > 0 } }.keys
        let ids = (Array(configured.keys) + unconfigured).sorted()
        let views = ids.map { id in EndpointView(state: states[id] ?? .fresh(id), url: configured[id], counts: counts[id] ?? [:]) }
        return try JSONResponse.make(["endpoints": views])
    }

    /// `POST /v1/endpoints/{id}/enable` (admin): delivery may send to the endpoint again; its waiting
    /// messages flow at once. Audited when it was disabled.
    @Sendable func enableEndpoint(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let admin = try requireAdmin(request)
        let (id, url) = try endpointParameter(context)
        let (state, changed) = try await environment.store.setEndpoint(id, enabled: true, reason: nil, by: "admin:\(admin)", now: environment.now())
        if changed {
            environment.logger.notice("Endpoint enabled.", metadata: ["endpoint": "\(id)", "actor": "admin:\(admin)"])
            environment.wakeDispatcher()
        }
        return try JSONResponse.make(try await endpointView(state, url: url))
    }

    /// `POST /v1/endpoints/{id}/disable` (admin), optionally with `{"reason": "…"}`: its messages wait
    /// until it is enabled. Audited when it was enabled.
    @Sendable func disableEndpoint(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let admin = try requireAdmin(request)
        let (id, url) = try endpointParameter(context)
        let buffer = try await collectBody(request)
        var reason: String?
        if buffer.readableBytes > 0 {
            let body = try decodeJSON(DisableEndpointRequest.self, from: buffer)
            if let text = body.reason?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty {
                guard text.count <= 200 else { throw Problem.invalidFields([FieldProblem(field: "reason", reason: "may be at most 200 characters")]) }
                reason = CPRMasking.masked(text)
            }
        }
        let (state, changed) = try await environment.store.setEndpoint(id, enabled: false, reason: reason, by: "admin:\(admin)", now: environment.now())
        // The reason is an operator's free text: it is stored and audited, not logged.
        if changed { environment.logger.notice("Endpoint disabled.", metadata: ["endpoint": "\(id)", "actor": "admin:\(admin)"]) }
        return try JSONResponse.make(try await endpointView(state, url: url))
    }

    /// `GET /v1/deliveries?state=dead|pending|delivered&limit=` (admin): the newest messages first,
    /// without payloads.
    @Sendable func listDeliveries(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try requireAdmin(request)
        var state: OutboxState?
        if let text = request.uri.queryParameters["state"] {
            guard let value = OutboxState(rawValue: String(text)) else {
                throw Problem.invalidFields([FieldProblem(field: "state", reason: "must be dead, pending or delivered")])
            }
            state = value
        }
        var limit = 50
        if let text = request.uri.queryParameters["limit"] {
            guard let value = Int(text), (1...1000).contains(value) else {
                throw Problem.invalidFields([FieldProblem(field: "limit", reason: "must be a whole number from 1 to 1000")])
            }
            limit = value
        }
        let records = try await environment.store.deliveries(state: state, limit: limit)
        return try JSONResponse.make(["deliveries": records.map(DeliveryView.init)])
    }

    /// `POST /v1/deliveries/{id}/replay` (admin): a dead message goes back to pending with the same id
    /// (the same `webhook-id`, so receivers still deduplicate) and its attempts reset. Audited.
    @Sendable func replayDelivery(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let admin = try requireAdmin(request)
        let id = MessageID(try context.parameters.require("id"))
        switch try await environment.store.replayDelivery(id, by: "admin:\(admin)", now: environment.now()) {
        case .replayed(let record):
            environment.logger.notice("Dead message replayed.", metadata: [
                "message": "\(id)", "endpoint": "\(record.endpoint)", "actor": "admin:\(admin)",
            ])
            environment.wakeDispatcher()
            return try JSONResponse.make(DeliveryView(record))
        case .notFound:
            throw Problem.notFound("There is no message \(id).")
        case .notDead(let state):
            let why = switch state {
            case .pending: "it is still pending (being tried, or waiting for its endpoint)"
            case .delivered: "it was delivered"
            case .dead: "it is dead"
            }
            throw Problem.conflict("Message \(id) cannot be replayed: \(why). Only dead messages are replayed.")
        }
    }

    /// The configured endpoint named in the path, with its display URL, or a 404 naming the ones there are.
    func endpointParameter(_ context: BasicRequestContext) throws -> (EndpointID, String) {
        let id = EndpointID(try context.parameters.require("id"))
        let configured = environment.settings().endpoints
        guard let url = configured[id] else {
            throw Problem.notFound("There is no endpoint \(id) (endpoints: \(configured.keys.sorted().map(\.rawValue).joined(separator: ", "))).")
        }
        return (id, url)
    }

    func endpointView(_ state: EndpointState, url: String) async throws -> EndpointView {
        var counts: [OutboxState: Int] = [:]
        for count in try await environment.store.messageCounts() where count.endpoint == state.endpoint { counts[count.state] = count.count }
        return EndpointView(state: state, url: url, counts: counts)
    }
}
