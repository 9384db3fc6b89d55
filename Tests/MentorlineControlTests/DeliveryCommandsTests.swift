import Foundation
import MentorlineControl
import MentorlineTesting
import Testing

/// `endpoints` and `deliveries` against the real daemon in this process, with a real sink.
@Suite struct DeliveryCommandsTests {
    static let admin = TestConfiguration.adminToken
    static let zone = TimeZone(identifier: "Europe/Copenhagen")!

    /// A sink and a daemon whose mentor and ops endpoints point at it, with one retry 100 ms after a failure.
    func withSinkAndDaemon(_ body: (WebhookSink, TestDaemon, DaemonConnection) async throws -> Void) async throws {
        try await WebhookSink.withSink { sink in
            var configuration = TestConfiguration(mentorEndpointURL: sink.url(path: "/hooks/mentor"), opsEndpointURL: sink.url(path: "/hooks/ops"))
            configuration.retrySchedule = ["100ms"]
            try await TestDaemon.withDaemon(configuration) { daemon in
                try await body(sink, daemon, DaemonConnection(baseURL: daemon.baseURL, token: Self.admin))
            }
        }
    }

    @Test func endpointsAreListedDisabledWithAReasonAndEnabled() async throws {
        try await withSinkAndDaemon { sink, daemon, connection in
            let list = try await ControlCommands.listEndpoints(format: .text, connection: connection, timeZone: Self.zone)
            #expect(list.hasPrefix("Webhook endpoints:\n"))
            #expect(list.contains("    mentor-gateway  enabled           pending 0, dead 0, delivered 0  \(sink.url(path: "/hooks/mentor"))"))
            #expect(list.contains("    ops-alerts      enabled           pending 0, dead 0, delivered 0  \(sink.url(path: "/hooks/ops"))"))

            let disabled = try await ControlCommands.disableEndpoint(
                "mentor-gateway", reason: "gateway maintenance", format: .text, connection: connection, timeZone: Self.zone)
            #expect(disabled.hasPrefix("mentor-gateway is disabled (disabled 20"))
            #expect(disabled.contains(" by admin:test-admin: gateway maintenance): its 0 pending messages wait, keeping their attempts, until `mentorctl endpoints enable mentor-gateway`."))

            let json = try jsonObject(try await ControlCommands.listEndpoints(format: .json, connection: connection, timeZone: Self.zone))
            let endpoints = try #require(json["endpoints"] as? [[String: Any]])
            #expect(endpoints.map { $0["id"] as? String } == ["mentor-gateway", "ops-alerts"])
            #expect(endpoints[0]["enabled"] as? Bool == false)
            #expect(endpoints[0]["disabled_reason"] as? String == "gateway maintenance")
            #expect(endpoints[0]["disabled_by"] as? String == "admin:test-admin")

            let text = try await ControlCommands.listEndpoints(format: .text, connection: connection, timeZone: Self.zone)
            #expect(text.contains("    mentor-gateway  disabled          pending 0"))
            #expect(text.contains("        disabled 20"))

            let enabled = try jsonObject(try await ControlCommands.enableEndpoint("mentor-gateway", format: .json, connection: connection))
            #expect(enabled["enabled"] as? Bool == true)
            #expect(enabled["id"] as? String == "mentor-gateway")
            let again = try await ControlCommands.enableEndpoint("mentor-gateway", format: .text, connection: connection)
            #expect(again == "mentor-gateway is enabled: delivery sends to it again, and its 0 pending messages go out as they fall due.")

            let unknown = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.enableEndpoint("nowhere", format: .text, connection: connection)
            })
            #expect(unknown.code == .refused(status: 404))
            #expect(unknown.message == "POST /v1/endpoints/nowhere/enable answered 404 Not Found: There is no endpoint nowhere (endpoints: mentor-gateway, ops-alerts).")
        }
    }

    @Test func deadDeliveriesAreListedAndReplayed() async throws {
        try await withSinkAndDaemon { sink, daemon, connection in
            #expect(try await ControlCommands.listDeliveries(state: "dead", limit: nil, format: .text, connection: connection) == "No dead deliveries.")
            sink.respond(toPath: "/hooks/mentor", withStatus: 500)
            let caseID = try await daemon.registerCase()
            let deadline = ContinuousClock.now + .seconds(10)
            var dead: [[String: Any]] = []
            while dead.isEmpty, ContinuousClock.now < deadline {
                let json = try jsonObject(try await ControlCommands.listDeliveries(state: "dead", limit: 10, format: .json, connection: connection))
                dead = json["deliveries"] as? [[String: Any]] ?? []
                if dead.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
            }
            let message = try #require(dead.first)
            let id = try #require(message["id"] as? String)
            #expect(message["case_id"] as? String == caseID)
            #expect(message["attempts"] as? Int == 2)

            let text = try await ControlCommands.listDeliveries(state: "dead", limit: nil, format: .text, connection: connection, timeZone: Self.zone)
            #expect(text.hasPrefix("Dead deliveries, newest first (1):\n"))
            #expect(text.contains("    \(id)  task.offered  \(caseID)  → mentor-gateway  dead, 2 attempts, last HTTP 500 at 20"))

            sink.respond(toPath: "/hooks/mentor", withStatus: 200)
            let replayed = try await ControlCommands.replayDelivery(id, format: .text, connection: connection)
            #expect(replayed == "Replayed \(id) (task.offered → mentor-gateway): pending again with the same webhook-id, attempts reset. It goes out now.")
            _ = try await daemon.waitForCase(caseID) { ($0["messages"] as? [[String: Any]])?.first?["state"] as? String == "delivered" }
            #expect(sink.receivedRequests.filter { $0.path == "/hooks/mentor" }.allSatisfy { $0.header("webhook-id") == id })

            let conflict = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.replayDelivery(id, format: .json, connection: connection)
            })
            #expect(conflict.code == .refused(status: 409))
            #expect(conflict.message.hasPrefix("POST /v1/deliveries/\(id)/replay answered 409 Conflict: Message \(id) cannot be replayed: it was delivered."))

            let delivered = try await ControlCommands.listDeliveries(state: "delivered", limit: 5, format: .text, connection: connection, timeZone: Self.zone)
            #expect(delivered.contains("\(id)  task.offered  \(caseID)  → mentor-gateway  delivered, 1 attempt, delivered 20"))
            #expect(delivered.contains(", replayed once"))
        }
    }

    @Test func aReplayToADisabledEndpointSaysItWaits() async throws {
        try await withSinkAndDaemon { sink, daemon, connection in
            sink.respond(toPath: "/hooks/mentor", withStatus: 500)
            _ = try await daemon.registerCase()
            _ = try await sink.waitForRequests(count: 2, timeout: .seconds(10))
            var id: String?
            let deadline = ContinuousClock.now + .seconds(10)
            while id == nil, ContinuousClock.now < deadline {
                let json = try jsonObject(try await ControlCommands.listDeliveries(state: "dead", limit: 1, format: .json, connection: connection))
                id = (json["deliveries"] as? [[String: Any]])?.first?["id"] as? String
                if id == nil { try await Task.sleep(for: .milliseconds(50)) }
            }
            let dead = try #require(id)
            _ = try await ControlCommands.disableEndpoint("mentor-gateway", reason: nil, format: .text, connection: connection)
            let replayed = try await ControlCommands.replayDelivery(dead, format: .text, connection: connection)
            #expect(replayed.hasSuffix("Endpoint mentor-gateway is disabled: the message waits until `mentorctl endpoints enable mentor-gateway`."))
            let endpoints = try jsonObject(try await ControlCommands.listEndpoints(format: .json, connection: connection))
            let mentor = try #require((endpoints["endpoints"] as? [[String: Any]])?.first { $0["id"] as? String == "mentor-gateway" })
            #expect(mentor["pending"] as? Int == 1)
            #expect(mentor["dead"] as? Int == 0)
        }
    }

    @Test func usageErrorsAreCaughtBeforeAnythingIsSent() async throws {
        let connection = DaemonConnection(baseURL: "http://127.0.0.1:9", token: Self.admin)
        let state = try #require(await controlError { () async throws(ControlError) in
            try await ControlCommands.listDeliveries(state: "lost", limit: nil, format: .text, connection: connection)
        })
        #expect(state.code == .usage)
        #expect(state.message == "--state must be dead, pending or delivered (got \"lost\").")
        let limit = try #require(await controlError { () async throws(ControlError) in
            try await ControlCommands.listDeliveries(state: nil, limit: 0, format: .text, connection: connection)
        })
        #expect(limit.code == .usage)
    }
}
