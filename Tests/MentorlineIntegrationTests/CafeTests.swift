import Foundation
import MentorlineTesting
import Testing

/// The advice café in the running daemon with a real sink: routing into slots, the booking race,
/// cancellation, closures, the letter policy on confirmations, and the calendar feeds.
@Suite(.serialized)
struct CafeTests {
    static let roster = """
        topics:
          - {id: placement, label: praktik}
          - {id: debt, label: gæld}
          - {id: other, label: andet}
        mentors:
          - {id: anna, name: Anna Holm, topics: [placement, debt], languages: [da, en, uk], capacity: 20}
          - {id: bo, name: Bo Lind, topics: [placement], languages: [da], capacity: 5}
          - {id: carl, name: Carl Berg, topics: [placement], languages: [da], capacity: 5}
        teams:
          - {id: everyone, name: Alle, members: [anna, bo, carl]}
        escalation_policies:
          - id: standard
            levels:
              - targets: [{team: everyone}]
                ack_timeout: 10m
        routes:
          - id: cafe
            match: {caller_kinds: [citizen], topics: [debt], urgency: [routine]}
            cafe: huset
            policy: standard
          - id: everything
            policy: standard
        """

    /// Tuesdays 13:00–14:00 (two slots) with Lise; Thursdays 10:00–11:00 with nobody but sign-ups.
    static let cafe = """
        cafes:
          - id: huset
            name: Rådgivningscaféen i Borgerhuset
            address: Smedelundsgade 16, 4300 Holbæk
            sessions:
              - {day: tue, from: "13:00", to: "14:00"}
              - {day: thu, from: "10:00", to: "11:00"}
            slot_length: 30m
            minimum_notice: 2h
            horizon: 21d
        volunteers:
          - {id: lise, name: Lise Andersen, organisation: Røde Kors, cafe: huset, topics: [debt], languages: [da], weekdays: [tue], address: "sms:+4520110011"}
          - {id: karen, name: Karen Munk, organisation: Den Sociale Retshjælp, cafe: huset, topics: [debt], languages: [da]}
        talks:
          - {id: mitid, cafe: huset, title: "Sådan bruger du MitID", date: 2026-12-03, from: "10:00", to: "10:45", seats: 15}
          - {id: skat, cafe: huset, title: "Forskudsopgørelsen", date: 2026-12-01, from: "13:00", to: "13:30", seats: 1}
        """

    static func configuration(_ sink: WebhookSink) -> TestConfiguration {
        var configuration = TestConfiguration(mentorEndpointURL: sink.url(path: "/hooks/mentor"), opsEndpointURL: sink.url(path: "/hooks/ops"))
        configuration.extraEndpoints = [("caller-gateway", sink.url(path: "/hooks/caller")), ("volunteer-gateway", sink.url(path: "/hooks/volunteer"))]
        configuration.callerRecipients = ["citizen": "caller-gateway", "representative": "caller-gateway", "volunteer": "volunteer-gateway"]
        configuration.roster = roster
        configuration.cafe = cafe
        configuration.volunteerIDs = ["lise", "karen"]
        return configuration
    }

    static func copenhagen(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func debtCall(_ reference: String, urgency: String = "routine", language: String = "da", preferences: String? = nil) -> String {
        """
        {"caller": {"kind": "citizen", "name": "Mikkel Jensen", "phone": "+45 22 33 44 55"}, "citizen_reference": "\(reference)",
         "topics": ["debt"], "urgency": "\(urgency)", "language": "\(language)"\(preferences.map { #", "preferences": \#($0)"# } ?? "")}
        """
    }

    static func history(_ details: [String: Any], _ event: String) -> [[String: Any]] {
        (details["history"] as? [[String: Any]] ?? []).filter { $0["event"] as? String == event }
    }

    static func messages(_ details: [String: Any], _ type: String) -> [[String: Any]] {
        (details["messages"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == type }
    }

    static func booking(_ details: [String: Any]) -> [String: Any]? { (details["bookings"] as? [[String: Any]])?.first }

    func withCafe<Result: Sendable>(at start: String, _ body: (WebhookSink, TestDaemon) async throws -> Result) async throws -> Result {
        try await WebhookSink.withSink { sink in
            try await TestDaemon.withDaemon(Self.configuration(sink), clockStartingAt: Self.copenhagen(start)) { daemon in try await body(sink, daemon) }
        }
    }

    @Test func aRoutineDebtCallIsBookedIntoTheEarliestSlotAndBothSidesAreTold() async throws {
        // Tuesday 1 December 2026, 09:00: the 13:00 slot is the first after two hours' notice.
        try await withCafe(at: "2026-12-01T09:00:00+01:00") { sink, daemon in
            let caseID = try await daemon.registerCase(Self.debtCall("borger-1", preferences: #"{"weekdays": ["tue"]}"#))
            let details = try await daemon.waitForCase(caseID) { $0["state"] as? String == "booked" }
            let booking = try #require(Self.booking(details))
            #expect(booking["start"] as? String == "2026-12-01T12:00:00Z")
            #expect(booking["volunteer"] as? String == "lise")
            #expect(Self.history(details, "cafe_booked").first?["reason"] as? String
                == "booked at Rådgivningscaféen i Borgerhuset 2026-12-01 13:00 with Lise Andersen (Røde Kors)")
            #expect((details["preferences"] as? [String: Any])?["weekdays"] as? [String] == ["tue"])

            let confirmation = try await waitForWebhook(sink) { $0.type == "cafe.booked" }
            #expect(confirmation.path == "/hooks/caller")
            #expect((confirmation.data["text"] as? String)?.hasPrefix("Du har fået en tid i Rådgivningscaféen i Borgerhuset, Smedelundsgade 16, 4300 Holbæk, tirsdag den 1. december kl. 13:00 hos Lise Andersen fra Røde Kors om gæld.") == true)
            let notice = try await waitForWebhook(sink) { $0.type == "volunteer.booking" }
            #expect(notice.path == "/hooks/volunteer")
            #expect(notice.recipientID == "lise")
            #expect(notice.data["address"] as? String == "sms:+4520110011")
            // The volunteer gets the case reference, not the citizen's name.
            #expect(!String(decoding: notice.body, as: UTF8.self).contains("Mikkel Jensen"))
            // (Not verifySignature: its tolerance is checked against the real clock, and this daemon's runs ahead.)
            #expect(notice.header("webhook-signature")?.hasPrefix("v1,") == true)

            // The slot grid: booked at 13:00, free at 13:30; only admins see whose booking it is.
            let intake = try await daemon.get("/v1/cafes/huset/slots?from=2026-12-01&to=2026-12-02")
            let slots = intake.json["slots"] as? [[String: Any]] ?? []
            #expect(slots.map { $0["time"] as? String } == ["13:00", "13:30"])
            let first = (slots.first?["volunteers"] as? [[String: Any]])?.first
            #expect(first?["status"] as? String == "booked" && first?["booking"] == nil && first?["case_id"] == nil)
            #expect(!intake.text.contains("Mikkel"))
            let admin = try await daemon.get("/v1/cafes/huset/slots?from=2026-12-01&to=2026-12-02", token: TestConfiguration.adminToken)
            let adminFirst = ((admin.json["slots"] as? [[String: Any]])?.first?["volunteers"] as? [[String: Any]])?.first
            #expect(adminFirst?["case_id"] as? String == caseID)
            #expect(((slots.last?["volunteers"] as? [[String: Any]])?.first)?["status"] as? String == "free")

            // Nobody at the café speaks Ukrainian: the route's policy takes the case, and the trail says why.
            let other = try await daemon.registerCase(Self.debtCall("borger-2", language: "uk"))
            let fallback = try await daemon.waitForCase(other) { $0["state"] as? String == "offered" }
            #expect(Self.history(fallback, "cafe_no_slot").first?["reason"] as? String
                == "no volunteer at Rådgivningscaféen i Borgerhuset advises on debt in uk; falling back to policy standard")
        }
    }

    @Test func manyConcurrentRequestsForTheLastSlotBookItExactlyOnce() async throws {
        try await withCafe(at: "2026-12-01T09:00:00+01:00") { _, daemon in
            // Cases that went to mentors (not routine), then booked into the café by staff, all for 13:30.
            var cases: [String] = []
            for index in 0..<12 { cases.append(try await daemon.registerCase(Self.debtCall("race-\(index)", urgency: "soon"))) }
            for id in cases { _ = try await daemon.waitForCase(id) { ["offered", "unroutable"].contains($0["state"] as? String) } }
            let statuses = try await withThrowingTaskGroup(of: (String, Int).self) { group in
                for id in cases {
                    group.addTask {
                        let result = try await daemon.post("/v1/cafes/huset/bookings", json: #"{"case_id": "\#(id)", "start": "2026-12-01T13:30"}"#)
                        return (id, result.status)
                    }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            #expect(statuses.values.filter { $0 == 201 }.count == 1)
            #expect(statuses.values.filter { $0 == 409 }.count == cases.count - 1)
            let winner = try #require(statuses.first { $0.value == 201 }?.key)
            let admin = try await daemon.get("/v1/cafes/huset/slots?from=2026-12-01T13:30&to=2026-12-01T14:00", token: TestConfiguration.adminToken)
            let cell = ((admin.json["slots"] as? [[String: Any]])?.first?["volunteers"] as? [[String: Any]])?.first
            #expect(cell?["case_id"] as? String == winner)
            // The losers are as they were.
            for id in cases where id != winner {
                #expect(Self.booking(try await daemon.get("/v1/cases/\(id)", token: TestConfiguration.adminToken).json) == nil)
            }
        }
    }

    @Test func cancellingFreesTheSlotAndTellsTheVolunteer() async throws {
        try await withCafe(at: "2026-12-01T09:00:00+01:00") { sink, daemon in
            let caseID = try await daemon.registerCase(Self.debtCall("borger-3"))
            let details = try await daemon.waitForCase(caseID) { $0["state"] as? String == "booked" }
            let bookingID = try #require(Self.booking(details)?["id"] as? String)
            _ = try await waitForWebhook(sink) { $0.type == "cafe.booked" }
            #expect(try await daemon.post("/v1/bookings/\(bookingID)/cancel", json: "", token: TestConfiguration.mentorToken("anna")).status == 403)
            let cancelled = try await daemon.post("/v1/bookings/\(bookingID)/cancel", json: #"{"reason": "kan ikke komme"}"#)
            #expect(cancelled.status == 200)
            #expect(cancelled.json["state"] as? String == "cancelled")
            #expect(try await daemon.post("/v1/bookings/\(bookingID)/cancel", json: "").status == 409)
            let notice = try await waitForWebhook(sink) { $0.type == "volunteer.booking_cancelled" }
            #expect(notice.recipientID == "lise")
            let letter = try await waitForWebhook(sink) { $0.type == "cafe.cancelled" }
            #expect((letter.data["text"] as? String)?.contains("er aflyst, som du bad om") == true)
            let after = try await daemon.waitForCase(caseID) { $0["state"] as? String == "resolved" }
            #expect(Self.history(after, "booking_cancelled").first?["reason"] as? String == "kan ikke komme")

            // The slot is free again: the next call gets 13:00.
            let next = try await daemon.registerCase(Self.debtCall("borger-4"))
            let booked = try await daemon.waitForCase(next) { $0["state"] as? String == "booked" }
            #expect(Self.booking(booked)?["start"] as? String == "2026-12-01T12:00:00Z")
        }
    }

    @Test func aConfirmationDueOnFridayAfternoonIsHeldUntilMondayAndItsReminderTimed() async throws {
        // Friday 4 December 2026, 13:00: the weekend's quiet period has begun.
        try await withCafe(at: "2026-12-04T13:00:00+01:00") { sink, daemon in
            let caseID = try await daemon.registerCase(Self.debtCall("borger-5"))
            let details = try await daemon.waitForCase(caseID) { !Self.messages($0, "cafe.reminder").isEmpty }
            #expect(Self.booking(details)?["start"] as? String == "2026-12-08T12:00:00Z")
            let held = try #require(Self.messages(details, "cafe.booked").first)
            #expect(held["state"] as? String == "pending")
            #expect(held["held_reason"] as? String == "quiet_period")
            #expect(held["not_before"] as? String == "2026-12-07T07:00:00Z")
            // The slot's date, never "i morgen": the letter is read on another day than it was written.
            #expect((held["text"] as? String)?.contains("tirsdag den 8. december kl. 13:00") == true)
            // The reminder: 24 hours before, Monday 13:00, which the policy allows.
            let reminder = try #require(Self.messages(details, "cafe.reminder").first)
            #expect(reminder["not_before"] as? String == "2026-12-07T12:00:00Z")
            // The volunteer is told at once: volunteers are not under the letter policy.
            _ = try await waitForWebhook(sink) { $0.type == "volunteer.booking" }
            try await Task.sleep(for: .milliseconds(300))
            #expect(!sink.receivedRequests.contains { $0.type == "cafe.booked" })
        }
    }

    @Test func aClosureAddedAtRuntimeMovesTheBookingWithAMessage() async throws {
        try await withCafe(at: "2026-12-01T09:00:00+01:00") { sink, daemon in
            let caseID = try await daemon.registerCase(Self.debtCall("borger-6"))
            let details = try await daemon.waitForCase(caseID) { $0["state"] as? String == "booked" }
            let bookingID = try #require(Self.booking(details)?["id"] as? String)
            _ = try await waitForWebhook(sink) { $0.type == "cafe.booked" }
            #expect(try await daemon.post("/v1/cafes/huset/closures", json: #"{"date": "2026-12-01", "reason": "vandskade"}"#).status == 403)
            let closed = try await daemon.post(
                "/v1/cafes/huset/closures", json: #"{"date": "2026-12-01", "reason": "vandskade"}"#, token: TestConfiguration.adminToken
            )
            #expect(closed.status == 201)
            #expect((closed.json["moved"] as? [[String: Any]])?.map { $0["id"] as? String } == [bookingID])
            let moved = try await daemon.waitForCase(caseID) { !Self.history($0, "booking_moved").isEmpty }
            #expect(Self.booking(moved)?["start"] as? String == "2026-12-08T12:00:00Z")
            #expect(Self.history(moved, "booking_moved").first?["reason"] as? String
                == "Rådgivningscaféen i Borgerhuset is closed on 2026-12-01: vandskade: moved from 2026-12-01 13:00 to 2026-12-08 13:00 with Lise Andersen (Røde Kors)")
            let letter = try await waitForWebhook(sink) { $0.type == "cafe.moved" }
            #expect((letter.data["text"] as? String)?.hasPrefix("Din tid i Rådgivningscaféen i Borgerhuset er flyttet. Din nye tid er tirsdag den 8. december kl. 13:00") == true)
            let notice = try await waitForWebhook(sink) { $0.type == "volunteer.booking" && ($0.data["moved"] as? Bool) == true }
            #expect(notice.recipientID == "lise")
            let slots = try await daemon.get("/v1/cafes/huset/slots?from=2026-12-01&to=2026-12-02")
            #expect((slots.json["slots"] as? [[String: Any]])?.isEmpty == true)
            #expect((slots.json["closed"] as? [[String: Any]])?.first?["reason"] as? String == "closed: vandskade")
            let audit = try await daemon.get("/v1/audit", token: TestConfiguration.adminToken)
            #expect((audit.json["entries"] as? [[String: Any]])?.first?["action"] as? String == "cafe.closure.add")
        }
    }

    @Test func signUpsAddAVolunteersSessionAndReschedulingMovesToIt() async throws {
        try await withCafe(at: "2026-12-01T09:00:00+01:00") { sink, daemon in
            let caseID = try await daemon.registerCase(Self.debtCall("borger-7"))
            let details = try await daemon.waitForCase(caseID) { $0["state"] as? String == "booked" }
            let bookingID = try #require(Self.booking(details)?["id"] as? String)
            let admin = TestConfiguration.adminToken
            // Karen signs up for Thursday 3 December; the booking moves to her 10:00.
            #expect(try await daemon.post("/v1/volunteers/karen/signups", json: #"{"date": "2026-12-02"}"#, token: admin).status == 422)
            #expect(try await daemon.post("/v1/volunteers/karen/signups", json: #"{"date": "2026-12-03"}"#, token: admin).status == 201)
            #expect(try await daemon.post("/v1/volunteers/karen/signups", json: #"{"date": "2026-12-03"}"#, token: admin).status == 200)
            let listed = try await daemon.get("/v1/volunteers/karen/signups")
            #expect(listed.json["signups"] as? [String] == ["2026-12-03"])
            let moved = try await daemon.post("/v1/bookings/\(bookingID)/reschedule", json: #"{"start": "2026-12-03T10:00"}"#)
            #expect(moved.status == 200)
            #expect(moved.json["volunteer"] as? String == "karen")
            #expect(moved.json["start"] as? String == "2026-12-03T09:00:00Z")
            _ = try await waitForWebhook(sink) { $0.type == "volunteer.booking_cancelled" && $0.recipientID == "lise" }
            _ = try await waitForWebhook(sink) { $0.type == "volunteer.booking" && $0.recipientID == "karen" }
            // Her sign-up cannot be withdrawn while the booking holds her slot.
            #expect(try await daemon.delete("/v1/volunteers/karen/signups/2026-12-03", token: admin).status == 409)
            // Too early to mark attendance.
            #expect(try await daemon.post("/v1/bookings/\(bookingID)/attended", json: "", token: admin).status == 409)
        }
    }

    @Test func theCalendarFeedsParseBackInAStandardParser() async throws {
        try await withCafe(at: "2026-12-01T09:00:00+01:00") { _, daemon in
            let caseID = try await daemon.registerCase(Self.debtCall("borger-8"))
            _ = try await daemon.waitForCase(caseID) { $0["state"] as? String == "booked" }

            let feed = try await daemon.get("/v1/cafes/huset.ics", token: nil)
            #expect(feed.status == 200)
            #expect(feed.header("Content-Type")?.hasPrefix("text/calendar") == true)
            let events = try ICalendarParser.events(in: feed.text)
            // Tuesdays from 24 November to 26 January, the talk on Thursday 3 December.
            let talk = try #require(events.first { $0.summary == "Oplæg: Sådan bruger du MitID" })
            #expect(talk.start == "2026-12-03T09:00:00Z" && talk.end == "2026-12-03T09:45:00Z")
            let sessions = events.filter { $0.summary == "Rådgivningscaféen i Borgerhuset: åben rådgivning" }
            #expect(sessions.contains { $0.start == "2026-12-01T12:00:00Z" && $0.end == "2026-12-01T13:00:00Z" })
            #expect(Set(events.map(\.uid)).count == events.count)

            // The volunteer's own feed takes their token, in the address as calendar applications send it.
            let volunteer = try await daemon.get("/v1/volunteers/lise/bookings.ics?token=\(TestConfiguration.volunteerToken("lise"))", token: nil)
            let bookings = try ICalendarParser.events(in: volunteer.text)
            #expect(bookings.count == 1)
            #expect(bookings.first?.start == "2026-12-01T12:00:00Z")
            #expect(bookings.first?.summary == "Rådgivning (sag \(caseID))")
            #expect(!volunteer.text.contains("Mikkel"))
            #expect(try await daemon.get("/v1/volunteers/nobody/bookings.ics", token: TestConfiguration.adminToken).status == 404)
            #expect(try await daemon.get("/v1/cafes/nope.ics", token: nil).status == 404)
        }
    }

    @Test func aFullTalkKeepsAWaitingListThatMovesUpOnCancellation() async throws {
        try await withCafe(at: "2026-12-01T09:00:00+01:00") { sink, daemon in
            let first = try await daemon.registerCase(Self.debtCall("talk-1", urgency: "soon"))
            let second = try await daemon.registerCase(Self.debtCall("talk-2", urgency: "soon"))
            let seated = try await daemon.post("/v1/talks/skat/registrations", json: #"{"case_id": "\#(first)"}"#)
            #expect(seated.status == 201)
            #expect(seated.json["state"] as? String == "seated")
            let waiting = try await daemon.post("/v1/talks/skat/registrations", json: #"{"case_id": "\#(second)"}"#)
            #expect(waiting.json["state"] as? String == "waiting")
            #expect(try await daemon.post("/v1/talks/skat/registrations", json: #"{"case_id": "\#(second)"}"#).status == 409)
            let notice = try await waitForWebhook(sink) { $0.type == "talk.registered" && ($0.data["text"] as? String)?.contains("ventelisten") == true }
            #expect((notice.data["text"] as? String)?.hasPrefix("\"Forskudsopgørelsen\" i Rådgivningscaféen i Borgerhuset tirsdag den 1. december kl. 13:00 er fuldt booket. Du er nummer 1 på ventelisten") == true)
            let listed = try await daemon.get("/v1/talks")
            let skat = (listed.json["talks"] as? [[String: Any]])?.first { $0["id"] as? String == "skat" }
            #expect(skat?["seated"] as? Int == 1 && skat?["waiting"] as? Int == 1)

            // The seated citizen cancels: the one waiting moves up and is told.
            let registrationID = try #require(seated.json["id"] as? String)
            #expect(try await daemon.post("/v1/talk-registrations/\(registrationID)/cancel", json: "").json["state"] as? String == "cancelled")
            let seat = try await waitForWebhook(sink) { $0.type == "talk.seat" }
            #expect((seat.data["text"] as? String)?.hasPrefix("Der er blevet en plads til dig til oplægget \"Forskudsopgørelsen\"") == true)
            let moved = try await daemon.waitForCase(second) { !Self.history($0, "talk_moved_up").isEmpty }
            #expect(Self.history(moved, "talk_moved_up").first?["talk"] as? String == "skat")
            let after = try await daemon.get("/v1/talks")
            let again = (after.json["talks"] as? [[String: Any]])?.first { $0["id"] as? String == "skat" }
            #expect(again?["seated"] as? Int == 1 && again?["waiting"] as? Int == 0)
        }
    }
}
