import Foundation
import MentorlineTesting
import Testing

/// Dead messages listed without personal data and replayed with the same webhook-id.
@Suite struct DeliveryReplayTests {
    static let admin = TestConfiguration.adminToken

    @Test func aDeadMessageIsListedReplayedAndDeliveredWithTheSameWebhookId() async throws {
        try await withSinkAndDaemon(configure: { $0.retrySchedule = ["100ms"] }) { sink, daemon in
            sink.respond(toPath: "/hooks/mentor", withStatus: 500)
            let caseID = try await daemon.registerCase()
            _ = try await waitForWebhook(sink) { $0.type == "ops.message_dead" }
            let webhookID = try #require(sink.receivedRequests.first { $0.path == "/hooks/mentor" }?.header("webhook-id"))

            let dead = try await daemon.get("/v1/deliveries?state=dead", token: Self.admin)
            #expect(dead.status == 200)
            let listed = try #require((dead.json["deliveries"] as? [[String: Any]])?.first)
            #expect(listed["id"] as? String == webhookID)
            #expect(listed["case_id"] as? String == caseID)
            #expect(listed["event_type"] as? String == "task.offered")
            #expect(listed["endpoint"] as? String == "mentor-gateway")
            #expect(listed["recipient_kind"] as? String == "mentor")
            #expect(listed["state"] as? String == "dead")
            #expect(listed["attempts"] as? Int == 2)
            #expect(listed["last_status"] as? Int == 500)
            #expect(listed["last_error"] as? String == "HTTP 500")
            #expect(listed["payload"] == nil)
            // Nothing of the call: no name, phone, e-mail or note, no recipient id.
            for personal in ["Lone", "20 30 40 50", "bagerhansen", "Praktikanten", "anna"] { #expect(!dead.text.contains(personal)) }

            let all = try await daemon.get("/v1/deliveries", token: Self.admin).json["deliveries"] as? [[String: Any]] ?? []
            #expect(all.map { $0["event_type"] as? String } == ["ops.message_dead", "task.offered"])
            #expect(try await daemon.get("/v1/deliveries?state=pending&limit=5", token: Self.admin).status == 200)
            #expect(try await daemon.get("/v1/deliveries?state=lost", token: Self.admin).status == 422)
            #expect(try await daemon.get("/v1/deliveries?limit=0", token: Self.admin).status == 422)
            #expect(try await daemon.get("/v1/deliveries", token: TestConfiguration.mentorToken("anna")).status == 403)

            sink.respond(toPath: "/hooks/mentor", withStatus: 200)
            let replayed = try await daemon.post("/v1/deliveries/\(webhookID)/replay", json: "", token: Self.admin)
            #expect(replayed.status == 200)
            #expect(replayed.json["state"] as? String == "pending")
            #expect(replayed.json["attempts"] as? Int == 0)
            #expect(replayed.json["replays"] as? Int == 1)

            let details = try await daemon.waitForCase(caseID) { json in
                (json["messages"] as? [[String: Any]])?.first { $0["id"] as? String == webhookID }?["state"] as? String == "delivered"
            }
            let message = try #require((details["messages"] as? [[String: Any]])?.first { $0["id"] as? String == webhookID })
            #expect(message["attempts"] as? Int == 1)
            let attempts = sink.receivedRequests.filter { $0.path == "/hooks/mentor" }
            #expect(attempts.count == 3)
            #expect(attempts.allSatisfy { $0.header("webhook-id") == webhookID })
            try attempts.last?.verifySignature()

            // Delivered (or pending) messages are not replayed; unknown ones are not found.
            let again = try await daemon.post("/v1/deliveries/\(webhookID)/replay", json: "", token: Self.admin)
            #expect(again.status == 409)
            #expect((again.json["detail"] as? String)?.contains("it was delivered") == true)
            #expect(try await daemon.post("/v1/deliveries/msg_nothing/replay", json: "", token: Self.admin).status == 404)

            let audit = try await daemon.get("/v1/audit", token: Self.admin).json["entries"] as? [[String: Any]] ?? []
            let entry = try #require(audit.first { $0["action"] as? String == "delivery.replay" })
            #expect(entry["subject"] as? String == "message:\(webhookID)")
            #expect(entry["actor"] as? String == "admin:test-admin")
            #expect((entry["detail"] as? [String: String])?["attempts_before"] == "2")
        }
    }
}
