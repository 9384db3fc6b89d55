import Foundation
import MentorlineTesting
import Testing

/// The one contact person: whoever takes a case keeps the citizen or company; new cases go to them
/// first, may wait for their next shift, and move with a handoff or a coordinator's decision.
@Suite struct ContinuityTests {
    @Test func theMentorWhoTookTheLastCaseIsOfferedTheNextOneFirst() async throws {
        let roster = DepthRoster.yaml(levels: DepthRoster.level("{team: everyone}"))
        try await withSinkAndDaemon(configure: { $0.roster = roster }) { sink, daemon in
            let first = try await daemon.registerCase(TestDaemon.citizenCall(reference: "J-77"))
            let toAnna = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.data["case_id"] as? String == first }
            #expect(toAnna.recipientID == "anna")
            let declined = try await daemon.post("/v1/tasks/\(toAnna.data["task_id"] as! String)/decline", json: "", token: TestConfiguration.mentorToken("anna"))
            #expect(declined.status == 200)
            let toBo = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.recipientID == "bo" }
            #expect(try await daemon.post("/v1/tasks/\(toBo.data["task_id"] as! String)/accept", json: "", token: TestConfiguration.mentorToken("bo")).status == 200)

            let contact = try await daemon.get("/v1/contact-persons/citizen/J-77", token: TestConfiguration.adminToken)
            #expect(contact.json["mentor"] as? String == "bo")
            #expect(contact.json["set_by"] as? String == "mentor:bo")

            let second = try await daemon.registerCase(TestDaemon.citizenCall(reference: "J-77"))
            let again = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.data["case_id"] as? String == second }
            #expect(again.recipientID == "bo")
            let details = try await daemon.get("/v1/cases/\(second)", token: TestConfiguration.adminToken)
            let offered = (details.json["history"] as? [[String: Any]])?.first { $0["event"] as? String == "offered" }
            let top = (offered?["ranking"] as? [[String: Any]])?.first
            #expect(top?["mentor"] as? String == "bo")
            #expect((top?["reasons"] as? [String])?.contains("contact person: ranked first when eligible") == true)

            // A coordinator moves the role; the next case follows it.
            #expect(try await daemon.put("/v1/contact-persons/citizen/J-77", json: #"{"mentor": "carl"}"#, token: TestConfiguration.mentorToken("bo")).status == 403)
            #expect(try await daemon.put("/v1/contact-persons/citizen/J-77", json: #"{"mentor": "carl"}"#, token: TestConfiguration.adminToken).status == 200)
            let third = try await daemon.registerCase(TestDaemon.citizenCall(reference: "J-77"))
            let toCarl = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.data["case_id"] as? String == third }
            #expect(toCarl.recipientID == "carl")
            #expect(try await daemon.delete("/v1/contact-persons/citizen/J-77", token: TestConfiguration.adminToken).status == 204)
            #expect(try await daemon.get("/v1/contact-persons/citizen/J-77", token: TestConfiguration.adminToken).status == 404)
            #expect(try await daemon.get("/v1/contact-persons/company/12345678", token: TestConfiguration.adminToken).status == 404)
        }
    }

    @Test func aRoutineCaseWaitsForItsContactPersonsNextShiftAndAnUrgentOneDoesNot() async throws {
        // bo takes turns only in a schedule that starts in 2099, so he is off duty now.
        let schedules = DepthRoster.dailySchedule(["anna"]) + """

              - id: senere
                layers:
                  - {rotation: daily, handoff: "08:00", start: 2099-01-01, mentors: [bo]}
            """
        let roster = DepthRoster.yaml(schedules: schedules, levels: DepthRoster.level("{schedule: vagt}"), routing: "routing:\n  contact_person_wait: 1h")
        try await withSinkAndDaemon(configure: {
            $0.roster = roster
            $0.extraEndpoints = [("caller-gateway", $0.mentorEndpointURL.replacingOccurrences(of: "/hooks/mentor", with: "/hooks/caller"))]
            $0.callerRecipients = ["citizen": "caller-gateway"]
        }) { sink, daemon in
            let admin = TestConfiguration.adminToken
            // An override puts bo on call in eight seconds: time enough, on a busy machine, to register both
            // cases before it starts.
            let start = Date().addingTimeInterval(8)
            let override = #"{"mentor": "bo", "start": "\#(iso(start))", "end": "\#(iso(start.addingTimeInterval(3600)))"}"#
            #expect(try await daemon.post("/v1/schedules/vagt/overrides", json: override, token: admin).status == 201)
            #expect(try await daemon.put("/v1/contact-persons/citizen/J-88", json: #"{"mentor": "bo"}"#, token: admin).status == 200)

            let urgent = try await daemon.registerCase(TestDaemon.citizenCall(reference: "J-88", urgency: "urgent"))
            let now = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.data["case_id"] as? String == urgent }
            #expect(now.recipientID == "anna")

            let routine = try await daemon.registerCase(TestDaemon.citizenCall(reference: "J-88"))
            let waiting = try await daemon.waitForCase(routine) { $0["state"] as? String == "waiting" }
            let wait = (waiting["history"] as? [[String: Any]])?.first { $0["event"] as? String == "waiting" }
            #expect(wait?["mentor"] as? String == "bo")
            #expect(wait?["until"] as? String == iso(start))
            let receipt = try await waitForWebhook(sink) { $0.type == "case.receipt" && $0.data["case_id"] as? String == routine }
            #expect(receipt.path == "/hooks/caller")
            // The promise is the shift's start plus the time the mentor then has to take the case.
            #expect(receipt.data["expect_contact_by"] as? String == iso(start.addingTimeInterval(600)))
            let text = try #require(receipt.data["text"] as? String)
            #expect(text.contains("En mentor kontakter dig senest ") && text.contains(" den ") && text.contains(" kl. "))

            let later = try await waitForWebhook(sink, timeout: .seconds(20)) { $0.type == "task.offered" && $0.data["case_id"] as? String == routine }
            #expect(later.recipientID == "bo")
            let trail = history(try await daemon.waitForCase(routine) { $0["state"] as? String == "offered" })
            #expect(trail == ["received", "routed", "waiting", "promised", "letter", "offered"])
        }
    }

    @Test func aHandoffMovesTheTaskWithTheNoteAndOnRequestTheContactPerson() async throws {
        let roster = DepthRoster.yaml(levels: DepthRoster.level("{team: everyone}"))
        try await withSinkAndDaemon(configure: { $0.roster = roster }) { sink, daemon in
            let caseID = try await daemon.registerCase(TestDaemon.citizenCall(reference: "J-99"))
            let offer = try await waitForWebhook(sink) { $0.type == "task.offered" }
            let task = try #require(offer.data["task_id"] as? String)
            let anna = TestConfiguration.mentorToken("anna"), bo = TestConfiguration.mentorToken("bo")
            #expect(try await daemon.post("/v1/tasks/\(task)/handoff", json: #"{"to": "bo"}"#, token: anna).status == 409)
            #expect(try await daemon.post("/v1/tasks/\(task)/accept", json: "", token: anna).status == 200)
            #expect(try await daemon.post("/v1/tasks/\(task)/handoff", json: #"{"note": "x"}"#, token: anna).status == 422)
            #expect(try await daemon.post("/v1/tasks/\(task)/handoff", json: #"{"to": "nobody"}"#, token: anna).status == 422)
            #expect(try await daemon.post("/v1/tasks/\(task)/handoff", json: #"{"to": "bo"}"#, token: bo).status == 403)

            let handed = try await daemon.post(
                "/v1/tasks/\(task)/handoff", json: #"{"to": "bo", "note": "Ring efter kl. 10; CPR 010190-1234.", "contact_person": true}"#, token: anna
            )
            #expect(handed.status == 200)
            #expect(handed.json["state"] as? String == "handed_off")
            let message = try await waitForWebhook(sink) { $0.type == "task.handed_over" }
            #expect(message.recipientID == "bo")
            #expect(message.data["handoff_note"] as? String == "Ring efter kl. 10; CPR [CPR fjernet].")
            #expect(message.data["from_mentor"] as? String == "anna")
            let newTask = try #require(message.data["task_id"] as? String)

            let contact = try await daemon.get("/v1/contact-persons/citizen/J-99", token: TestConfiguration.adminToken)
            #expect(contact.json["mentor"] as? String == "bo")
            #expect(try await daemon.post("/v1/tasks/\(task)/resolve", json: "", token: anna).status == 409)
            #expect(try await daemon.post("/v1/tasks/\(newTask)/resolve", json: #"{"outcome": "Aftale på plads."}"#, token: bo).status == 200)
            #expect(try await daemon.post("/v1/tasks/\(newTask)/reopen", json: #"{"reason": "Borgeren ringede igen."}"#, token: TestConfiguration.adminToken).status == 200)
            let details = try await daemon.waitForCase(caseID) { $0["state"] as? String == "accepted" }
            #expect(history(details).suffix(6) == ["accepted", "contact_person_set", "handed_off", "contact_person_set", "resolved", "reopened"])
        }
    }
}
