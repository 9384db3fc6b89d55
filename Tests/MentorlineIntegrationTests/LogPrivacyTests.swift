import Foundation
import Logging
import MentorlineDaemon
import MentorlineTesting
import Testing

/// The daemon's log, read line by line as `mentorlined` writes it, after cases full of personal data
/// went through the whole flow: not one name, phone number, e-mail address, CPR number or piece of
/// free text in it, while the ids, endpoints, durations and outcomes are.
@Suite struct LogPrivacyTests {
    /// A company calls about its trainee; names, phones in several formats, e-mails and CPR numbers in
    /// every free-text field.
    static let companyCall = """
        {"caller": {"kind": "company", "name": "Vibeke Thorsager", "phone": "+45 61 72 83 94",
          "email": "vibeke.thorsager@bagerthorsager.dk", "organisation": "Bager Thorsager ApS", "cvr": "12345674"},
         "citizen_reference": "J-2026-0412", "topics": ["placement"], "urgency": "soon",
         "note": "Praktikanten Mads Østergaard (CPR 010190-1234, også skrevet 0101901234) er ikke mødt i to dage. Han sover dårligt og har angst. Ring til ham på 22 33 44 55 eller skriv til mads.oestergaard@gmail.com."}
        """

    /// A citizen with a representative (partsrepræsentant), whose gateway answers 500.
    static let citizenCall = """
        {"caller": {"kind": "citizen", "name": "Fatima Al-Sayed", "phone": "(+45) 5187-2963", "email": "fatima.alsayed@hotmail.dk"},
         "citizen_reference": "borger-8841", "topics": ["placement"], "language": "da",
         "representative": {"name": "Henrik Bjerregaard", "phone": "0045 41 52 63 74", "email": "henrik@advokat-bjerregaard.dk",
           "organisation": "Advokatfirmaet Bjerregaard"},
         "note": "Fatima har gæld til SKAT på 48.000 kr. og bor hos sin søster Amal Al-Sayed på Vestergade 12, 4300 Holbæk."}
        """

    /// Refused: a CPR number as reference, a phone that is not one, an unknown key that is a name.
    static let invalidCall = """
        {"caller": {"kind": "citizen", "name": "Karsten Vestergaard-Holm", "phone": "ring 70 80 90 12 efter kl 16", "email": "karsten(at)vestergaard-holm.dk"},
         "citizen_reference": "010190-1234", "topics": ["Karsten Vestergaard-Holm"], "Karsten Vestergaard-Holm": "søn af Birthe",
         "note": "Karsten Vestergaard-Holm er sygemeldt med stress."}
        """

    /// Refused before validation: a name where a string is expected is a number, next to free text.
    static let malformedCall = #"{"caller": {"kind": "citizen", "name": 4570809012}, "note": "Birthe Vestergaard-Holm ringer på 70 80 90 12"}"#

    /// The default test roster (anna, bo, carl offered in turn) and a schedule to put an override in.
    static let roster = """
        topics:
          - {id: placement, label: praktik}
          - {id: other, label: andet}
        mentors:
          - {id: anna, name: Anna Holm, topics: [placement], languages: [da, en], capacity: 5}
          - {id: bo, name: Bo Lind, topics: [placement], languages: [da], capacity: 5}
          - {id: carl, name: Carl Berg, topics: [placement], languages: [da], capacity: 5}
        teams:
          - {id: everyone, name: Alle, members: [anna, bo, carl]}
        schedules:
          - id: vagt
            name: Mentorvagten
            layers:
              - {rotation: weekly, handoff: "08:00", start: 2026-01-05, mentors: [anna, bo]}
        escalation_policies:
          - id: standard
            levels:
              - targets: [{team: everyone}]
                ack_timeout: 10m
        routes:
          - id: everything
            policy: standard

        """

    /// Every string the log must not hold, compared without regard to case.
    static let personalTexts = [
        "Vibeke", "Thorsager", "vibeke.thorsager@bagerthorsager.dk", "Bager Thorsager",
        "Mads", "Østergaard", "mads.oestergaard@gmail.com", "sover dårligt", "angst",
        "Fatima", "Al-Sayed", "fatima.alsayed@hotmail.dk", "Henrik", "Bjerregaard", "henrik@advokat-bjerregaard.dk",
        "Amal", "Vestergade", "Holbæk", "gæld til SKAT", "48.000",
        "Karsten", "Vestergaard-Holm", "karsten(at)", "Birthe", "sygemeldt", "stress",
        "nabo", "Jyllandsgade", "privat", "lungebetændelse", "sms",
        "010190-1234", "0101901234",
    ]

    /// The phone and CPR numbers as digits: they must not appear in any formatting (spaces, dashes,
    /// brackets, dots between the digits). Phones without their country code.
    static let digitRuns = ["61728394", "22334455", "51872963", "41526374", "70809012", "0101901234"]

    @Test func noPersonalDataReachesTheLogThroughTheWholeFlow() async throws {
        let capture = LogCapture()
        // Tuesday 24 November 2026, 10:00 in Copenhagen: letters to callers and representatives may go.
        let start = try #require(ISO8601DateFormatter().date(from: "2026-11-24T10:00:00+01:00"))
        try await WebhookSink.withSink { sink in
            try await WebhookSink.withSink { broken in
                broken.respond(with: SinkResponse(
                    status: 500, body: Array(#"{"error": "kunne ikke sende til Henrik Bjerregaard på 41 52 63 74"}"#.utf8)
                ))
                var configuration = TestConfiguration(mentorEndpointURL: sink.url(path: "/hooks/mentor"), opsEndpointURL: sink.url(path: "/hooks/ops"))
                configuration.extraEndpoints = [("caller-gateway", sink.url(path: "/hooks/caller")), ("broken-gateway", broken.url(path: "/hooks/broken"))]
                configuration.callerRecipients = ["company": "caller-gateway", "citizen": "caller-gateway", "representative": "broken-gateway"]
                configuration.retrySchedule = ["100ms", "100ms"]
                configuration.actionLinks = true
                configuration.roster = Self.roster

                try await TestDaemon.withDaemon(configuration, logger: capture.logger(level: .trace), clockStartingAt: start) { daemon in
                    try await Self.driveTheWholeFlow(daemon, sink: sink, broken: broken)
                }
            }
        }

        let log = capture.text
        let lowercased = log.lowercased()
        #expect(capture.captured.count > 50, "the daemon logged too little for the test to mean anything")
        for text in Self.personalTexts {
            #expect(!lowercased.contains(text.lowercased()), "the log holds \"\(text)\":\n\(Self.lines(of: log, containing: text))")
        }
        for digits in Self.digitRuns {
            let pattern = digits.map(String.init).joined(separator: "[\\s\\-().+/]*")
            let regex = try Regex(pattern)
            let offending = capture.captured.filter { $0.contains(regex) }
            #expect(offending.isEmpty, "the log holds the number \(digits) in some formatting:\n\(offending.prefix(5).joined())")
        }

        // And it is not silent: every event of the flow is there, as key=value metadata.
        func expectLine(_ message: String, _ keys: [String]) {
            let matching = capture.captured.filter { $0.contains(message) }
            #expect(matching.contains { line in keys.allSatisfy { line.contains($0) } }, "no line \"\(message)\" with \(keys)")
        }
        expectLine("Case registered.", ["case=case_", "actor=intake:test-intake", "outcome=created"])
        expectLine("Intake replayed; answering with the case it made.", ["case=case_", "outcome=replayed"])
        expectLine("Intake refused.", ["status=422", "outcome=rejected", "fields=", "other"])
        expectLine("Intake refused.", ["status=400", "outcome=rejected", "fields=caller.name"])
        expectLine("Case offered.", ["case=case_", "task=task_", "mentor="])
        expectLine("Task action applied.", ["action=decline", "task=task_", "case=case_"])
        expectLine("Task action applied.", ["action=handoff"])
        expectLine("Task action applied.", ["action=resolve"])
        expectLine("Task action applied.", ["action=reopen"])
        expectLine("Task handed over.", ["task=task_"])
        expectLine("Message delivered.", ["message=msg_", "endpoint=caller-gateway", "duration_ms=", "outcome=delivered", "case=case_", "status=200"])
        expectLine("Message delivered.", ["endpoint=mentor-gateway", "event=task.offered"])
        expectLine("Delivery failed; will retry.", ["message=msg_", "endpoint=broken-gateway", "status=500", "duration_ms=", "outcome=retry", "error=\"HTTP 500\""])
        expectLine("Delivery failed for the last time; message is dead.", ["endpoint=broken-gateway", "outcome=dead", "attempt=3"])
        expectLine("Message delivered.", ["endpoint=ops-alerts", "event=ops.message_dead"])
        expectLine("Intake refused.", ["status=422", "fields=Idempotency-Key"])
        expectLine("Schedule override added.", ["schedule=vagt", "override=ovr_", "actor=admin:test-admin"])
        expectLine("Contact person set.", ["subject_kind=citizen", "mentor=bo", "actor=admin:test-admin"])
        expectLine("Availability set.", ["mentor=carl", "status=away"])
        expectLine("API token created.", ["token=tok_", "kind=intake", "actor=admin:test-admin"])
        expectLine("Configuration reloaded.", ["generation=2"])
        expectLine("Configuration reload refused; keeping the running configuration.", ["generation=2", "errors="])
    }

    /// Intake, refusals, offers, a decline, an accept, an appointment, a handoff with a note, resolve,
    /// reopen, a representative's gateway failing until the message is dead, and two reloads.
    static func driveTheWholeFlow(_ daemon: TestDaemon, sink: WebhookSink, broken: WebhookSink) async throws {
        let admin = TestConfiguration.adminToken
        func token(_ mentor: String?) -> String { TestConfiguration.mentorToken(mentor ?? "") }

        let company = try #require(try await daemon.post("/v1/cases", json: companyCall, headers: ["Idempotency-Key": "opkald-0001"]).json["id"] as? String)
        #expect(try await daemon.post("/v1/cases", json: companyCall, headers: ["Idempotency-Key": "opkald-0001"]).json["id"] as? String == company)
        #expect(try await daemon.post("/v1/cases", json: citizenCall, headers: ["Idempotency-Key": "opkald-0001"]).status == 422)
        let invalid = try await daemon.post("/v1/cases", json: invalidCall)
        #expect(invalid.status == 422)
        let malformed = try await daemon.post("/v1/cases", json: malformedCall)
        #expect(malformed.status == 400)
        #expect(try await daemon.post("/v1/cases", json: companyCall, token: "Vibeke Thorsager 61728394").status == 401)

        // The company case: offered, declined with a reason full of personal data, offered again, accepted.
        let first = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.data["case_id"] as? String == company }
        let firstTask = try #require(first.data["task_id"] as? String)
        let declined = try await daemon.post(
            "/v1/tasks/\(firstTask)/decline", json: #"{"reason": "Vibeke Thorsager er min nabo; ring hende privat på 61 72 83 94."}"#,
            token: token(first.recipientID)
        )
        #expect(declined.status == 200)
        let second = try await waitForWebhook(sink) {
            $0.type == "task.offered" && $0.data["case_id"] as? String == company && $0.data["task_id"] as? String != firstTask
        }
        let secondTask = try #require(second.data["task_id"] as? String)
        let owner = try #require(second.recipientID)
        #expect(try await daemon.post("/v1/tasks/\(secondTask)/accept", json: "", token: token(owner)).status == 200)
        let appointment = try await daemon.post(
            "/v1/tasks/\(secondTask)/appointment", json: #"{"at": "2026-11-26T10:30", "place": "Hos Vibeke Thorsager, Jyllandsgade 7, tlf. 61728394"}"#,
            token: token(owner)
        )
        #expect(appointment.status == 200)

        // Handed over with a note, resolved with an outcome, reopened with a reason.
        let receiver = owner == "carl" ? "anna" : "carl"
        let handed = try await daemon.post(
            "/v1/tasks/\(secondTask)/handoff",
            json: #"{"to": "\#(receiver)", "note": "Mads Østergaard har lungebetændelse; hans CPR er 0101901234. Sms til 22 33 44 55.", "contact_person": true}"#,
            token: token(owner)
        )
        #expect(handed.status == 200)
        let handover = try await waitForWebhook(sink) { $0.type == "task.handed_over" && $0.data["case_id"] as? String == company }
        let handedTask = try #require(handover.data["task_id"] as? String)
        #expect(try await daemon.post(
            "/v1/tasks/\(handedTask)/resolve", json: #"{"outcome": "Talt med Vibeke Thorsager og Mads Østergaard (tlf. +45 22-33-44-55)."}"#,
            token: token(receiver)
        ).status == 200)
        #expect(try await daemon.post(
            "/v1/tasks/\(handedTask)/reopen", json: #"{"reason": "Vibeke Thorsager ringede igen fra 61 72 83 94; Mads er sygemeldt med stress."}"#,
            token: admin
        ).status == 200)

        // The citizen's case: every message to the citizen goes to the representative, whose gateway fails.
        let citizen = try await daemon.registerCase(citizenCall)
        let offer = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.data["case_id"] as? String == citizen }
        #expect(try await daemon.post("/v1/tasks/\(try #require(offer.data["task_id"] as? String))/accept", json: "", token: token(offer.recipientID)).status == 200)
        _ = try await broken.waitForRequests(count: 3, timeout: .seconds(10))
        _ = try await waitForWebhook(sink) { $0.type == "ops.message_dead" && $0.data["case_id"] as? String == citizen }
        _ = try await daemon.waitForCase(citizen) { details in
            (details["messages"] as? [[String: Any]] ?? []).contains { $0["state"] as? String == "dead" }
        }
        // The company's receipt reached its gateway.
        _ = try await waitForWebhook(sink) { $0.path == "/hooks/caller" && $0.data["case_id"] as? String == company }

        // Coordinators' changes: an override whose note names people, a contact person, availability, a token.
        let override = try await daemon.post(
            "/v1/schedules/vagt/overrides",
            json: #"{"mentor": "bo", "start": "2026-11-30T08:00", "end": "2026-12-01T08:00", "note": "Bytter med Birthe (70 80 90 12)"}"#, token: admin
        )
        #expect(override.status == 201)
        #expect(try await daemon.request(
            "PUT", "/v1/contact-persons/citizen/borger-8841", token: admin, body: Data(#"{"mentor": "bo"}"#.utf8)
        ).status == 200)
        #expect(try await daemon.request(
            "PUT", "/v1/mentors/carl/availability", token: token("carl"), body: Data(#"{"status": "away"}"#.utf8)
        ).status == 200)
        #expect(try await daemon.post("/v1/tokens", json: #"{"kind": "intake", "name": "telefonsystem"}"#, token: admin).status == 201)
        let badKey = try await daemon.post("/v1/cases", json: companyCall, headers: ["Idempotency-Key": "Vibeke Thorsager 61728394"])
        #expect(badKey.status == 422)

        // A reload as SIGHUP would, then one refused because the file no longer parses.
        #expect(await daemon.handle.reload())
        let file = daemon.configurationDirectory.appendingPathComponent("mentorline.yaml")
        let original = try Data(contentsOf: file)
        try Data("server: [".utf8).write(to: file)
        #expect(!(await daemon.handle.reload()))
        try original.write(to: file)

        // The audit log and case view still hold what was said: the data went where it belongs.
        let details = try await daemon.get("/v1/cases/\(company)", token: admin).text
        #expect(details.contains("Vibeke Thorsager"))
    }

    /// A volunteer's booking feed is fetched with the token in its address (`?token=`), the one place a
    /// token travels in a URL: neither that token, nor a wrong one, nor the citizen's name reaches the log,
    /// even at trace level, while the volunteer's actions are logged by id.
    @Test func aTokenInAFeedsAddressNeverReachesTheLog() async throws {
        let capture = LogCapture()
        let volunteerToken = TestConfiguration.volunteerToken("lise")
        let wrongToken = "ml_Vibeke-Thorsager-61728394-wrong"
        try await WebhookSink.withSink { sink in
            let clock = TestClock(startingAt: CafeTests.copenhagen("2026-12-01T09:00:00+01:00"))
            try await TestDaemon.withDaemon(CafeTests.configuration(sink), logger: capture.logger(level: .trace), clock: clock) { daemon in
                let caseID = try await daemon.registerCase(CafeTests.debtCall("borger-log"))
                let details = try await daemon.waitForCase(caseID) { $0["state"] as? String == "booked" }
                let bookingID = try #require(CafeTests.booking(details)?["id"] as? String)
                let feed = "/v1/volunteers/lise/bookings.ics"
                #expect(try await daemon.get("\(feed)?token=\(volunteerToken)", token: nil).status == 200)
                #expect(try await daemon.get("\(feed)?token=\(wrongToken)", token: nil).status == 401)
                #expect(try await daemon.get("\(feed)?token=\(TestConfiguration.volunteerToken("karen"))", token: nil).status == 403)
                daemon.advanceClock(by: 4 * 3600 + 20 * 60)
                #expect(try await daemon.post("/v1/bookings/\(bookingID)/attended", json: "", token: volunteerToken).status == 200)
            }
        }
        let log = capture.text
        #expect(capture.captured.count > 10, "the daemon logged too little for the test to mean anything")
        for secret in [volunteerToken, wrongToken, "Vibeke", TestConfiguration.volunteerToken("karen"), "Mikkel", "token="] {
            #expect(!log.contains(secret), "the log holds \"\(secret)\":\n\(Self.lines(of: log, containing: secret))")
        }
        #expect(capture.captured.contains { $0.contains("Café booking changed.") && $0.contains("actor=volunteer:lise") && $0.contains("booking=bkg_") })
    }

    /// The lines of `log` holding `text`, for a failure message.
    static func lines(of log: String, containing text: String) -> String {
        log.split(separator: "\n").filter { $0.lowercased().contains(text.lowercased()) }.prefix(5).joined(separator: "\n")
    }
}
