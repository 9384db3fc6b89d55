import Foundation
import MentorlineTesting
import Testing

@Suite struct RoutingFlowTests {
    @Test func acceptAndResolveAreRecordedInTheCaseHistory() async throws {
        try await withSinkAndDaemon { sink, daemon in
            let caseID = try await daemon.registerCase()
            let offer = try await waitForWebhook(sink) { $0.type == "task.offered" }
            let taskID = try #require(offer.data["task_id"] as? String)
            let anna = TestConfiguration.mentorToken("anna")

            let accepted = try await daemon.post("/v1/tasks/\(taskID)/accept", json: "", token: anna)
            #expect(accepted.status == 200)
            #expect(accepted.json["state"] as? String == "accepted")
            #expect(try await daemon.post("/v1/tasks/\(taskID)/accept", json: "", token: anna).status == 409)
            let resolved = try await daemon.post("/v1/tasks/\(taskID)/resolve", json: #"{"outcome": "Møde aftalt med virksomheden."}"#, token: anna)
            #expect(resolved.status == 200)

            let details = try await daemon.get("/v1/cases/\(caseID)")
            #expect(details.json["state"] as? String == "resolved")
            let history = (details.json["history"] as? [[String: Any]] ?? []).compactMap { $0["event"] as? String }
            #expect(history == ["received", "routed", "offered", "promised", "letter", "accepted", "contact_person_set", "contact_person_set", "resolved"])
            let offered = (details.json["history"] as? [[String: Any]])?.first { $0["event"] as? String == "offered" }
            #expect((offered?["ranking"] as? [[String: Any]])?.count == 3)
            let messages = details.json["messages"] as? [[String: Any]] ?? []
            #expect(messages.count == 1)
            #expect(messages.first?["id"] as? String == offer.header("webhook-id"))
        }
    }

    @Test func aDeclinedOfferGoesToTheNextMentor() async throws {
        try await withSinkAndDaemon { sink, daemon in
            let caseID = try await daemon.registerCase()
            let first = try await waitForWebhook(sink) { $0.type == "task.offered" }
            #expect(first.recipientID == "anna")
            let taskID = try #require(first.data["task_id"] as? String)
            let declined = try await daemon.post("/v1/tasks/\(taskID)/decline", json: #"{"reason": "Syg i dag"}"#, token: TestConfiguration.mentorToken("anna"))
            #expect(declined.status == 200)

            let second = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.recipientID != "anna" }
            #expect(second.recipientID == "bo")
            #expect(second.data["case_id"] as? String == caseID)
            let details = try await daemon.get("/v1/cases/\(caseID)")
            let history = (details.json["history"] as? [[String: Any]] ?? []).compactMap { $0["event"] as? String }
            #expect(history == ["received", "routed", "offered", "promised", "letter", "declined", "offered"])
        }
    }

    @Test func anUnansweredOfferExpiresAndPassesOn() async throws {
        try await withSinkAndDaemon(configure: { $0.acknowledgementTimeout = "1s" }) { sink, daemon in
            let caseID = try await daemon.registerCase()
            let withdrawn = try await waitForWebhook(sink) { $0.type == "task.withdrawn" }
            #expect(withdrawn.recipientID == "anna")
            let next = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.recipientID == "bo" }
            #expect(next.data["case_id"] as? String == caseID)
            let details = try await daemon.get("/v1/cases/\(caseID)")
            let tasks = details.json["tasks"] as? [[String: Any]] ?? []
            #expect(tasks.first?["state"] as? String == "expired")
        }
    }

    @Test func whenNobodyIsLeftTheCaseIsUnroutableAndOpsAreAlerted() async throws {
        try await withSinkAndDaemon(configure: { $0.scheduleStart = "2099-01-05" }) { sink, daemon in
            let caseID = try await daemon.registerCase()
            let alert = try await waitForWebhook(sink) { $0.type == "ops.case_unroutable" }
            try alert.verifySignature()
            #expect(alert.path == "/hooks/ops")
            #expect(alert.data["case_id"] as? String == caseID)
            #expect(!alert.bodyText.contains("Lone"))
            let details = try await daemon.waitForCase(caseID) { $0["state"] as? String == "unroutable" }
            let history = (details["history"] as? [[String: Any]] ?? []).compactMap { $0["event"] as? String }
            #expect(history == ["received", "routed", "unroutable", "promised", "letter"])
        }
    }
}
