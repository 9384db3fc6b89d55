import Foundation
import MentorlineControl
import MentorlineTesting
import Testing

/// `letters next`, `case show` and `templates preview` against the real daemon, in this process, on port 0.
@Suite struct LetterCommandsTests {
    static let admin = TestConfiguration.adminToken
    static let copenhagen = TimeZone(identifier: "Europe/Copenhagen")!
    /// Whit Monday 2026, 10:00 in Copenhagen: a public holiday.
    static let whitMonday = Date(timeIntervalSince1970: 1_779_696_000)

    /// A citizen's call; the name and phone are personal data the text output must not show.
    static let citizenCall = """
        {"caller": {"kind": "citizen", "name": "Zeynep Testesen", "phone": "+45 11 22 33 44"}, "topics": ["placement"], "urgency": "soon"}
        """

    /// The test configuration with citizens' messages going to `caller-gateway` at `url`.
    static func configuration(callerGateway url: String) -> TestConfiguration {
        var configuration = controlTestConfiguration()
        configuration.extraEndpoints = [(id: "caller-gateway", url: url)]
        configuration.callerRecipients = ["citizen": "caller-gateway"]
        return configuration
    }

    /// The text of the first `type` message in `case show`'s output, its wrapped lines joined again.
    static func shownText(of type: String, in output: String) -> String {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("  \(type) to ") }) else { return "" }
        return lines[(start + 1)...].drop { !$0.hasPrefix("    │") }.prefix { $0.hasPrefix("    │") }.map { $0.dropFirst(6) }
            .joined(separator: " ")
    }

    // MARK: letters next

    @Test func lettersNextOnWhitMondayIsHeldUntilTuesdayMorning() async throws {
        #expect(Self.whitMonday == (try Date("2026-05-25T08:00:00Z", strategy: .iso8601)))
        try await TestDaemon.withDaemon(controlTestConfiguration()) { daemon in
            // Any valid token may ask.
            let connection = DaemonConnection(baseURL: daemon.baseURL, token: TestConfiguration.mentorToken("anna"))
            let zone = DeploymentTimeZone.resolve(configDirectory: daemon.configurationDirectory.path, environment: [:], fallback: .gmt)
            #expect(zone.identifier == "Europe/Copenhagen")

            let text = try await ControlCommands.nextLetter(at: "2026-05-25T10:00", recipient: nil, format: .text, connection: connection, timeZone: zone)
            #expect(text == "2026-05-25 10:00 (Mon): held: Whit Monday; next allowed 2026-05-26 08:00 (Tue), Europe/Copenhagen")

            let json = try jsonObject(try await ControlCommands.nextLetter(
                at: "2026-05-25T10:00", recipient: "citizen", format: .json, connection: connection, timeZone: zone))
            #expect(json["at"] as? String == "2026-05-25T08:00:00Z")
            #expect(json["recipient"] as? String == "citizen")
            #expect(json["held"] as? Bool == true)
            #expect(json["reason"] as? String == "Whit Monday")
            #expect(json["reason_code"] as? String == "holiday")
            #expect(json["next"] as? String == "2026-05-26T06:00:00Z")
        }
    }

    @Test func lettersNextOnAWednesdayMorningIsAllowedNow() async throws {
        try await TestDaemon.withDaemon(controlTestConfiguration()) { daemon in
            let connection = DaemonConnection(baseURL: daemon.baseURL, token: Self.admin)
            let text = try await ControlCommands.nextLetter(
                at: "2026-05-27T10:00", recipient: nil, format: .text, connection: connection, timeZone: Self.copenhagen)
            #expect(text == "2026-05-27 10:00 (Wed): allowed now, Europe/Copenhagen")

            let json = try jsonObject(try await ControlCommands.nextLetter(
                at: "2026-05-27T10:00", recipient: nil, format: .json, connection: connection, timeZone: Self.copenhagen))
            #expect(json["held"] as? Bool == false)
            #expect(json["next"] as? String == "2026-05-27T08:00:00Z")
            #expect(json["reason"] == nil)

            // A company's letter on a Saturday: office hours hold it, and the line says whose letter it is.
            let company = try await ControlCommands.nextLetter(
                at: "2026-05-30T10:00", recipient: "company", format: .text, connection: connection, timeZone: Self.copenhagen)
            #expect(company.hasPrefix("2026-05-30 10:00 (Sat), to a company: held"))
            #expect(company.hasSuffix(", Europe/Copenhagen"))
        }
    }

    @Test func lettersNextRefusesABadTimeOrRecipientBeforeAsking() async throws {
        // Nothing listens: a request would fail with "Cannot reach"; these fail before one is made.
        try await LocalSockets.withRefusingPort { port in
            let connection = DaemonConnection(baseURL: "http://127.0.0.1:\(port)", token: Self.admin)
            let badTime = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.nextLetter(at: "next tuesday", recipient: nil, format: .text, connection: connection, timeZone: Self.copenhagen)
            })
            #expect(badTime.code == .usage)
            #expect(badTime.message == "--at must be a time such as 2026-11-23T08:00, 2026-11-23T07:00Z, 2026-11-23T08:00+01:00 or 2026-11-23 (got \"next tuesday\").")

            let badRecipient = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.nextLetter(at: nil, recipient: "mentor", format: .text, connection: connection, timeZone: Self.copenhagen)
            })
            #expect(badRecipient.code == .usage)
            #expect(badRecipient.message == "--recipient must be citizen, representative or company (got \"mentor\").")
        }
    }

    @Test func deploymentTimeZoneFallsBackWhereTheConfigurationDoesNotLoad() throws {
        let missing = try TestDaemon.temporaryDirectory("mentorctl-zone").appendingPathComponent("Config").path
        let zone = DeploymentTimeZone.resolve(configDirectory: missing, environment: [:], fallback: .gmt)
        #expect(zone == .gmt)
    }

    // MARK: case show

    @Test func caseShowListsTheSentReceiptWithItsText() async throws {
        try await WebhookSink.withSink { sink in
            try await TestDaemon.withDaemon(Self.configuration(callerGateway: sink.url(path: "/caller"))) { daemon in
                let connection = DaemonConnection(baseURL: daemon.baseURL, token: Self.admin)
                let id = try await daemon.registerCase(Self.citizenCall)
                _ = try await daemon.waitForCase(id) { json in
                    (json["messages"] as? [[String: Any]] ?? []).contains { $0["type"] as? String == "case.receipt" && $0["state"] as? String == "delivered" }
                }

                let text = try await ControlCommands.showCase(id, format: .text, connection: connection, timeZone: Self.copenhagen)
                #expect(text.hasPrefix("Case \(id) · "))
                #expect(text.contains(" · urgency soon · caller citizen\nTopics placement · language da\nReceived "))
                #expect(text.contains(" · times in Europe/Copenhagen"))
                #expect(text.contains("\nTrail:\n  "))
                #expect(text.contains(" received "))
                #expect(text.contains("intake:test-intake"))
                #expect(text.contains("\nMessages:\n"))
                #expect(text.contains("  case.receipt to citizen:caller via caller-gateway (msg_"))
                #expect(text.contains("\n    sent "))
                #expect(text.contains("    case.receipt.da.mustache · da"))
                let shown = Self.shownText(of: "case.receipt", in: text)
                #expect(shown.hasPrefix("Tak for din henvendelse til Mentor-telefonen."))
                #expect(shown.contains("Sagsnummer: \(id)."))
                // Every message has a status line; the caller's own details stay out of the text.
                #expect(text.contains("task.offered to mentor:"))
                #expect(!text.contains("Zeynep") && !text.contains("+45 11"))

                // --json: the daemon's answer, every field, pretty printed.
                let output = try await ControlCommands.showCase(id, format: .json, connection: connection, timeZone: Self.copenhagen)
                #expect(output.contains("\n  \"id\" : \"\(id)\"") || output.contains("\n  \"id\": \"\(id)\""))
                let json = try jsonObject(output)
                #expect(json["id"] as? String == id)
                #expect((json["caller"] as? [String: Any])?["kind"] as? String == "citizen")
                let receipt = try #require((json["messages"] as? [[String: Any]])?.first { $0["type"] as? String == "case.receipt" })
                #expect(receipt["state"] as? String == "delivered")
                #expect(receipt["template"] as? String == "case.receipt.da.mustache")
                #expect((receipt["text"] as? String)?.hasPrefix("Tak for din henvendelse") == true)
            }
        }
    }

    @Test func caseShowOnWhitMondayShowsTheReceiptHeldUntilTuesday() async throws {
        var configuration = Self.configuration(callerGateway: "http://127.0.0.1:9/hooks/caller")
        // No exemption: the receipt waits for the letter policy like any letter.
        configuration.letters = "letters:\n  exempt: []"
        try await TestDaemon.withDaemon(configuration, clockStartingAt: Self.whitMonday) { daemon in
            let connection = DaemonConnection(baseURL: daemon.baseURL, token: Self.admin)
            let id = try await daemon.registerCase(Self.citizenCall)
            _ = try await daemon.waitForCase(id) { json in
                (json["messages"] as? [[String: Any]] ?? []).contains { $0["type"] as? String == "case.receipt" }
            }
            let text = try await ControlCommands.showCase(id, format: .text, connection: connection, timeZone: Self.copenhagen, now: Self.whitMonday)
            #expect(text.contains("\nReceived 2026-05-25 10:00 (Mon)"))
            #expect(text.contains("  case.receipt to citizen:caller via caller-gateway (msg_"))
            #expect(text.contains("\n    held until 2026-05-26 08:00 (Whit Monday)\n    │ Tak for din henvendelse"))
            // The trail says it too.
            #expect(text.contains(" letter "))
            #expect(text.contains("Whit Monday"))
        }
    }

    @Test func caseShowOfAnUnknownCaseIsOneLine() async throws {
        try await TestDaemon.withDaemon(controlTestConfiguration()) { daemon in
            let connection = DaemonConnection(baseURL: daemon.baseURL, token: Self.admin)
            let error = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.showCase("case_nope", format: .text, connection: connection, timeZone: Self.copenhagen)
            })
            #expect(error.code == .refused(status: 404))
            #expect(error.message == "There is no case case_nope.")

            // A mentor sees only the cases they were offered.
            let id = try await daemon.registerCase(Self.citizenCall)
            let mentor = DaemonConnection(baseURL: daemon.baseURL, token: TestConfiguration.mentorToken("carl"))
            let forbidden = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.showCase(id, format: .text, connection: mentor, timeZone: Self.copenhagen)
            })
            #expect(forbidden.code == .refused(status: 403))
            #expect(forbidden.message == "GET /v1/cases/\(id) answered 403 Forbidden: Case \(id) was not offered to you.")
        }
    }

    // MARK: templates preview

    @Test func templatesPreviewRendersWithExamplesOrTheCasesValues() async throws {
        try await TestDaemon.withDaemon(controlTestConfiguration()) { daemon in
            let connection = DaemonConnection(baseURL: daemon.baseURL, token: Self.admin)

            let text = try await ControlCommands.previewTemplate("case.receipt", language: nil, caseID: nil, format: .text, connection: connection)
            let parts = text.components(separatedBy: "\n\n")
            #expect(parts.count == 2)
            #expect(parts[0].hasPrefix("Tak for din henvendelse til Mentor-telefonen."))
            #expect(parts.last == "template case.receipt.da.mustache · da · \(parts[0].count) characters")

            let id = try await daemon.registerCase(Self.citizenCall)
            let forCase = try await ControlCommands.previewTemplate("case.receipt", language: "en", caseID: id, format: .text, connection: connection)
            #expect(forCase.hasPrefix("Thank you for calling the Mentor Line."))
            #expect(forCase.contains("Case number: \(id)."))
            #expect(forCase.hasSuffix(" characters · values from case \(id)"))
            #expect(forCase.contains("\n\ntemplate case.receipt.en.mustache · en · "))

            // No Ukrainian template: the Danish one, and the line says so.
            let fallback = try await ControlCommands.previewTemplate("case.receipt", language: "uk", caseID: nil, format: .text, connection: connection)
            #expect(fallback.contains("\n\ntemplate case.receipt.da.mustache · da (no uk template) · "))

            let json = try jsonObject(try await ControlCommands.previewTemplate(
                "case.receipt", language: "da", caseID: id, format: .json, connection: connection))
            #expect(json["event"] as? String == "case.receipt")
            #expect(json["case_id"] as? String == id)
            #expect(json["template"] as? String == "case.receipt.da.mustache")
            #expect(json["language"] as? String == "da")
            let rendered = try #require(json["text"] as? String)
            #expect(json["characters"] as? Int == rendered.count)
            #expect((json["values"] as? [String: Any])?["case_id"] as? String == id)
        }
    }

    @Test func templatesPreviewErrorsAreTheDaemonsWords() async throws {
        try await TestDaemon.withDaemon(controlTestConfiguration()) { daemon in
            let connection = DaemonConnection(baseURL: daemon.baseURL, token: Self.admin)
            let unknown = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.previewTemplate("case.reciept", language: nil, caseID: nil, format: .text, connection: connection)
            })
            #expect(unknown.code == .refused(status: 404))
            #expect(unknown.message.hasPrefix("There is no event type 'case.reciept'; known: "))
            #expect(unknown.message.contains("case.receipt"))
            #expect(!unknown.message.contains("\n"))

            let noCase = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.previewTemplate("case.receipt", language: nil, caseID: "case_nope", format: .text, connection: connection)
            })
            #expect(noCase.message == "There is no case case_nope.")

            let mentor = DaemonConnection(baseURL: daemon.baseURL, token: TestConfiguration.mentorToken("anna"))
            let forbidden = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.previewTemplate("case.receipt", language: nil, caseID: nil, format: .text, connection: mentor)
            })
            #expect(forbidden.message == "GET /v1/templates/case.receipt/preview answered 403 Forbidden: Previews take an admin token.")
        }
    }
}
