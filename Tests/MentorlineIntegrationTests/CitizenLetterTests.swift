import Foundation
import MentorlineTesting
import Testing

/// The letter policy and the representative rule in the running daemon, with a real sink.
@Suite(.serialized)
struct CitizenLetterTests {
    /// Mentors' and ops' hooks as usual; citizens and representatives through `/hooks/caller`.
    static func configuration(_ sink: WebhookSink) -> TestConfiguration {
        var configuration = TestConfiguration(mentorEndpointURL: sink.url(path: "/hooks/mentor"), opsEndpointURL: sink.url(path: "/hooks/ops"))
        configuration.extraEndpoints = [("caller-gateway", sink.url(path: "/hooks/caller"))]
        configuration.callerRecipients = ["citizen": "caller-gateway", "representative": "caller-gateway"]
        return configuration
    }

    static func copenhagen(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    static func messages(_ details: [String: Any], type: String) -> [[String: Any]] {
        (details["messages"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == type }
    }

    @Test func aLetterHeldOverTheWeekendGoesOnceOnMondayMorningAcrossARestart() async throws {
        try await WebhookSink.withSink { sink in
            let root = try TestDaemon.temporaryDirectory()
            let config = try Self.configuration(sink).write(to: root.appendingPathComponent("Config"))
            let state = root.appendingPathComponent("var")
            let anna = TestConfiguration.mentorToken("anna")

            // Friday 4 December 2026, 13:00 in Copenhagen: the weekend's quiet period has begun.
            let (caseID, appointmentID) = try await TestDaemon.withDaemon(
                configurationDirectory: config, stateDirectory: state, clockStartingAt: Self.copenhagen("2026-12-04T13:00:00+01:00")
            ) { daemon in
                let caseID = try await daemon.registerCase(TestDaemon.citizenCall(reference: "borger-4711"))
                // The receipt answers the call just made: exempt, it goes at once.
                let receipt = try await waitForWebhook(sink) { $0.type == "case.receipt" }
                #expect(receipt.path == "/hooks/caller")
                let offer = try await waitForWebhook(sink) { $0.type == "task.offered" }
                let taskID = try #require(offer.data["task_id"] as? String)
                #expect(try await daemon.post("/v1/tasks/\(taskID)/accept", json: "", token: anna).status == 200)

                // A meeting on Monday at 10:00: the confirmation waits for Monday 08:00, and the reminder
                // (24 hours before, in the quiet period, with nothing allowed between now and then) is not sent.
                let booked = try await daemon.post(
                    "/v1/tasks/\(taskID)/appointment", json: #"{"at": "2026-12-07T10:00", "place": "Jobcenter Nord"}"#, token: anna
                )
                #expect(booked.status == 200)
                let details = try await daemon.waitForCase(caseID) { !Self.messages($0, type: "case.appointment").isEmpty }
                let held = try #require(Self.messages(details, type: "case.appointment").first)
                #expect(held["state"] as? String == "pending")
                #expect(held["held_reason"] as? String == "quiet_period")
                #expect(held["held_detail"] as? String == "quiet period fri 12:00–mon 08:00")
                #expect(held["not_before"] as? String == "2026-12-07T07:00:00Z")
                // The date itself, never "i dag" or "i morgen": the letter is read on another day than it was written.
                #expect((held["text"] as? String)?.hasPrefix("Du har en aftale med din mentor Anna Holm mandag den 7. december kl. 10:00 på Jobcenter Nord.") == true)
                #expect(Self.messages(details, type: "case.appointment_reminder").isEmpty)
                let letters = (details["history"] as? [[String: Any]] ?? []).filter { $0["event"] as? String == "letter" }.compactMap { $0["reason"] as? String }
                #expect(letters.contains { $0.hasPrefix("case.appointment to the citizen held until 2026-12-07 08:00: quiet period") })
                #expect(letters.contains { $0.hasPrefix("case.appointment_reminder not sent to the citizen: the letter policy allows no instant") })

                try await Task.sleep(for: .milliseconds(500))
                #expect(!sink.receivedRequests.contains { $0.type == "case.appointment" })
                return (caseID, try #require(held["id"] as? String))
            }

            // The daemon comes back on Monday just after 08:00: the letter goes, once, with its id as webhook-id.
            try await TestDaemon.withDaemon(
                configurationDirectory: config, stateDirectory: state, clockStartingAt: Self.copenhagen("2026-12-07T08:00:01+01:00")
            ) { daemon in
                // (Not verifySignature: its tolerance is checked against the real clock, and this daemon's runs ahead.)
                let letter = try await waitForWebhook(sink) { $0.type == "case.appointment" }
                #expect(letter.header("webhook-id") == appointmentID)
                #expect((letter.data["to"] as? [String: Any])?["name"] as? String == "Mikkel Jensen")
                _ = try await daemon.waitForCase(caseID) { Self.messages($0, type: "case.appointment").first?["state"] as? String == "delivered" }
                try await Task.sleep(for: .milliseconds(300))
                #expect(sink.receivedRequests.filter { $0.type == "case.appointment" }.count == 1)
            }
        }
    }

    @Test func aLetterDueBeforeTheWeekendIsHeldWhenItsEndpointIsEnabledOnFridayAfternoon() async throws {
        try await WebhookSink.withSink { sink in
            let root = try TestDaemon.temporaryDirectory()
            let config = try Self.configuration(sink).write(to: root.appendingPathComponent("Config"))
            let state = root.appendingPathComponent("var")
            let anna = TestConfiguration.mentorToken("anna")
            let admin = TestConfiguration.adminToken

            // Friday 4 December 2026, 10:00: letters may go, but the caller gateway is down for maintenance.
            let (caseID, letterID) = try await TestDaemon.withDaemon(
                configurationDirectory: config, stateDirectory: state, clockStartingAt: Self.copenhagen("2026-12-04T10:00:00+01:00")
            ) { daemon in
                #expect(try await daemon.post("/v1/endpoints/caller-gateway/disable", json: #"{"reason": "maintenance"}"#, token: admin).status == 200)
                let caseID = try await daemon.registerCase(TestDaemon.citizenCall(reference: "borger-4713"))
                let offer = try await waitForWebhook(sink) { $0.type == "task.offered" }
                let taskID = try #require(offer.data["task_id"] as? String)
                #expect(try await daemon.post("/v1/tasks/\(taskID)/accept", json: "", token: anna).status == 200)
                let booked = try await daemon.post(
                    "/v1/tasks/\(taskID)/appointment", json: #"{"at": "2026-12-08T10:00", "place": "Jobcenter Nord"}"#, token: anna
                )
                #expect(booked.status == 200)
                // Queued to go at once, not held: it only waits for its endpoint.
                let details = try await daemon.waitForCase(caseID) { !Self.messages($0, type: "case.appointment").isEmpty }
                let letter = try #require(Self.messages(details, type: "case.appointment").first)
                #expect(letter["held_reason"] == nil)
                return (caseID, try #require(letter["id"] as? String))
            }

            // 13:00, in the weekend's quiet period, the gateway is enabled again: the letter, long due, is
            // not sent now but held until Monday 08:00, and no attempt is used.
            try await TestDaemon.withDaemon(
                configurationDirectory: config, stateDirectory: state, clockStartingAt: Self.copenhagen("2026-12-04T13:00:00+01:00")
            ) { daemon in
                #expect(try await daemon.post("/v1/endpoints/caller-gateway/enable", json: "", token: admin).status == 200)
                let details = try await daemon.waitForCase(caseID) { details in
                    ["case.appointment", "case.receipt"].allSatisfy { Self.messages(details, type: $0).first?["held_reason"] as? String == "quiet_period" }
                }
                let held = try #require(Self.messages(details, type: "case.appointment").first)
                #expect(held["state"] as? String == "pending")
                #expect(held["not_before"] as? String == "2026-12-07T07:00:00Z")
                #expect(held["attempts"] as? Int == 0)
                // So is the receipt, whose exemption (15 minutes from the call) ended long ago.
                let receipt = try #require(Self.messages(details, type: "case.receipt").first)
                #expect(receipt["held_reason"] as? String == "quiet_period")
                let metrics = try await daemon.get("/metrics", token: nil).text
                #expect(metrics.contains(#"mentorline_held_letters{reason="quiet_period"} 2.0"#))
                try await Task.sleep(for: .milliseconds(300))
                #expect(!sink.receivedRequests.contains { $0.type == "case.appointment" })
            }

            // Monday 08:00: it goes, once, with the webhook-id it was queued with.
            try await TestDaemon.withDaemon(
                configurationDirectory: config, stateDirectory: state, clockStartingAt: Self.copenhagen("2026-12-07T08:00:01+01:00")
            ) { daemon in
                let letter = try await waitForWebhook(sink) { $0.type == "case.appointment" }
                #expect(letter.header("webhook-id") == letterID)
                _ = try await daemon.waitForCase(caseID) { Self.messages($0, type: "case.appointment").first?["state"] as? String == "delivered" }
                try await Task.sleep(for: .milliseconds(300))
                #expect(sink.receivedRequests.filter { $0.type == "case.appointment" }.count == 1)
            }
        }
    }

    @Test func aRepresentativeGetsTheCitizensMessagesOnThisCaseAndTheNext() async throws {
        try await WebhookSink.withSink { sink in
            // A Wednesday morning, so nothing is held.
            try await TestDaemon.withDaemon(Self.configuration(sink), clockStartingAt: Self.copenhagen("2026-12-02T10:00:00+01:00")) { daemon in
                let first = try await daemon.registerCase("""
                    {"caller": {"kind": "citizen", "name": "Mikkel Jensen", "phone": "+45 22 33 44 55"},
                     "citizen_reference": "borger-4712", "topics": ["placement"],
                     "representative": {"name": "Hanne Mortensen", "phone": "+45 40 50 60 70", "organisation": "LEV Aarhus"}}
                    """)
                let second = try await daemon.registerCase(TestDaemon.citizenCall(reference: "borger-4712"))
                for caseID in [first, second] {
                    let receipt = try await waitForWebhook(sink) { $0.type == "case.receipt" && $0.data["case_id"] as? String == caseID }
                    let to = try #require(receipt.data["to"] as? [String: Any])
                    #expect(to["kind"] as? String == "representative")
                    #expect(to["name"] as? String == "Hanne Mortensen")
                    #expect(receipt.recipientID == "caller")
                    #expect(!receipt.bodyText.contains("Mikkel Jensen") && !receipt.bodyText.contains("+45 22 33 44 55"))
                }
            }
        }
    }
}
