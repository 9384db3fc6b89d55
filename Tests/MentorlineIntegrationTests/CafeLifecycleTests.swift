import Foundation
import Logging
import MentorlineDaemon
import MentorlineTesting
import Testing

/// The café's lifecycle gaps, in the running daemon with a real sink: closures and changes in cafe.yaml
/// picked up on reload and at start move or cancel bookings exactly once; a runtime closure is removed;
/// a talk's seat gets its reminder at the letter policy's time.
@Suite(.serialized)
struct CafeLifecycleTests {
    typealias C = CafeTests

    /// `CafeTests.cafe` with `closures` (YAML flow list items) added to the café; without `liseOnTuesdays`
    /// Lise staffs only the dates she signs up for.
    static func cafe(closures: [String] = [], liseOnTuesdays: Bool = true) -> String {
        var yaml = liseOnTuesdays ? C.cafe : C.cafe.replacingOccurrences(of: ", weekdays: [tue]", with: "")
        if !closures.isEmpty {
            yaml = yaml.replacingOccurrences(of: "    horizon: 21d\n", with: "    horizon: 21d\n    closures: [\(closures.joined(separator: ", "))]\n")
        }
        return yaml
    }

    static func writeCafe(_ yaml: String, to directory: URL) throws {
        try Data(yaml.utf8).write(to: directory.appendingPathComponent("cafe.yaml"))
    }

    static func count(_ sink: WebhookSink, _ type: String) -> Int { sink.receivedRequests.filter { $0.type == type }.count }

    /// Tuesday 8 December 2026, 09:00 (the talk on 1 December is over: a day with a talk cannot be closed).
    static let tuesday = C.copenhagen("2026-12-08T09:00:00+01:00")

    @Test func aClosureInCafeYamlMovesTheBookingOnReloadAndAtStartExactlyOnce() async throws {
        try await WebhookSink.withSink { sink in
            let logs = LogCapture()
            let configuration = C.configuration(sink)
            let (configDirectory, stateDirectory, caseID) = try await TestDaemon.withDaemon(
                configuration, logLevel: .info, clockStartingAt: Self.tuesday, logs: logs
            ) { daemon in
                // Tuesday 8 December 2026, 09:00: booked into 13:00 with Lise.
                let caseID = try await daemon.registerCase(C.debtCall("reload-1"))
                let booked = try await daemon.waitForCase(caseID) { $0["state"] as? String == "booked" }
                let bookingID = try #require(C.booking(booked)?["id"] as? String)
                _ = try await waitForWebhook(sink) { $0.type == "cafe.booked" }

                // The coordinator closes today in cafe.yaml and reloads: the booking moves to next Tuesday.
                try Self.writeCafe(Self.cafe(closures: [#"{date: 2026-12-08, reason: vandskade}"#]), to: daemon.configurationDirectory)
                #expect(await daemon.handle.reload())
                let moved = try await daemon.waitForCase(caseID) { !C.history($0, "booking_moved").isEmpty }
                #expect(C.booking(moved)?["start"] as? String == "2026-12-15T12:00:00Z")
                #expect(C.booking(moved)?["updated_by"] as? String == "system")
                let event = try #require(C.history(moved, "booking_moved").first)
                #expect(event["actor"] as? String == "system")
                #expect(event["reason"] as? String
                    == "Rådgivningscaféen i Borgerhuset is closed on 2026-12-08: vandskade: moved from 2026-12-08 13:00 to 2026-12-15 13:00 with Lise Andersen (Røde Kors)")
                let letter = try await waitForWebhook(sink) { $0.type == "cafe.moved" }
                #expect(letter.path == "/hooks/caller")
                #expect((letter.data["text"] as? String)?.hasPrefix(
                    "Din tid i Rådgivningscaféen i Borgerhuset er flyttet. Din nye tid er tirsdag den 15. december kl. 13:00"
                ) == true)
                _ = try await waitForWebhook(sink) { $0.type == "volunteer.booking" && ($0.data["moved"] as? Bool) == true && $0.recipientID == "lise" }
                let logged = try #require(try await logs.waitFor("Café bookings the configuration displaced were moved or cancelled.").first)
                #expect(logged.metadata["moved"] == "1" && logged.metadata["cancelled"] == "0")
                #expect(logged.metadata["moved_bookings"] == bookingID)
                #expect(!logged.description.contains("Mikkel") && !logged.description.contains("Lise Andersen"))
                let audit = try await daemon.get("/v1/audit", token: TestConfiguration.adminToken)
                #expect((audit.json["entries"] as? [[String: Any]])?.first?["action"] as? String == "cafe.bookings.rehome")

                // A second reload of the same file: nothing is displaced, nothing more is sent.
                #expect(await daemon.handle.reload())
                try await Task.sleep(for: .milliseconds(600))
                #expect(Self.count(sink, "cafe.moved") == 1)
                #expect(C.history(try await daemon.get("/v1/cases/\(caseID)", token: TestConfiguration.adminToken).json, "booking_moved").count == 1)
                #expect(logs.records("Café bookings the configuration displaced were moved or cancelled.").count == 1)
                return (daemon.configurationDirectory, daemon.stateDirectory, caseID)
            }

            // While the daemon is stopped, next Tuesday is closed too; at start the booking moves again.
            try Self.writeCafe(
                Self.cafe(closures: [#"{date: 2026-12-08, reason: vandskade}"#, #"{date: 2026-12-15, reason: juleafslutning}"#]), to: configDirectory
            )
            try await TestDaemon.withDaemon(configurationDirectory: configDirectory, stateDirectory: stateDirectory, clockStartingAt: Self.tuesday) { daemon in
                let moved = try await daemon.waitForCase(caseID) { C.history($0, "booking_moved").count == 2 }
                #expect(C.booking(moved)?["start"] as? String == "2026-12-22T12:00:00Z")
                let second = try await waitForWebhook(sink) { $0.type == "cafe.moved" && ($0.data["text"] as? String)?.contains("22. december") == true }
                #expect((second.data["text"] as? String)?.contains("tirsdag den 22. december kl. 13:00") == true)
            }
            // Started again on the same files: nothing to do, nothing sent.
            try await TestDaemon.withDaemon(configurationDirectory: configDirectory, stateDirectory: stateDirectory, clockStartingAt: Self.tuesday) { daemon in
                try await Task.sleep(for: .milliseconds(600))
                let details = try await daemon.get("/v1/cases/\(caseID)", token: TestConfiguration.adminToken).json
                #expect(C.history(details, "booking_moved").count == 2)
                #expect(C.booking(details)?["start"] as? String == "2026-12-22T12:00:00Z")
            }
            #expect(Self.count(sink, "cafe.moved") == 2)
        }
    }

    @Test func aVolunteerTakenOffTheirDayWithNowhereElseToGoCancelsTheBookingWithALetterSayingTheCafeChanged() async throws {
        try await C().withCafe(at: "2026-12-01T09:00:00+01:00") { sink, daemon in
            let caseID = try await daemon.registerCase(C.debtCall("reload-2"))
            _ = try await daemon.waitForCase(caseID) { $0["state"] as? String == "booked" }
            _ = try await waitForWebhook(sink) { $0.type == "cafe.booked" }
            // Lise now staffs no weekday; Karen staffs only dates she signs up for: no slot fits the case.
            try Self.writeCafe(Self.cafe(liseOnTuesdays: false), to: daemon.configurationDirectory)
            #expect(await daemon.handle.reload())
            let after = try await daemon.waitForCase(caseID) { $0["state"] as? String == "offered" }
            #expect(C.booking(after)?["state"] as? String == "cancelled")
            #expect((C.history(after, "booking_cancelled").first?["reason"] as? String)?.hasPrefix(
                "Lise Andersen no longer staffs Rådgivningscaféen i Borgerhuset on 2026-12-01; no free slot"
            ) == true)
            let letter = try await waitForWebhook(sink) { $0.type == "cafe.cancelled" }
            #expect((letter.data["text"] as? String)?.contains("er aflyst, fordi caféen har ændret sine åbningstider eller rådgivere") == true)
            _ = try await waitForWebhook(sink) { $0.type == "volunteer.booking_cancelled" && $0.recipientID == "lise" }
        }
    }

    @Test func aRuntimeClosureIsRemovedAndItsDaysAreBookableAgain() async throws {
        try await C().withCafe(at: "2026-12-01T09:00:00+01:00") { _, daemon in
            let admin = TestConfiguration.adminToken
            let added = try await daemon.post("/v1/cafes/huset/closures", json: #"{"date": "2026-12-08", "reason": "kursus"}"#, token: admin)
            #expect(added.status == 201)
            let id = try #require((added.json["closure"] as? [String: Any])?["id"] as? String)
            let closed = try await daemon.get("/v1/cafes/huset/slots?from=2026-12-08&to=2026-12-09")
            #expect((closed.json["slots"] as? [[String: Any]])?.isEmpty == true)

            #expect(try await daemon.delete("/v1/cafes/huset/closures/\(id)", token: TestConfiguration.intakeToken).status == 403)
            let unknown = try await daemon.delete("/v1/cafes/huset/closures/clo_nope", token: admin)
            #expect(unknown.status == 404)
            #expect((unknown.json["detail"] as? String)?.hasPrefix("Café huset has no closure clo_nope.") == true)
            #expect(try await daemon.delete("/v1/cafes/andet/closures/\(id)", token: admin).status == 404)

            #expect(try await daemon.delete("/v1/cafes/huset/closures/\(id)", token: admin).status == 204)
            let open = try await daemon.get("/v1/cafes/huset/slots?from=2026-12-08&to=2026-12-09")
            #expect((open.json["slots"] as? [[String: Any]])?.map { $0["time"] as? String } == ["13:00", "13:30"])
            let listed = try await daemon.get("/v1/cafes/huset/closures")
            #expect((listed.json["closures"] as? [[String: Any]])?.isEmpty == true)
            let audit = try await daemon.get("/v1/audit", token: admin)
            let entry = (audit.json["entries"] as? [[String: Any]])?.first
            #expect(entry?["action"] as? String == "cafe.closure.remove")
            #expect(entry?["actor"] as? String == "admin:test-admin")
            #expect(try await daemon.delete("/v1/cafes/huset/closures/\(id)", token: admin).status == 404)

            // A case can be booked into the reopened Tuesday.
            let caseID = try await daemon.registerCase(C.debtCall("reopened", urgency: "soon"))
            _ = try await daemon.waitForCase(caseID) { ["offered", "unroutable"].contains($0["state"] as? String) }
            let booked = try await daemon.post("/v1/cafes/huset/bookings", json: #"{"case_id": "\#(caseID)", "start": "2026-12-08T13:00"}"#)
            #expect(booked.status == 201)
        }
    }

    @Test func aSeatsReminderIsDeliveredAtItsTimeAndACancelledSeatsReminderIsWithdrawn() async throws {
        try await WebhookSink.withSink { sink in
            let clock = TestClock(startingAt: C.copenhagen("2026-12-01T09:00:00+01:00"))
            try await TestDaemon.withDaemon(C.configuration(sink), clock: clock) { daemon in
                // Two citizens take seats at the MitID talk, Thursday 3 December 10:00; their reminders are
                // due Wednesday 10:00, which the letter policy allows.
                let first = try await daemon.registerCase(C.debtCall("talk-r1", urgency: "soon"))
                let second = try await daemon.registerCase(C.debtCall("talk-r2", urgency: "soon"))
                let seat = try await daemon.post("/v1/talks/mitid/registrations", json: #"{"case_id": "\#(first)"}"#)
                #expect(seat.status == 201 && seat.json["state"] as? String == "seated")
                let other = try await daemon.post("/v1/talks/mitid/registrations", json: #"{"case_id": "\#(second)"}"#)
                let otherID = try #require(other.json["id"] as? String)
                let details = try await daemon.waitForCase(first) { !C.messages($0, "talk.reminder").isEmpty }
                let pending = try #require(C.messages(details, "talk.reminder").first)
                #expect(pending["state"] as? String == "pending")
                #expect(pending["not_before"] as? String == "2026-12-02T09:00:00Z")
                _ = try await waitForWebhook(sink) { $0.type == "talk.registered" }

                // The second citizen cancels: their reminder is withdrawn, the trail says so.
                #expect(try await daemon.post("/v1/talk-registrations/\(otherID)/cancel", json: "").status == 200)
                let cancelled = try await daemon.waitForCase(second) { C.history($0, "talk_cancelled").count == 1 }
                #expect(C.messages(cancelled, "talk.reminder").isEmpty)
                #expect(C.history(cancelled, "letter").contains { $0["reason"] as? String == "talk.reminder withdrawn before it went" })

                // Not before its time.
                try await Task.sleep(for: .milliseconds(300))
                #expect(Self.count(sink, "talk.reminder") == 0)
                // Wednesday 10:00: it goes.
                daemon.advanceClock(by: C.copenhagen("2026-12-02T10:00:05+01:00").timeIntervalSince(clock.now()))
                let reminder = try await waitForWebhook(sink) { $0.type == "talk.reminder" }
                #expect(reminder.path == "/hooks/caller")
                #expect((reminder.data["text"] as? String)?.hasPrefix(
                    "Påmindelse: Du har en plads til oplægget \"Sådan bruger du MitID\" i Rådgivningscaféen i Borgerhuset, Smedelundsgade 16, 4300 Holbæk, torsdag den 3. december kl. 10:00."
                ) == true)
                #expect(reminder.data["appointment_at"] as? String == "2026-12-03T09:00:00Z")
                #expect((reminder.data["text"] as? String)?.contains(first) == true)
                try await Task.sleep(for: .milliseconds(300))
                #expect(Self.count(sink, "talk.reminder") == 1)
            }
        }
    }
}
