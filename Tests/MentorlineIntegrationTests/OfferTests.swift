import Foundation
import MentorlineTesting
import Testing

/// How offers reach mentors and what happens around them: simultaneous offers and their race, signed
/// action links, delayed contact methods, the callback promise, the coordinator, durable timers.
@Suite struct OfferTests {
    @Test(arguments: 1...3) func ofTwoSimultaneousAcceptsExactlyOneWins(run: Int) async throws {
        let roster = DepthRoster.yaml(levels: DepthRoster.level("{team: everyone}", strategy: "simultaneous"))
        try await withSinkAndDaemon(configure: { $0.roster = roster }) { sink, daemon in
            let caseID = try await daemon.registerCase()
            _ = try await sink.waitForRequests(count: 3, timeout: .seconds(10))
            let offers = sink.receivedRequests.filter { $0.type == "task.offered" }
            #expect(Set(offers.compactMap(\.recipientID)) == ["anna", "bo", "carl"])
            func task(_ mentor: String) -> String { offers.first { $0.recipientID == mentor }?.data["task_id"] as? String ?? "" }
            async let annaAccepts = daemon.post("/v1/tasks/\(task("anna"))/accept", json: "", token: TestConfiguration.mentorToken("anna"))
            async let boAccepts = daemon.post("/v1/tasks/\(task("bo"))/accept", json: "", token: TestConfiguration.mentorToken("bo"))
            let statuses = try await [annaAccepts.status, boAccepts.status]
            #expect(statuses.sorted() == [200, 409])
            let winner = statuses[0] == 200 ? "anna" : "bo"

            let details = try await daemon.waitForCase(caseID) { ($0["tasks"] as? [[String: Any]])?.filter { $0["state"] as? String == "withdrawn" }.count == 2 }
            let states = Dictionary(uniqueKeysWithValues: (details["tasks"] as? [[String: Any]] ?? []).map { ($0["mentor"] as! String, $0["state"] as! String) })
            #expect(states.filter { $0.value == "accepted" }.map(\.key) == [winner])
            #expect(details["state"] as? String == "accepted")
            _ = try await waitForWebhook(sink) { sink in
                sink.type == "task.withdrawn" && sink.recipientID == "carl"
            }
            let withdrawn = sink.receivedRequests.filter { $0.type == "task.withdrawn" }
            #expect(Set(withdrawn.compactMap(\.recipientID)).count == withdrawn.count)
            #expect(!withdrawn.contains { $0.recipientID == winner })
        }
    }

    @Test func signedActionLinksWorkOnceAndOnlyAsSigned() async throws {
        try await withSinkAndDaemon(configure: { $0.actionLinks = true }) { sink, daemon in
            let caseID = try await daemon.registerCase()
            let offer = try await waitForWebhook(sink) { $0.type == "task.offered" }
            let actions = try #require(offer.data["actions"] as? [String: Any])
            let accept = try #require(actions["accept"] as? String)
            #expect(accept.hasPrefix("http://127.0.0.1:8080/v1/links/v1."))
            let path = String(accept.dropFirst("http://127.0.0.1:8080".count))

            let page = try await daemon.get(path, token: nil)
            #expect(page.status == 200)
            #expect(page.text.contains("<form method=\"post\">"))
            #expect(try await daemon.get("/v1/cases/\(caseID)", token: TestConfiguration.adminToken).json["state"] as? String == "offered")

            let tampered = path.replacingOccurrences(of: ".anna.", with: ".bo.")
            #expect(try await daemon.post(tampered, json: "", token: nil).status == 404)
            let used = try await daemon.post(path, json: "", token: nil)
            #expect(used.status == 200)
            #expect(used.text.contains("Du har taget henvendelsen"))
            #expect(try await daemon.post(path, json: "", token: nil).status == 410)
            let details = try await daemon.get("/v1/cases/\(caseID)", token: TestConfiguration.adminToken)
            #expect(details.json["state"] as? String == "accepted")
            let decline = try #require(actions["decline"] as? String)
            let late = try await daemon.post(String(decline.dropFirst("http://127.0.0.1:8080".count)), json: "", token: nil)
            #expect(late.status == 409)
        }
    }

    @Test func aLaterContactMethodIsUsedOnlyWhileTheOfferIsStillOpen() async throws {
        let methods = #"notify: [{endpoint: mentor-gateway, address: "teams:anna"}, {endpoint: sms, address: "+4511223344", after: 1s}]"#
        let roster = DepthRoster.yaml(mentorExtras: ["anna": methods], levels: DepthRoster.level("{mentor: anna}"))
        try await withSinkAndDaemon(configure: {
            $0.roster = roster
            $0.extraEndpoints = [("sms", $0.mentorEndpointURL.replacingOccurrences(of: "/hooks/mentor", with: "/hooks/sms"))]
        }) { sink, daemon in
            let registered = ContinuousClock.now
            let open = try await daemon.registerCase()
            let teams = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.path == "/hooks/mentor" }
            #expect(teams.data["address"] as? String == "teams:anna")
            let sms = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.path == "/hooks/sms" }
            #expect(sms.data["address"] as? String == "+4511223344")
            #expect(sms.data["task_id"] as? String == teams.data["task_id"] as? String)
            // The offer is made after the intake returns; the SMS is due a second after the offer.
            #expect(sms.receivedAt - registered >= .seconds(1))
            _ = open

            let answered = try await daemon.registerCase()
            let second = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.data["case_id"] as? String == answered }
            #expect(try await daemon.post("/v1/tasks/\(second.data["task_id"] as! String)/accept", json: "", token: TestConfiguration.mentorToken("anna")).status == 200)
            try await Task.sleep(for: .milliseconds(1500))
            #expect(!sink.receivedRequests.contains { $0.path == "/hooks/sms" && $0.data["case_id"] as? String == answered })
        }
    }

    @Test func theCallerIsPromisedContactAndTheCoordinatorIsWarnedBeforeThePromiseIsMissed() async throws {
        let roster = DepthRoster.yaml(
            levels: DepthRoster.level("{mentor: anna}", timeout: "3s"),
            routing: "routing:\n  coordinator: carl\n  promise_alert_lead: 1s"
        )
        try await withSinkAndDaemon(configure: {
            $0.roster = roster
            $0.extraEndpoints = [("caller-gateway", $0.mentorEndpointURL.replacingOccurrences(of: "/hooks/mentor", with: "/hooks/caller"))]
            $0.callerRecipients = ["company": "caller-gateway"]
        }) { sink, daemon in
            let caseID = try await daemon.registerCase()
            let offer = try await waitForWebhook(sink) { $0.type == "task.offered" }
            let receipt = try await waitForWebhook(sink) { $0.type == "case.receipt" }
            try receipt.verifySignature()
            #expect(receipt.path == "/hooks/caller")
            #expect(receipt.data["expect_contact_by"] as? String == offer.data["deadline"] as? String)
            #expect((receipt.data["to"] as? [String: Any])?["phone"] as? String == "+45 20 30 40 50")
            let alert = try await waitForWebhook(sink) { $0.type == "case.promise_at_risk" }
            #expect(alert.recipientID == "carl")
            #expect(alert.receivedAt - receipt.receivedAt < .milliseconds(2900))
            let details = try await daemon.get("/v1/cases/\(caseID)", token: TestConfiguration.adminToken)
            #expect(history(details.json).contains("promise_at_risk"))
            #expect(details.json["promised_by"] as? String == offer.data["deadline"] as? String)
        }
    }

    @Test func aCaseNobodyCanTakeIsOfferedToTheCoordinatorAndOpsAreAlerted() async throws {
        let roster = DepthRoster.yaml(
            schedules: """
                schedules:
                  - id: vagt
                    layers: [{rotation: daily, handoff: "08:00", start: 2099-01-01, mentors: [anna]}]
                """,
            levels: DepthRoster.level("{schedule: vagt}"), routing: "routing:\n  coordinator: carl"
        )
        try await withSinkAndDaemon(configure: { $0.roster = roster }) { sink, daemon in
            let caseID = try await daemon.registerCase()
            let alert = try await waitForWebhook(sink) { $0.type == "ops.case_unroutable" }
            #expect(alert.data["coordinator"] as? String == "carl")
            let offer = try await waitForWebhook(sink) { $0.type == "task.offered" }
            #expect(offer.recipientID == "carl")
            #expect(offer.data["purpose"] as? String == "coordinator")
            #expect(offer.data["deadline"] == nil)
            let accepted = try await daemon.post("/v1/tasks/\(offer.data["task_id"] as! String)/accept", json: "", token: TestConfiguration.mentorToken("carl"))
            #expect(accepted.status == 200)
            let details = try await daemon.waitForCase(caseID) { $0["state"] as? String == "accepted" }
            #expect(history(details) == ["received", "routed", "unroutable", "offered", "promised", "letter", "accepted", "contact_person_set", "contact_person_set"])
        }
    }

    @Test func overdueTimersFireOnceEachInOrderAfterARestart() async throws {
        try await WebhookSink.withSink { sink in
            var configuration = TestConfiguration(mentorEndpointURL: sink.url(path: "/hooks/mentor"), opsEndpointURL: sink.url(path: "/hooks/ops"))
            // Long enough for three cases to be offered before the first expires, even on a busy machine.
            configuration.acknowledgementTimeout = "5s"
            let root = try TestDaemon.temporaryDirectory()
            let short = try configuration.write(to: root.appendingPathComponent("Short"))
            configuration.acknowledgementTimeout = "10m"
            let long = try configuration.write(to: root.appendingPathComponent("Long"))
            let state = root.appendingPathComponent("var")

            let cases = try await TestDaemon.withDaemon(configurationDirectory: short, stateDirectory: state) { daemon in
                var ids: [String] = []
                for _ in 0..<3 {
                    ids.append(try await daemon.registerCase())
                    try await Task.sleep(for: .milliseconds(50))
                }
                _ = try await sink.waitForRequests(count: 3, timeout: .seconds(5))
                return ids
            }
            // Down past every deadline.
            try await Task.sleep(for: .milliseconds(5200))
            try await TestDaemon.withDaemon(configurationDirectory: long, stateDirectory: state) { daemon in
                for id in cases {
                    _ = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.recipientID != "anna" && $0.data["case_id"] as? String == id }
                    _ = try await waitForWebhook(sink) { $0.type == "task.withdrawn" && $0.data["case_id"] as? String == id }
                }
                // Each overdue expiry fired exactly once.
                let withdrawn = sink.receivedRequests.filter { $0.type == "task.withdrawn" }.compactMap { $0.data["case_id"] as? String }
                #expect(withdrawn.sorted() == cases.sorted())
                let secondOffers = sink.receivedRequests.filter { $0.type == "task.offered" && $0.recipientID != "anna" }.compactMap { $0.data["case_id"] as? String }
                #expect(secondOffers.sorted() == cases.sorted())
                for id in cases {
                    let details = try await daemon.get("/v1/cases/\(id)", token: TestConfiguration.adminToken)
                    let expiries = (details.json["history"] as? [[String: Any]] ?? []).filter { $0["event"] as? String == "offer_expired" }
                    #expect(expiries.count == 1)
                }
                // In due order: the earliest case's offer expired first.
                let expiredAt = try await cases.asyncMap { id in
                    let details = try await daemon.get("/v1/cases/\(id)", token: TestConfiguration.adminToken)
                    return (details.json["tasks"] as? [[String: Any]])?.first?["answered_at"] as? String ?? ""
                }
                #expect(expiredAt == expiredAt.sorted())
            }
        }
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
