import Foundation
import MentorlineTesting
import Testing

/// On-call schedules over HTTP: who is on call, overrides made at runtime (audited), shift lists and
/// the iCalendar feeds calendar applications subscribe to.
@Suite struct ScheduleAPITests {
    static let roster = DepthRoster.yaml(schedules: DepthRoster.dailySchedule(["anna"]), levels: DepthRoster.level("{schedule: vagt}"))

    @Test func anOverrideMadeThroughTheAPIDecidesWhoIsOnCallAndIsAudited() async throws {
        try await withSinkAndDaemon(configure: { $0.roster = Self.roster }) { sink, daemon in
            let admin = TestConfiguration.adminToken
            let before = try await daemon.get("/v1/schedules/vagt/oncall", token: admin)
            #expect(before.status == 200)
            #expect((before.json["on_call"] as? [String: Any])?["mentor"] as? String == "anna")

            let now = Date()
            let body = #"{"mentor": "bo", "start": "\#(iso(now.addingTimeInterval(-60)))", "end": "\#(iso(now.addingTimeInterval(3600)))", "replacing": "anna", "note": "bytter vagt"}"#
            #expect(try await daemon.post("/v1/schedules/vagt/overrides", json: body, token: TestConfiguration.mentorToken("anna")).status == 403)
            let created = try await daemon.post("/v1/schedules/vagt/overrides", json: body, token: admin)
            #expect(created.status == 201)
            let overrideID = try #require(created.json["id"] as? String)

            let during = try await daemon.get("/v1/schedules/vagt/oncall", token: admin)
            let onCall = during.json["on_call"] as? [String: Any]
            #expect(onCall?["mentor"] as? String == "bo")
            #expect(onCall?["name"] as? String == "Bo Lind")
            #expect(onCall?["source"] as? String == "override")
            #expect(onCall?["override"] as? String == overrideID)

            // Routing sees the override at once.
            _ = try await daemon.registerCase()
            let offer = try await waitForWebhook(sink) { $0.type == "task.offered" }
            #expect(offer.recipientID == "bo")

            let listed = try await daemon.get("/v1/schedules/vagt/overrides", token: admin)
            #expect((listed.json["overrides"] as? [[String: Any]])?.map { $0["id"] as? String } == [overrideID])
            #expect(try await daemon.delete("/v1/schedules/vagt/overrides/\(overrideID)", token: admin).status == 204)
            #expect(try await daemon.delete("/v1/schedules/vagt/overrides/\(overrideID)", token: admin).status == 404)
            let after = try await daemon.get("/v1/schedules/vagt/oncall", token: admin)
            #expect((after.json["on_call"] as? [String: Any])?["mentor"] as? String == "anna")

            let audit = try await daemon.get("/v1/audit", token: admin)
            let entries = audit.json["entries"] as? [[String: Any]] ?? []
            #expect(entries.map { $0["action"] as? String } == ["override.remove", "override.add"])
            #expect(entries.allSatisfy { $0["actor"] as? String == "admin:test-admin" })
        }
    }

    @Test func overrideBodiesAreValidatedFieldByField() async throws {
        try await withSinkAndDaemon(configure: { $0.roster = Self.roster }) { _, daemon in
            let result = try await daemon.post(
                "/v1/schedules/vagt/overrides", json: #"{"mentor": "nobody", "start": "tomorrow", "end": "2026-11-23T08:00"}"#,
                token: TestConfiguration.adminToken
            )
            #expect(result.status == 422)
            let fields = (result.json["invalid-params"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(fields == ["mentor", "start"])
            #expect(try await daemon.post("/v1/schedules/nope/overrides", json: "{}", token: TestConfiguration.adminToken).status == 404)
        }
    }

    @Test func shiftsAndOnCallAnswerForAnyInstantInTheSchedulesZone() async throws {
        let roster = DepthRoster.yaml(schedules: DepthRoster.dailySchedule(["anna", "bo"]), levels: DepthRoster.level("{schedule: vagt}"))
        try await withSinkAndDaemon(configure: { $0.roster = roster }) { _, daemon in
            // 2026-01-01 08:00 anna, 2026-01-02 08:00 bo, … (wall clock, Copenhagen).
            let at = try await daemon.get("/v1/schedules/vagt/oncall?at=2026-01-02T07:59", token: TestConfiguration.adminToken)
            #expect((at.json["on_call"] as? [String: Any])?["mentor"] as? String == "anna")
            let shifts = try await daemon.get("/v1/schedules/vagt/shifts?from=2026-03-28T08:00&to=2026-03-30T08:00", token: TestConfiguration.adminToken)
            #expect(shifts.status == 200)
            let list = shifts.json["shifts"] as? [[String: Any]] ?? []
            #expect(list.map { $0["mentor"] as? String } == ["anna", "bo"])
            // The shift across the spring-forward night is 23 hours long and ends at 08:00 CEST (06:00Z).
            #expect(list.first?["start"] as? String == "2026-03-28T07:00:00Z")
            #expect(list.first?["end"] as? String == "2026-03-29T06:00:00Z")
            let bad = try await daemon.get("/v1/schedules/vagt/shifts?from=2026-01-01&to=2026-12-31", token: TestConfiguration.adminToken)
            #expect(bad.status == 422)
            #expect(try await daemon.get("/v1/schedules/vagt/oncall?at=soon", token: TestConfiguration.adminToken).status == 422)
            #expect(try await daemon.get("/v1/schedules/vagt/oncall", token: nil).status == 401)
        }
    }

    @Test func calendarFeedsCarryShiftsWithNamesOnly() async throws {
        let roster = DepthRoster.yaml(schedules: DepthRoster.dailySchedule(["anna", "bo"]), levels: DepthRoster.level("{schedule: vagt}"))
        try await withSinkAndDaemon(configure: { $0.roster = roster }) { _, daemon in
            let feed = try await daemon.get("/v1/schedules/vagt.ics", token: nil)
            #expect(feed.status == 200)
            #expect(feed.header("Content-Type")?.hasPrefix("text/calendar") == true)
            #expect(feed.text.hasPrefix("BEGIN:VCALENDAR\r\n"))
            #expect(feed.text.contains("Mentorvagten: Anna Holm"))
            #expect(!feed.text.contains("test-admin"))
            let events = try ICalendarParser.events(in: feed.text)
            // A day's turn each, from a week back to eight weeks ahead (the first turn whole).
            #expect((63...65).contains(events.count))
            #expect(Set(events.map(\.summary)) == ["Mentorvagten: Anna Holm", "Mentorvagten: Bo Lind"])
            #expect(Set(events.map(\.uid)).count == events.count)
            let again = try ICalendarParser.events(in: try await daemon.get("/v1/schedules/vagt.ics", token: nil).text)
            #expect(again.map(\.uid) == events.map(\.uid))

            let mentorFeed = try await daemon.get("/v1/mentors/anna/shifts.ics", token: nil)
            #expect(mentorFeed.status == 200)
            let annas = try ICalendarParser.events(in: mentorFeed.text)
            #expect(annas.count >= 31)
            #expect(annas.allSatisfy { $0.summary == "Mentorvagten: Anna Holm" })
            #expect(try await daemon.get("/v1/mentors/carl/shifts.ics", token: nil).text.contains("BEGIN:VEVENT") == false)
            #expect(try await daemon.get("/v1/mentors/nobody/shifts.ics", token: nil).status == 404)
        }
    }

    @Test func mentorsSetTheirOwnAvailabilityAndAwayMentorsAreNotOffered() async throws {
        let roster = DepthRoster.yaml(levels: DepthRoster.level("{team: everyone}"))
        try await withSinkAndDaemon(configure: { $0.roster = roster }) { sink, daemon in
            let away = try await daemon.put("/v1/mentors/anna/availability", json: #"{"status": "away"}"#, token: TestConfiguration.mentorToken("anna"))
            #expect(away.status == 200)
            #expect(try await daemon.put("/v1/mentors/bo/availability", json: #"{"status": "off"}"#, token: TestConfiguration.mentorToken("anna")).status == 403)
            #expect(try await daemon.put("/v1/mentors/bo/availability", json: #"{"status": "off"}"#, token: TestConfiguration.adminToken).status == 200)
            #expect(try await daemon.put("/v1/mentors/bo/availability", json: #"{"status": "sleeping"}"#, token: TestConfiguration.adminToken).status == 422)

            let caseID = try await daemon.registerCase()
            let offer = try await waitForWebhook(sink) { $0.type == "task.offered" }
            #expect(offer.recipientID == "carl")
            let details = try await daemon.get("/v1/cases/\(caseID)", token: TestConfiguration.adminToken)
            let offered = (details.json["history"] as? [[String: Any]])?.first { $0["event"] as? String == "offered" }
            let ranking = offered?["ranking"] as? [[String: Any]] ?? []
            let reasons = ranking.first { $0["mentor"] as? String == "anna" }?["reasons"] as? [String] ?? []
            #expect(reasons.contains("excluded: has set themselves away"))

            let mentors = try await daemon.get("/v1/mentors", token: TestConfiguration.adminToken)
            let states = (mentors.json["mentors"] as? [[String: Any]] ?? []).map { "\($0["id"] ?? "")=\($0["availability"] ?? "")" }
            #expect(states == ["anna=away", "bo=off", "carl=available"])
            let audit = try await daemon.get("/v1/audit", token: TestConfiguration.adminToken)
            let actors = (audit.json["entries"] as? [[String: Any]] ?? []).map { "\($0["action"] ?? ""):\($0["actor"] ?? "")" }
            #expect(actors == ["availability.set:admin:test-admin", "availability.set:mentor:anna"])
        }
    }
}
