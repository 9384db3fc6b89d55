import Foundation
import MentorlineDelivery
import MentorlineTesting
import Testing

/// Endpoints disabled by `410 Gone` and by failing for `disable_after`, their messages waiting, and
/// enabling one again; `Retry-After` on 429 and 503.
@Suite struct EndpointHealthTests {
    static let admin = TestConfiguration.adminToken

    @Test func goneDisablesTheEndpointAndItsMessageWaitsThenFlowsWithTheSameWebhookIdOnceEnabled() async throws {
        try await withSinkAndDaemon { sink, daemon in
            sink.respond(toPath: "/hooks/mentor", withStatus: 410)
            let caseID = try await daemon.registerCase()
            let gone = try await waitForWebhook(sink) { $0.path == "/hooks/mentor" }
            let webhookID = try #require(gone.header("webhook-id"))

            // Ops hear of it through their own endpoint; the alert names the endpoint and why, nothing else.
            let alert = try await waitForWebhook(sink) { $0.type == "ops.endpoint_disabled" }
            #expect(alert.path == "/hooks/ops")
            #expect(alert.data["endpoint"] as? String == "mentor-gateway")
            #expect(alert.data["reason"] as? String == "answered 410 Gone")
            #expect(alert.data["case_id"] == nil)
            try alert.verifySignature()

            let endpoint = try await endpointJSON(daemon, "mentor-gateway")
            #expect(endpoint["enabled"] as? Bool == false)
            #expect(endpoint["disabled_reason"] as? String == "answered 410 Gone")
            #expect(endpoint["disabled_by"] as? String == "delivery")
            #expect(endpoint["pending"] as? Int == 1)
            #expect(endpoint["url"] as? String == sink.url(path: "/hooks/mentor"))

            // The message is pending, the 410 recorded without using up an attempt.
            let waiting = try await daemon.waitForCase(caseID) { ($0["messages"] as? [[String: Any]])?.first?["last_status"] as? Int == 410 }
            let message = try #require((waiting["messages"] as? [[String: Any]])?.first)
            #expect(message["state"] as? String == "pending")
            #expect(message["attempts"] as? Int == 0)
            // The retry schedule (200 ms) would have tried several times in this second; a disabled endpoint gets nothing.
            try await Task.sleep(for: .seconds(1))
            #expect(sink.receivedRequests.filter { $0.path == "/hooks/mentor" }.count == 1)

            sink.respond(toPath: "/hooks/mentor", withStatus: 200)
            let enabled = try await daemon.post("/v1/endpoints/mentor-gateway/enable", json: "", token: Self.admin)
            #expect(enabled.status == 200)
            #expect(enabled.json["enabled"] as? Bool == true)
            #expect(enabled.json["disabled_reason"] == nil)

            let delivered = try await daemon.waitForCase(caseID) { ($0["messages"] as? [[String: Any]])?.first?["state"] as? String == "delivered" }
            #expect((delivered["messages"] as? [[String: Any]])?.first?["attempts"] as? Int == 1)
            let attempts = sink.receivedRequests.filter { $0.path == "/hooks/mentor" }
            #expect(attempts.count == 2)
            #expect(attempts.allSatisfy { $0.header("webhook-id") == webhookID })
            try attempts.last?.verifySignature()

            let audit = try await daemon.get("/v1/audit", token: Self.admin).json["entries"] as? [[String: Any]] ?? []
            #expect(audit.contains { $0["action"] as? String == "endpoint.enable" && $0["subject"] as? String == "endpoint:mentor-gateway" })
        }
    }

    @Test func anEndpointFailingForDisableAfterIsDisabledAndTheOpsAlertForTheOpsEndpointGoesToTheFallback() async throws {
        try await withSinkAndDaemon(configure: { configuration in
            configuration.retrySchedule = Array(repeating: "250ms", count: 12)
            configuration.deliveryOptions = ["disable_after: 1s", "ops_fallback: fallback"]
        }, extraEndpoints: ["fallback": "/hooks/fallback"]) { sink, daemon in
            sink.respond(toPath: "/hooks/mentor", withStatus: 500)
            sink.respond(toPath: "/hooks/ops", withStatus: 503)
            let caseID = try await daemon.registerCase()

            // The mentor gateway fails for a second and is disabled; its alert goes to ops, which fail too,
            // until they are disabled in turn: that alert goes to the fallback.
            let alert = try await waitForWebhook(sink, timeout: .seconds(20)) { $0.type == "ops.endpoint_disabled" && $0.path == "/hooks/fallback" }
            #expect(alert.data["endpoint"] as? String == "ops-alerts")
            let reason = try #require(alert.data["reason"] as? String)
            #expect(reason.hasPrefix("no 2xx answer for longer than 1s (failing since "))
            #expect(alert.data["failing_since"] is String)
            try alert.verifySignature()
            let opsAttempts = sink.receivedRequests.filter { $0.path == "/hooks/ops" }
            #expect(opsAttempts.contains { $0.type == "ops.endpoint_disabled" && $0.data["endpoint"] as? String == "mentor-gateway" })

            let list = try await daemon.get("/v1/endpoints", token: Self.admin).json["endpoints"] as? [[String: Any]] ?? []
            let byID = Dictionary(uniqueKeysWithValues: list.compactMap { entry in (entry["id"] as? String).map { ($0, entry) } })
            #expect(byID["mentor-gateway"]?["enabled"] as? Bool == false)
            #expect(byID["ops-alerts"]?["enabled"] as? Bool == false)
            #expect(byID["fallback"]?["enabled"] as? Bool == true)
            #expect(byID["fallback"]?["healthy"] as? Bool == true)
            #expect(byID["ops-alerts"]?["failing_since"] is String)
            // Both waiting messages keep their attempts (the offer failed at least once and was retried
            // before its endpoint was disabled), and the alert about the mentor gateway waits too.
            #expect(byID["mentor-gateway"]?["pending"] as? Int == 1)
            #expect(byID["ops-alerts"]?["pending"] as? Int == 1)
            let message = try #require((try await daemon.get("/v1/cases/\(caseID)", token: Self.admin).json["messages"] as? [[String: Any]])?.first)
            #expect(message["state"] as? String == "pending")
            #expect((message["attempts"] as? Int ?? 0) >= 2)
        }
    }

    @Test(arguments: [429, 503])
    func retryAfterIsHonouredOn(status: Int) async throws {
        for useDate in [false, true] {
            try await withSinkAndDaemon { sink, daemon in
                // Delay seconds, or an HTTP date at least two seconds ahead (the format has whole seconds).
                let retryAfter = useDate ? Self.imfFixdate(Date().addingTimeInterval(3)) : "1"
                sink.respond(toPath: "/hooks/mentor", withSequence: [SinkResponse(status: status, retryAfter: retryAfter)], then: SinkResponse(status: 200))
                let caseID = try await daemon.registerCase()
                let requests = try await sink.waitForRequests(count: 2, timeout: .seconds(10))
                // The retry schedule says 200 ms; the receiver asked for at least a second.
                #expect(requests[1].receivedAt - requests[0].receivedAt >= .milliseconds(900), "Retry-After: \(retryAfter)")
                #expect(requests[0].header("webhook-id") == requests[1].header("webhook-id"))
                _ = try await daemon.waitForCase(caseID) { ($0["messages"] as? [[String: Any]])?.first?["state"] as? String == "delivered" }
                // Rate limiting is not the endpoint's death: it stays enabled, and healthy after the 2xx.
                let endpoint = try await endpointJSON(daemon, "mentor-gateway")
                #expect(endpoint["enabled"] as? Bool == true)
                #expect(endpoint["healthy"] as? Bool == true)
            }
        }
    }

    @Test func operatorsDisableWithAReasonAndOnlyAdminsMay() async throws {
        try await withSinkAndDaemon { sink, daemon in
            let mentor = try await daemon.request("GET", "/v1/endpoints", token: TestConfiguration.mentorToken("anna"))
            #expect(mentor.status == 403)
            let unknown = try await daemon.post("/v1/endpoints/nowhere/disable", json: "", token: Self.admin)
            #expect(unknown.status == 404)
            #expect((unknown.json["detail"] as? String)?.contains("endpoints: mentor-gateway, ops-alerts") == true)
            let tooLong = try await daemon.post("/v1/endpoints/mentor-gateway/disable", json: #"{"reason": "\#(String(repeating: "x", count: 201))"}"#, token: Self.admin)
            #expect(tooLong.status == 422)

            let disabled = try await daemon.post(
                "/v1/endpoints/mentor-gateway/disable", json: #"{"reason": "vedligehold, ring 010190-1234"}"#, token: Self.admin)
            #expect(disabled.status == 200)
            #expect(disabled.json["enabled"] as? Bool == false)
            #expect(disabled.json["disabled_by"] as? String == "admin:test-admin")
            let reason = try #require(disabled.json["disabled_reason"] as? String)
            #expect(reason.hasPrefix("vedligehold, ring "))
            #expect(!reason.contains("010190-1234"))

            // Messages queued while it is disabled wait.
            let caseID = try await daemon.registerCase()
            _ = try await daemon.waitForCase(caseID) { ($0["messages"] as? [[String: Any]])?.count == 1 }
            try await Task.sleep(for: .milliseconds(500))
            #expect(sink.receivedRequests.isEmpty)

            let audit = try await daemon.get("/v1/audit", token: Self.admin).json["entries"] as? [[String: Any]] ?? []
            let entry = try #require(audit.first { $0["action"] as? String == "endpoint.disable" })
            #expect((entry["detail"] as? [String: String])?["reason"] == reason)

            #expect(try await daemon.post("/v1/endpoints/mentor-gateway/enable", json: "", token: Self.admin).status == 200)
            _ = try await daemon.waitForCase(caseID) { ($0["messages"] as? [[String: Any]])?.first?["state"] as? String == "delivered" }
        }
    }

    /// `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func imfFixdate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}

/// The endpoint `id` as `GET /v1/endpoints` shows it.
func endpointJSON(_ daemon: TestDaemon, _ id: String) async throws -> [String: Any] {
    let list = try await daemon.get("/v1/endpoints", token: TestConfiguration.adminToken).json["endpoints"] as? [[String: Any]] ?? []
    return try #require(list.first { $0["id"] as? String == id })
}
