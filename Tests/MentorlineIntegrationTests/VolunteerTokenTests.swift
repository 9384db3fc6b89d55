import Foundation
import MentorlineDaemon
import MentorlineTesting
import Testing

/// Volunteer tokens in the running daemon: a café volunteer marks their own bookings, keeps their own
/// sign-ups, reads their own booking feed (by `?token=`, as calendar applications send it), and reaches
/// nothing outside the café. The café and volunteers are ``CafeTests``'; Lise staffs Tuesdays.
@Suite(.serialized)
struct VolunteerTokenTests {
    static let lise = TestConfiguration.volunteerToken("lise")
    static let karen = TestConfiguration.volunteerToken("karen")
    static let admin = TestConfiguration.adminToken
    static let feed = "/v1/volunteers/lise/bookings.ics"

    /// The café tests' daemon on a clock the test can move, from Tuesday 1 December 2026, 09:00.
    func withCafe<Result: Sendable>(
        _ configure: (inout TestConfiguration) -> Void = { _ in }, _ body: (WebhookSink, TestDaemon) async throws -> Result
    ) async throws -> Result {
        try await WebhookSink.withSink { sink in
            var configuration = CafeTests.configuration(sink)
            configure(&configuration)
            let clock = TestClock(startingAt: CafeTests.copenhagen("2026-12-01T09:00:00+01:00"))
            return try await TestDaemon.withDaemon(configuration, clock: clock) { daemon in try await body(sink, daemon) }
        }
    }

    /// Registers a routine debt call, which is booked with Lise, and returns the case and booking ids.
    static func book(_ daemon: TestDaemon, _ reference: String) async throws -> (caseID: String, bookingID: String) {
        let caseID = try await daemon.registerCase(CafeTests.debtCall(reference))
        let details = try await daemon.waitForCase(caseID) { $0["state"] as? String == "booked" }
        let booking = try #require(CafeTests.booking(details))
        #expect(booking["volunteer"] as? String == "lise")
        return (caseID, try #require(booking["id"] as? String))
    }

    @Test func aVolunteerMarksTheirOwnBookingsAndNoOneElses() async throws {
        try await withCafe { _, daemon in
            let first = try await Self.book(daemon, "borger-v1")
            let second = try await Self.book(daemon, "borger-v2")

            // Lise sees her booking; Karen, a mentor and no token do not.
            let seen = try await daemon.get("/v1/bookings/\(first.bookingID)", token: Self.lise)
            #expect(seen.status == 200)
            #expect(seen.json["case_id"] as? String == first.caseID)
            #expect(try await daemon.get("/v1/bookings/\(first.bookingID)", token: Self.karen).status == 403)
            #expect(try await daemon.get("/v1/bookings/\(first.bookingID)", token: TestConfiguration.mentorToken("anna")).status == 403)
            #expect(try await daemon.get("/v1/bookings/\(first.bookingID)", token: nil).status == 401)

            // 13:40: both slots (13:00 and 13:30) have begun.
            daemon.advanceClock(by: 4 * 3600 + 40 * 60)
            let byKaren = try await daemon.post("/v1/bookings/\(first.bookingID)/attended", json: "", token: Self.karen)
            #expect(byKaren.status == 403)
            #expect(byKaren.header("Content-Type") == "application/problem+json")
            #expect(byKaren.json["detail"] as? String == "booking \(first.bookingID) is another volunteer's")
            #expect(try await daemon.post("/v1/bookings/\(first.bookingID)/no_show", json: "", token: Self.karen).status == 403)
            #expect(try await daemon.post("/v1/bookings/\(first.bookingID)/attended", json: "").status == 403)
            #expect(try await daemon.post("/v1/bookings/\(first.bookingID)/attended", json: "", token: TestConfiguration.mentorToken("anna")).status == 403)

            let marked = try await daemon.post("/v1/bookings/\(first.bookingID)/attended", json: #"{"note": "godt møde"}"#, token: Self.lise)
            #expect(marked.status == 200)
            #expect(marked.json["state"] as? String == "attended")
            #expect(marked.json["updated_by"] as? String == "volunteer:lise")
            let after = try await daemon.waitForCase(first.caseID) { $0["state"] as? String == "resolved" }
            #expect(CafeTests.history(after, "booking_attended").first?["actor"] as? String == "volunteer:lise")
            // Once only.
            #expect(try await daemon.post("/v1/bookings/\(first.bookingID)/no_show", json: "", token: Self.lise).status == 409)

            // A coordinator still marks any booking.
            let noShow = try await daemon.post("/v1/bookings/\(second.bookingID)/no_show", json: "", token: Self.admin)
            #expect(noShow.status == 200)
            #expect(noShow.json["updated_by"] as? String == "admin:test-admin")
        }
    }

    @Test func aVolunteerKeepsTheirOwnSignUps() async throws {
        try await withCafe { _, daemon in
            let path = "/v1/volunteers/karen/signups"
            #expect(try await daemon.post(path, json: #"{"date": "2026-12-03"}"#, token: Self.lise).status == 403)
            #expect(try await daemon.post(path, json: #"{"date": "2026-12-03"}"#).status == 403)
            #expect(try await daemon.post(path, json: #"{"date": "2026-12-03"}"#, token: Self.karen).status == 201)
            #expect(try await daemon.post(path, json: #"{"date": "2026-12-10"}"#, token: Self.admin).status == 201)

            #expect(try await daemon.get(path, token: Self.karen).json["signups"] as? [String] == ["2026-12-03", "2026-12-10"])
            #expect(try await daemon.get(path, token: Self.lise).status == 403)
            // Other tokens read sign-ups as before.
            #expect(try await daemon.get(path).status == 200)

            #expect(try await daemon.delete("\(path)/2026-12-03", token: Self.lise).status == 403)
            #expect(try await daemon.delete("\(path)/2026-12-03", token: Self.karen).status == 204)
            #expect(try await daemon.get(path, token: Self.karen).json["signups"] as? [String] == ["2026-12-10"])

            let audit = try await daemon.get("/v1/audit", token: Self.admin).json["entries"] as? [[String: Any]] ?? []
            let entries = audit.filter { ($0["action"] as? String)?.hasPrefix("cafe.signup.") == true }
                .map { "\($0["action"] as? String ?? "") \($0["actor"] as? String ?? "")" }
            #expect(Set(entries) == ["cafe.signup.add volunteer:karen", "cafe.signup.add admin:test-admin", "cafe.signup.remove volunteer:karen"])
        }
    }

    @Test func aVolunteerTokenReachesTheCafeOnly() async throws {
        try await withCafe { _, daemon in
            let booked = try await Self.book(daemon, "borger-v3")
            for path in ["/v1/cafes", "/v1/talks", "/v1/volunteers", "/v1/cafes/huset/slots", "/v1/cafes/huset/closures"] {
                #expect(try await daemon.get(path, token: Self.lise).status == 200, "\(path)")
            }
            // No booking or case ids in the grid for a volunteer, as for intake.
            #expect(!(try await daemon.get("/v1/cafes/huset/slots?from=2026-12-01&to=2026-12-02", token: Self.lise).text.contains(booked.caseID)))
            for path in ["/v1/cases/\(booked.caseID)", "/v1/mentors", "/v1/schedules", "/v1/letter-policy/next", "/v1/tokens", "/v1/audit", "/v1/status"] {
                #expect(try await daemon.get(path, token: Self.lise).status == 403, "\(path)")
            }
            #expect(try await daemon.post("/v1/cases", json: CafeTests.debtCall("borger-v4"), token: Self.lise).status == 403)
            #expect(try await daemon.post("/v1/bookings/\(booked.bookingID)/cancel", json: "", token: Self.lise).status == 403)
            #expect(try await daemon.post("/v1/bookings/\(booked.bookingID)/reschedule", json: "", token: Self.lise).status == 403)
            #expect(try await daemon.post("/v1/tokens", json: #"{"kind": "volunteer", "name": "x", "volunteer": "lise"}"#, token: Self.lise).status == 403)
        }
    }

    @Test func theBookingFeedTakesTheVolunteersOwnTokenInItsAddressOrHeader() async throws {
        try await withCafe { _, daemon in
            let booked = try await Self.book(daemon, "borger-v5")

            let anonymous = try await daemon.get(Self.feed, token: nil)
            #expect(anonymous.status == 401)
            #expect(anonymous.header("Content-Type") == "application/problem+json")
            #expect(anonymous.header("WWW-Authenticate") == "Bearer realm=\"mentorline\"")
            #expect(!anonymous.text.contains("BEGIN:VCALENDAR"))
            #expect(try await daemon.get("\(Self.feed)?token=", token: nil).status == 401)
            #expect(try await daemon.get("\(Self.feed)?token=not-a-token-at-all", token: nil).status == 401)
            // Someone else's token: another volunteer's, intake's.
            #expect(try await daemon.get("\(Self.feed)?token=\(Self.karen)", token: nil).status == 403)
            #expect(try await daemon.get(Self.feed, token: Self.karen).status == 403)
            #expect(try await daemon.get(Self.feed).status == 403)
            // Without a token nobody learns which volunteers exist.
            #expect(try await daemon.get("/v1/volunteers/nobody/bookings.ics", token: nil).status == 401)

            let own = try await daemon.get("\(Self.feed)?token=\(Self.lise)", token: nil)
            #expect(own.status == 200)
            #expect(own.header("Content-Type")?.hasPrefix("text/calendar") == true)
            #expect(own.header("Cache-Control") == "private, no-store")
            let events = try ICalendarParser.events(in: own.text)
            #expect(events.map(\.summary) == ["Rådgivning (sag \(booked.caseID))"])
            #expect(!own.text.contains("Mikkel"))
            // As a bearer token too, and for an admin.
            #expect(try await daemon.get(Self.feed, token: Self.lise).text == own.text)
            #expect(try await daemon.get(Self.feed, token: Self.admin).status == 200)
            // The café's own feed holds nothing personal and stays open.
            #expect(try await daemon.get("/v1/cafes/huset.ics", token: nil).status == 200)
        }
    }

    @Test func theFeedNamesTheCitizenOnlyWhereVolunteersSeeNames() async throws {
        try await withCafe({ $0.cafe = CafeTests.cafe + "\nvolunteers_see_names: true\n" }) { _, daemon in
            _ = try await Self.book(daemon, "borger-v6")
            let feed = try await daemon.get("\(Self.feed)?token=\(Self.lise)", token: nil)
            #expect(feed.status == 200)
            #expect(feed.text.contains("Mikkel Jensen"))
        }
    }

    @Test func aStoredVolunteerTokenActsForTheVolunteerUntilTheyLeaveCafeYaml() async throws {
        // Only Lise has a configured token, so Karen can be taken out of cafe.yaml by a reload.
        try await withCafe({ $0.volunteerIDs = ["lise"] }) { _, daemon in
            func create(_ json: String) async throws -> TestDaemon.HTTPResult { try await daemon.post("/v1/tokens", json: json, token: Self.admin) }
            let created = try await create(#"{"kind": "volunteer", "name": "karen-kalender", "volunteer": "karen"}"#)
            #expect(created.status == 201)
            #expect(created.json["kind"] as? String == "volunteer")
            #expect(created.json["volunteer"] as? String == "karen")
            let secret = try #require(created.json["secret"] as? String)

            func reasons(_ result: TestDaemon.HTTPResult) -> [String] {
                (result.json["invalid-params"] as? [[String: Any]] ?? []).map { "\($0["name"] as? String ?? ""): \($0["reason"] as? String ?? "")" }
            }
            #expect(reasons(try await create(#"{"kind": "volunteer", "name": "x"}"#))
                == ["volunteer: is required for a volunteer token: the id of the volunteer it acts for"])
            #expect(reasons(try await create(#"{"kind": "volunteer", "name": "x", "volunteer": "nobody"}"#)) == ["volunteer: is not a volunteer in cafe.yaml"])
            #expect(reasons(try await create(#"{"kind": "intake", "name": "x", "volunteer": "karen"}"#)) == ["volunteer: is only for volunteer tokens"])
            #expect(reasons(try await create(#"{"kind": "volunteer", "name": "x", "volunteer": "karen", "mentor": "anna"}"#))
                == ["mentor: is only for mentor tokens"])

            #expect(try await daemon.post("/v1/volunteers/karen/signups", json: #"{"date": "2026-12-03"}"#, token: secret).status == 201)
            let listed = try await daemon.get("/v1/tokens", token: Self.admin).json["tokens"] as? [[String: Any]] ?? []
            let configured = try #require(listed.first { $0["id"] as? String == "config:lise" })
            #expect(configured["kind"] as? String == "volunteer" && configured["volunteer"] as? String == "lise")
            #expect(listed.first { $0["name"] as? String == "karen-kalender" }?["volunteer"] as? String == "karen")

            // Karen leaves the café: her token grants nothing, with a problem that says why.
            let cafe = CafeTests.cafe.components(separatedBy: "\n").filter { !$0.contains("id: karen") }.joined(separator: "\n")
            try Data(cafe.utf8).write(to: daemon.configurationDirectory.appendingPathComponent("cafe.yaml"))
            #expect(await daemon.handle.reload())
            let refused = try await daemon.get("/v1/volunteers/lise/signups", token: secret)
            #expect(refused.status == 403)
            #expect(refused.json["detail"] as? String == "This token acts for volunteer karen, who is not in cafe.yaml (any more); it grants nothing.")
            #expect(try await daemon.get("/v1/volunteers/karen/bookings.ics?token=\(secret)", token: nil).status == 403)
            #expect(try await daemon.get("/v1/cafes", token: secret).status == 403)
            // Lise is named by a configured token: a cafe.yaml without her is refused, and her token keeps working.
            let withoutLise = cafe.components(separatedBy: "\n").filter { !$0.contains("id: lise") }.joined(separator: "\n")
            try Data(withoutLise.utf8).write(to: daemon.configurationDirectory.appendingPathComponent("cafe.yaml"))
            #expect(await daemon.handle.reload() == false)
            #expect(try await daemon.get(Self.feed, token: Self.lise).status == 200)
            #expect(try await daemon.get("/healthz", token: nil).status == 200)
        }
    }
}
