import Foundation
import MentorlineControl
import MentorlineTesting
import Testing

/// `backup`, `export` and `purge` against the real daemon, in this process, on port 0.
@Suite struct DataCareCommandsTests {
    static let copenhagen = TimeZone(identifier: "Europe/Copenhagen")!
    static let day: TimeInterval = 86_400
    /// Monday 2026-01-05 10:00 in Copenhagen.
    static let start = Date(timeIntervalSince1970: 1_767_603_600)
    static let reference = "J-2026-0412"
    static let call = """
        {"caller": {"kind": "citizen", "name": "Zeynep Testesen", "phone": "+45 11 22 33 44"}, "citizen_reference": "\(reference)",
         "topics": ["placement"], "note": "Vil tale om sin praktik."}
        """

    /// The control test configuration with mentor messages going to `sink`.
    static func configuration(sink: WebhookSink) -> TestConfiguration {
        var configuration = controlTestConfiguration()
        configuration.mentorEndpointURL = sink.url(path: "/hooks/mentor")
        configuration.opsEndpointURL = sink.url(path: "/hooks/ops")
        return configuration
    }

    /// Registers the call, accepts its offer and resolves it; waits until its messages are delivered.
    static func resolvedCase(on daemon: TestDaemon) async throws -> String {
        let id = try await daemon.registerCase(call)
        let offered = try await daemon.waitForCase(id) { ($0["tasks"] as? [[String: Any]])?.first?["state"] as? String == "offered" }
        let task = try #require((offered["tasks"] as? [[String: Any]])?.first)
        let taskID = try #require(task["id"] as? String)
        let mentor = try #require(task["mentor"] as? String)
        #expect(try await daemon.post("/v1/tasks/\(taskID)/accept", json: "", token: TestConfiguration.mentorToken(mentor)).status == 200)
        #expect(try await daemon.post("/v1/tasks/\(taskID)/resolve", json: #"{"outcome": "Talt med Zeynep."}"#, token: TestConfiguration.mentorToken(mentor)).status == 200)
        _ = try await daemon.waitForCase(id) { json in
            let messages = json["messages"] as? [[String: Any]] ?? []
            return !messages.isEmpty && messages.allSatisfy { $0["state"] as? String == "delivered" }
        }
        return id
    }

    @Test func aBackupTakenWhileTheDaemonWorksRestoresIntoANewDaemon() async throws {
        let target = try TestDaemon.temporaryDirectory("mentorline-backup").appendingPathComponent("mentorline-2026-11-23.sqlite")
        let (ids, configurationDirectory) = try await WebhookSink.withSink { sink in
            try await TestDaemon.withDaemon(Self.configuration(sink: sink)) { daemon in
                let connection = DaemonConnection(baseURL: daemon.baseURL, token: TestConfiguration.adminToken)
                var ids = [try await Self.resolvedCase(on: daemon)]
                for _ in 0..<3 { ids.append(try await daemon.registerCase(Self.call)) }
                // Intake goes on while the copy is made.
                async let more = (0..<20).asyncMap { _ in try await daemon.registerCase(Self.call) }
                let text = try await ControlCommands.backup(to: target.path, format: .text, connection: connection, timeZone: Self.copenhagen)
                _ = try await more
                #expect(text.hasPrefix("Backup of "))
                #expect(text.contains(" written to \(target.path) ("))
                #expect(text.contains("mode 0600), a consistent copy as of "))
                let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
                #expect(mode == 0o600)
                // Moved, not copied: nothing is left behind in the daemon's state directory.
                let left = try FileManager.default.contentsOfDirectory(atPath: daemon.stateDirectory.appendingPathComponent("backups").path)
                #expect(left.isEmpty)

                // FILE must be new.
                let again = await controlError { () async throws(ControlError) in
                    try await ControlCommands.backup(to: target.path, format: .text, connection: connection, timeZone: Self.copenhagen)
                }
                #expect(again?.code == .usage)
                #expect(again?.message.contains("exists already") == true)

                let audit = try await daemon.get("/v1/audit", token: TestConfiguration.adminToken).json["entries"] as? [[String: Any]] ?? []
                #expect(audit.contains { $0["action"] as? String == "backup" && $0["actor"] as? String == "admin:test-admin" })
                return (ids, daemon.configurationDirectory)
            }
        }

        // Restore: the copy becomes the database of a new daemon, which has every case the copy was taken with.
        let state = try TestDaemon.temporaryDirectory("mentorline-restored")
        try FileManager.default.copyItem(at: target, to: state.appendingPathComponent("mentorline.sqlite"))
        try await TestDaemon.withDaemon(configurationDirectory: configurationDirectory, stateDirectory: state) { daemon in
            for id in ids {
                let shown = try await daemon.get("/v1/cases/\(id)", token: TestConfiguration.adminToken)
                #expect(shown.status == 200)
                #expect((shown.json["caller"] as? [String: Any])?["name"] as? String == "Zeynep Testesen")
            }
            #expect(try await daemon.get("/v1/cases/\(ids[0])", token: TestConfiguration.adminToken).json["state"] as? String == "resolved")
        }
    }

    @Test func purgeShowsWhatWouldGoThenErasesIt() async throws {
        let clock = TestClock(startingAt: Self.start)
        try await WebhookSink.withSink { sink in
            try await TestDaemon.withDaemon(Self.configuration(sink: sink), clock: clock) { daemon in
                let connection = DaemonConnection(baseURL: daemon.baseURL, token: TestConfiguration.adminToken)
                let id = try await Self.resolvedCase(on: daemon)
                let nothing = try await ControlCommands.purgePreview(format: .text, connection: connection, timeZone: Self.copenhagen)
                #expect(nothing.hasPrefix("Dry run at 2026-01-05 10:0"))
                #expect(nothing.contains(", Europe/Copenhagen: personal data is kept 180 days after a case closes."))
                #expect(nothing.contains("No case closed on or before 2025-07-09 "))
                #expect(nothing.hasSuffix("Next daily run: 2026-01-06 03:30 (Tue)."))

                // 181 days later, before the daily job wakes (the clock moves without telling it).
                clock.advance(by: 181 * Self.day)
                let preview = try await ControlCommands.purgePreview(format: .text, connection: connection, timeZone: Self.copenhagen)
                #expect(preview.contains("1 case closed on or before 2026-01-0"))
                #expect(preview.contains(" would be erased:\n  \(id)  closed 2026-01-05 10:0"))
                #expect(preview.hasSuffix("Erase now with: mentorctl purge --yes"))
                #expect(!preview.contains("Zeynep"))
                let json = try jsonObject(try await ControlCommands.purgePreview(format: .json, connection: connection, timeZone: Self.copenhagen))
                #expect(json["dry_run"] as? Bool == true)
                #expect(json["count"] as? Int == 1)
                #expect(try await daemon.get("/v1/cases/\(id)", token: TestConfiguration.adminToken).json["erased_at"] == nil)

                let run = try await ControlCommands.purge(format: .text, connection: connection, timeZone: Self.copenhagen)
                #expect(run.hasPrefix("Run at "))
                #expect(run.contains("1 case closed on or before "))
                #expect(run.contains(" was erased:\n  \(id)  closed 2026-01-05 10:0"))
                let shown = try await ControlCommands.showCase(id, format: .text, connection: connection, timeZone: Self.copenhagen)
                #expect(shown.contains("Personal data erased 2026-07-0"))
                #expect(shown.contains("(text erased)"))
                let again = try jsonObject(try await ControlCommands.purge(format: .json, connection: connection, timeZone: Self.copenhagen))
                #expect(again["count"] as? Int == 0)
                #expect(again["dry_run"] as? Bool == false)
            }
        }
    }

    @Test func exportSummarisesAsTextAndGivesEverythingAsJSON() async throws {
        try await WebhookSink.withSink { sink in
            try await TestDaemon.withDaemon(Self.configuration(sink: sink)) { daemon in
                let connection = DaemonConnection(baseURL: daemon.baseURL, token: TestConfiguration.adminToken)
                let id = try await Self.resolvedCase(on: daemon)
                let text = try await ControlCommands.exportCitizen(Self.reference, format: .text, connection: connection, timeZone: Self.copenhagen)
                let lines = text.split(separator: "\n").map(String.init)
                #expect(lines.first?.hasPrefix("Citizen \(Self.reference) · exported ") == true)
                #expect(lines.contains("1 case:"))
                #expect(lines.contains { $0.hasPrefix("  \(id)  resolved  received ") && $0.contains(" · caller citizen · placement · ") })
                #expect(lines.contains { $0.hasPrefix("Contact person: ") })
                #expect(lines.contains { $0.hasPrefix("Audit log: 1 entry (citizen.export)") })
                #expect(lines.last == "Names, phone numbers, notes and every message text: mentorctl export --citizen \(Self.reference) --json")
                // The summary is for the terminal: the citizen's own details only in --json.
                #expect(!text.contains("Zeynep"))

                let json = try jsonObject(try await ControlCommands.exportCitizen(Self.reference, format: .json, connection: connection, timeZone: Self.copenhagen))
                #expect(json["citizen_reference"] as? String == Self.reference)
                let cases = try #require(json["cases"] as? [[String: Any]])
                #expect((cases.first?["caller"] as? [String: Any])?["name"] as? String == "Zeynep Testesen")
                #expect(cases.first?["note"] as? String == "Vil tale om sin praktik.")
                let messages = try #require(cases.first?["messages"] as? [[String: Any]])
                #expect(messages.contains { $0["text"] is String && $0["payload"] is [String: Any] && $0["template_values"] is [String: Any] })
                // The café's part of the record comes along (this case was never booked).
                #expect(cases.first?["bookings"] as? [Any] != nil && cases.first?["talk_registrations"] as? [Any] != nil)

                let missing = await controlError { () async throws(ControlError) in
                    try await ControlCommands.exportCitizen(" ", format: .text, connection: connection, timeZone: Self.copenhagen)
                }
                #expect(missing?.code == .usage)
            }
        }
    }
}

extension Sequence where Element: Sendable {
    /// `map` with an async transform, one element after another.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
