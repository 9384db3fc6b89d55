import Foundation
import MentorlineTesting
import Testing

@Suite struct IntakeTests {
    @Test func aRegisteredCaseIsOfferedToTheFirstMentorByASignedWebhook() async throws {
        try await withSinkAndDaemon { sink, daemon in
            let answer = try await daemon.post("/v1/cases", json: TestDaemon.companyCall)
            #expect(answer.status == 202)
            let caseID = try #require(answer.json["id"] as? String)
            #expect(answer.json["status_url"] as? String == "http://127.0.0.1:8080/v1/cases/\(caseID)")
            #expect(answer.header("Location") == "http://127.0.0.1:8080/v1/cases/\(caseID)")

            let offer = try await waitForWebhook(sink) { $0.type == "task.offered" }
            try offer.verifySignature()
            #expect(offer.path == "/hooks/mentor")
            #expect(offer.recipientID == "anna")
            #expect(offer.data["case_id"] as? String == caseID)
            #expect(offer.header("webhook-id")?.hasPrefix("msg_") == true)

            // The CPR number in the note was masked before it was stored, and so before it was sent.
            #expect(!offer.bodyText.contains("010190-1234"))
            let stored = try await daemon.get("/v1/cases/\(caseID)")
            #expect(stored.status == 200)
            #expect((stored.json["note"] as? String)?.contains("[CPR fjernet]") == true)
            #expect(!stored.text.contains("010190-1234"))
        }
    }

    @Test func theSameIdempotencyKeyAndBodyReturnTheFirstAnswerAndAnotherBodyIsRefused() async throws {
        try await withSinkAndDaemon { sink, daemon in
            let headers = ["Idempotency-Key": "call-0001"]
            let first = try await daemon.post("/v1/cases", json: TestDaemon.companyCall, headers: headers)
            let again = try await daemon.post("/v1/cases", json: TestDaemon.companyCall, headers: headers)
            #expect(first.status == 202)
            #expect(again.status == 202)
            #expect(again.json["id"] as? String == first.json["id"] as? String)
            #expect(again.header("Idempotent-Replayed") == "true")

            let other = try await daemon.post("/v1/cases", json: TestDaemon.companyCall.replacingOccurrences(of: "soon", with: "urgent"), headers: headers)
            #expect(other.status == 422)
            #expect(other.header("Content-Type") == "application/problem+json")
            #expect((other.json["detail"] as? String)?.contains(first.json["id"] as! String) == true)

            // Only one case was created, so only one offer goes out.
            _ = try await waitForWebhook(sink) { $0.type == "task.offered" }
            let second = try? await sink.waitForRequests(count: 2, timeout: .milliseconds(500))
            #expect(second == nil)
        }
    }

    @Test func invalidFieldsAreEachNamedInAProblemDocument() async throws {
        try await withSinkAndDaemon { _, daemon in
            let result = try await daemon.post("/v1/cases", json: """
                {"caller": {"kind": "company", "name": "", "phone": "12", "cvr": "12345675"}, "urgency": "whenever", "lang": "da"}
                """)
            #expect(result.status == 422)
            #expect(result.header("Content-Type") == "application/problem+json")
            let names = Set(((result.json["invalid-params"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String })
            #expect(names.isSuperset(of: ["caller.name", "caller.phone", "caller.cvr", "caller.organisation", "urgency", "lang"]))

            let malformed = try await daemon.post("/v1/cases", json: #"{"caller": {"kind": "citizen", "name": "Ali"}, "topics": "debt"}"#)
            #expect(malformed.status == 400)
            #expect(((malformed.json["invalid-params"] as? [[String: Any]])?.first?["name"] as? String) == "topics")

            let notJSON = try await daemon.post("/v1/cases", json: "caller=Ali")
            #expect(notJSON.status == 400)
        }
    }

    @Test func bodiesOver64KiBAreRefused() async throws {
        try await withSinkAndDaemon { _, daemon in
            let padding = String(repeating: "x", count: 65 * 1024)
            let result = try await daemon.post("/v1/cases", json: #"{"note": "\#(padding)"}"#)
            #expect(result.status == 413)
            #expect(result.header("Content-Type") == "application/problem+json")
        }
    }

    @Test func tokensAreRequiredAndBoundToTheirKind() async throws {
        try await withSinkAndDaemon { sink, daemon in
            #expect(try await daemon.post("/v1/cases", json: TestDaemon.companyCall, token: nil).status == 401)
            #expect(try await daemon.post("/v1/cases", json: TestDaemon.companyCall, token: "not-a-token-at-all").status == 401)
            #expect(try await daemon.post("/v1/cases", json: TestDaemon.companyCall, token: TestConfiguration.mentorToken("anna")).status == 403)

            let caseID = try await daemon.registerCase()
            let offer = try await waitForWebhook(sink) { $0.type == "task.offered" }
            let taskID = try #require(offer.data["task_id"] as? String)
            // Bo may not act on Anna's task, nor read a case that was never offered to him.
            #expect(try await daemon.post("/v1/tasks/\(taskID)/accept", json: "", token: TestConfiguration.mentorToken("bo")).status == 403)
            #expect(try await daemon.get("/v1/cases/\(caseID)", token: TestConfiguration.mentorToken("bo")).status == 403)
            #expect(try await daemon.get("/v1/cases/\(caseID)", token: TestConfiguration.mentorToken("anna")).status == 200)
            #expect(try await daemon.post("/v1/tasks/\(taskID)/accept", json: "", token: TestConfiguration.intakeToken).status == 403)
            #expect(try await daemon.post("/v1/tasks/\(taskID)/accept", json: "", token: nil).status == 401)
            #expect(try await daemon.get("/v1/cases/case_unknown").status == 404)
        }
    }

    @Test func concurrentIntakesAreAllDurablyStoredWithDistinctIds() async throws {
        try await withSinkAndDaemon { sink, daemon in
            let ids = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<100 { group.addTask { try await daemon.registerCase() } }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(Set(ids).count == 100)
            let offers = try await sink.waitForRequests(count: 100, timeout: .seconds(20))
            #expect(Set(offers.compactMap { $0.data["case_id"] as? String }) == Set(ids))
        }
    }
}
