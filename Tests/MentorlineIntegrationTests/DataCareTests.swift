import Foundation
import Logging
import MentorlineConfig
import MentorlineDaemon
import MentorlineTesting
import Testing

/// The retention rule, the citizen's export and the admin audit, against the real daemon with a clock
/// the test moves.
@Suite struct DataCareTests {
    static let day: TimeInterval = 86_400
    static let reference = "J-2026-0412"
    /// Monday 2026-01-05 10:00 in Copenhagen.
    static let start = Date(timeIntervalSince1970: 1_767_603_600)
    static let admin = TestConfiguration.adminToken

    /// A company's call about the citizen, with a representative and a note.
    static let companyCall = """
        {"caller": {"kind": "company", "name": "Lone Sørensen", "phone": "+45 20 30 40 50", "email": "lone@bagerhansen.dk",
         "organisation": "Bager Hansen ApS", "cvr": "12345674"},
         "citizen_reference": "\(reference)", "topics": ["placement"], "urgency": "soon",
         "note": "Praktikanten er ikke mødt i to dage.",
         "representative": {"name": "Karin Dahl", "phone": "+45 11 22 33 44"}}
        """
    /// The citizen's own call, later, left open.
    static let citizenCall = """
        {"caller": {"kind": "citizen", "name": "Zeynep Kaya", "phone": "+45 99 88 77 66"},
         "citizen_reference": "\(reference)", "topics": ["placement"], "note": "Zeynep vil tale om sin praktik."}
        """
    /// What only the first case holds.
    static let firstCasePersonal = [
        "Lone Sørensen", "20 30 40 50", "lone@bagerhansen.dk", "Bager Hansen", "12345674", "Praktikanten", "Talt med virksomheden",
    ]

    /// Accepts the case's open offer with the offered mentor's token; returns the task id.
    func accept(_ caseID: String, on daemon: TestDaemon) async throws -> String {
        let offered = try await daemon.waitForCase(caseID) { ($0["tasks"] as? [[String: Any]])?.contains { $0["state"] as? String == "offered" } == true }
        let task = try #require((offered["tasks"] as? [[String: Any]])?.first { $0["state"] as? String == "offered" })
        let id = try #require(task["id"] as? String)
        let mentor = try #require(task["mentor"] as? String)
        #expect(try await daemon.post("/v1/tasks/\(id)/accept", json: "", token: TestConfiguration.mentorToken(mentor)).status == 200)
        return id
    }

    func resolve(_ task: String, on daemon: TestDaemon, outcome: String) async throws {
        let result = try await daemon.post("/v1/tasks/\(task)/resolve", json: #"{"outcome": "\#(outcome)"}"#, token: Self.admin)
        #expect(result.status == 200, "\(result.text)")
    }

    @Test func theDailyJobErasesCasesClosedLongerAgoThanTheRetentionPeriodAndLogsOnlyCounts() async throws {
        let clock = TestClock(startingAt: Self.start)
        let logs = LogCapture()
        try await WebhookSink.withSink { sink in
            let configuration = TestConfiguration(mentorEndpointURL: sink.url(path: "/hooks/mentor"), opsEndpointURL: sink.url(path: "/hooks/ops"))
            try await TestDaemon.withDaemon(configuration, logLevel: .info, clock: clock, logs: logs) { daemon in
                // The first start runs the job at once: nothing to erase.
                let first = try await logs.waitFor("Retention run finished.")
                #expect(first[0].metadata["erased"] == "0")
                #expect(first[0].metadata["actor"] == "system")

                let closing = try await daemon.registerCase(Self.companyCall)
                let task = try await accept(closing, on: daemon)
                try await resolve(task, on: daemon, outcome: "Talt med virksomheden; nyt møde aftalt.")
                let open = try await daemon.registerCase(Self.citizenCall)
                _ = try await accept(open, on: daemon)
                // Every message of the closing case delivered, so none holds it back.
                _ = try await daemon.waitForCase(closing) { json in
                    let messages = json["messages"] as? [[String: Any]] ?? []
                    return !messages.isEmpty && messages.allSatisfy { $0["state"] as? String == "delivered" }
                }

                let before = try await daemon.get("/v1/admin/export?citizen=\(Self.reference)", token: Self.admin)
                #expect(before.status == 200)
                #expect((before.json["cases"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [closing, open])
                #expect(before.text.contains("Lone Sørensen") && before.text.contains("Talt med virksomheden"))
                #expect((before.json["representative"] as? [String: Any])?["name"] as? String == "Karin Dahl")
                #expect(((before.json["cases"] as? [[String: Any]])?.first?["messages"] as? [[String: Any]])?.first?["payload"] != nil)

                // 179 days on: the day's run comes, and the case is not due yet.
                daemon.advanceClock(by: 179 * Self.day)
                let second = try await logs.waitFor("Retention run finished.", count: 2)
                #expect(second[1].metadata["erased"] == "0")
                let preview = try await daemon.get("/v1/admin/retention/preview", token: Self.admin)
                #expect(preview.json["count"] as? Int == 0)
                #expect(preview.json["dry_run"] as? Bool == true)
                #expect(preview.json["next_run"] as? String != nil)

                // Two days more: past 180 days since the resolution, the next run erases it.
                daemon.advanceClock(by: 2 * Self.day)
                let third = try await logs.waitFor("Retention run finished.", count: 3)
                #expect(third[2].metadata["erased"] == "1")
                #expect(logs.records("Personal data erased.").last?.metadata["cases"] == closing)

                let erased = try await daemon.get("/v1/cases/\(closing)", token: Self.admin)
                #expect(erased.json["erased_at"] as? String != nil)
                #expect(erased.json["state"] as? String == "resolved")
                #expect(erased.json["closed_at"] as? String != nil)
                #expect((erased.json["caller"] as? [String: Any])?["kind"] as? String == "company")
                #expect(erased.json["note"] == nil && erased.json["citizen_reference"] == nil && erased.json["representative"] == nil)
                #expect(((erased.json["messages"] as? [[String: Any]]) ?? []).allSatisfy { $0["text"] == nil && $0["state"] as? String == "delivered" })
                #expect(((erased.json["history"] as? [[String: Any]]) ?? []).contains { $0["event"] as? String == "resolved" })
                for text in Self.firstCasePersonal { #expect(!erased.text.contains(text), "\(text) is still shown") }

                // The export now holds only the open case; the representative stays for it.
                let after = try await daemon.get("/v1/admin/export?citizen=\(Self.reference)", token: Self.admin)
                #expect((after.json["cases"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [open])
                #expect(after.text.contains("Zeynep Kaya"))
                for text in Self.firstCasePersonal { #expect(!after.text.contains(text), "\(text) is still exported") }
                #expect((after.json["representative"] as? [String: Any])?["name"] as? String == "Karin Dahl")

                // What is left of an erased case cannot be reopened.
                let reopen = try await daemon.post("/v1/tasks/\(task)/reopen", json: "", token: Self.admin)
                #expect(reopen.status == 410)

                // Who did what: the run that erased (the two that found nothing are only in the journal), the
                // preview and the exports.
                let audit = try await daemon.get("/v1/audit", token: Self.admin).json["entries"] as? [[String: Any]] ?? []
                let actions = audit.map { "\($0["actor"] as? String ?? "") \($0["action"] as? String ?? "")" }
                #expect(actions.filter { $0 == "system retention.run" }.count == 1)
                #expect(actions.contains("admin:test-admin retention.preview"))
                #expect(actions.filter { $0 == "admin:test-admin citizen.export" }.count == 2)
            }
        }
        // No log line ever carried personal data.
        let personal = Self.firstCasePersonal + ["Zeynep", "Karin Dahl", Self.reference, "99 88 77 66"]
        for record in logs.all {
            for text in personal { #expect(!record.description.contains(text), "logged: \(record)") }
        }
    }

    @Test func aRunMissedWhileTheDaemonWasDownIsMadeAtStart() async throws {
        let clock = TestClock(startingAt: Self.start)
        let state = try TestDaemon.temporaryDirectory().appendingPathComponent("var")
        try await WebhookSink.withSink { sink in
            let configuration = TestConfiguration(mentorEndpointURL: sink.url(path: "/hooks/mentor"), opsEndpointURL: sink.url(path: "/hooks/ops"))
            let closing = try await TestDaemon.withDaemon(configuration, stateDirectory: state, clock: clock) { daemon in
                let closing = try await daemon.registerCase(Self.companyCall)
                try await resolve(try await accept(closing, on: daemon), on: daemon, outcome: "Afsluttet.")
                _ = try await daemon.waitForCase(closing) { json in
                    (json["messages"] as? [[String: Any]] ?? []).allSatisfy { $0["state"] as? String == "delivered" }
                }
                return closing
            }
            // Down for 181 days; at start the missed run comes first.
            clock.advance(by: 181 * Self.day)
            let logs = LogCapture()
            try await TestDaemon.withDaemon(configuration, stateDirectory: state, logLevel: .info, clock: clock, logs: logs) { daemon in
                let run = try await logs.waitFor("Retention run finished.")
                #expect(run[0].metadata["erased"] == "1")
                #expect(try await daemon.get("/v1/cases/\(closing)", token: Self.admin).json["erased_at"] as? String != nil)
            }
        }
    }

    @Test func theDatabaseFilesAreOwnerOnly() async throws {
        try await withSinkAndDaemon { _, daemon in
            _ = try await daemon.registerCase()
            for suffix in ["", "-wal", "-shm"] {
                let path = daemon.stateDirectory.appendingPathComponent("mentorline.sqlite\(suffix)").path
                let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
                #expect(mode == 0o600, "\(path)")
            }
        }
    }

    @Test func dataCareRoutesTakeAnAdminTokenAndTheExportNeedsAReference() async throws {
        try await withSinkAndDaemon { _, daemon in
            for (method, path) in [("GET", "/v1/admin/retention/preview"), ("POST", "/v1/admin/retention/run"), ("GET", "/v1/admin/export?citizen=x"),
                                   ("POST", "/v1/admin/backup")] {
                #expect(try await daemon.request(method, path, token: TestConfiguration.intakeToken).status == 403, "\(method) \(path)")
                #expect(try await daemon.request(method, path, token: nil).status == 401, "\(method) \(path)")
            }
            let missing = try await daemon.get("/v1/admin/export", token: Self.admin)
            #expect(missing.status == 422)
            #expect(missing.text.contains("citizen"))
            let unknown = try await daemon.get("/v1/admin/export?citizen=nobody", token: Self.admin)
            #expect(unknown.status == 200)
            #expect((unknown.json["cases"] as? [Any])?.isEmpty == true)
        }
    }
}
