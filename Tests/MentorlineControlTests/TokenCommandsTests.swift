import Foundation
import MentorlineControl
import MentorlineTesting
import Testing

/// `token create|list|revoke` against the real daemon, in this process, on port 0.
@Suite struct TokenCommandsTests {
    static let admin = TestConfiguration.adminToken
    static let zone = TimeZone(identifier: "Europe/Copenhagen")!

    @Test func aCreatedTokenIsPrintedOnceListedWithoutItsTextAndRevoked() async throws {
        try await TestDaemon.withDaemon(controlTestConfiguration()) { daemon in
            let connection = DaemonConnection(baseURL: daemon.baseURL, token: Self.admin)

            let created = try await ControlCommands.createToken(
                TokenDraft(kind: "intake", name: "telefonsystem", expires: "2099-01-01"), format: .text, connection: connection, timeZone: Self.zone
            )
            let lines = created.components(separatedBy: "\n")
            #expect(lines.count == 5)
            #expect(lines[0].hasPrefix("Created intake token tok_"))
            #expect(lines[0].hasSuffix(" (telefonsystem), working until 2099-01-01 00:00 (CET)."))
            let secret = lines[2].trimmingCharacters(in: .whitespaces)
            #expect(lines[2].hasPrefix("    ml_"))
            #expect(secret.count == 46)
            #expect(lines[4] == TokenReport.shownOnceWarning)
            #expect(lines[4].contains("not shown again"))
            let id = try #require(lines[0].split(separator: " ").first { $0.hasPrefix("tok_") }.map(String.init))

            // The token works at once.
            #expect(try await daemon.post("/v1/cases", json: TestDaemon.companyCall, token: secret).status == 202)

            let listed = try await ControlCommands.listTokens(format: .text, connection: connection, timeZone: Self.zone)
            #expect(!listed.contains(secret))
            #expect(listed.hasPrefix("Tokens: 5 from the configuration, 1 stored.\n"))
            #expect(listed.contains("config:test-admin "))
            #expect(listed.contains("from the configuration"))
            let row = try #require(listed.components(separatedBy: "\n").first { $0.contains(id) })
            #expect(row.contains("intake"))
            #expect(row.contains("telefonsystem"))
            #expect(row.contains("active until 2099-01-01 00:00 (CET); created "))
            #expect(row.contains(" by admin:test-admin; last used "))

            let json = try jsonObject(try await ControlCommands.listTokens(format: .json, connection: connection, timeZone: Self.zone))
            let tokens = try #require(json["tokens"] as? [[String: Any]])
            #expect(tokens.count == 6)
            #expect(tokens.allSatisfy { $0["secret"] == nil })
            #expect(tokens.first { $0["id"] as? String == id }?["expires_at"] as? String == "2098-12-31T23:00:00Z")

            let revoked = try await ControlCommands.revokeToken(id, format: .text, connection: connection, timeZone: Self.zone)
            #expect(revoked == "Revoked intake token \(id) (telefonsystem); it is refused from now on.")
            #expect(try await daemon.post("/v1/cases", json: TestDaemon.companyCall, token: secret).status == 401)
            let again = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.revokeToken(id, format: .text, connection: connection, timeZone: Self.zone)
            })
            #expect(again.code == .refused(status: 409))
            #expect(again.message == "POST /v1/tokens/\(id)/revoke answered 409 Conflict: Token \(id) was revoked already.")
            let after = try await ControlCommands.listTokens(format: .text, connection: connection, timeZone: Self.zone)
            #expect(after.components(separatedBy: "\n").first { $0.contains(id) }?.contains("revoked since ") == true)
        }
    }

    @Test func aMentorTokenAsJSONCarriesItsTextAndMentor() async throws {
        try await TestDaemon.withDaemon(controlTestConfiguration()) { daemon in
            let connection = DaemonConnection(baseURL: daemon.baseURL, token: Self.admin)
            let now = Date()
            let json = try jsonObject(try await ControlCommands.createToken(
                TokenDraft(kind: "mentor", name: "anna-mobil", mentor: "anna", expires: "30d"), format: .json, connection: connection,
                timeZone: Self.zone, now: now
            ))
            let secret = try #require(json["secret"] as? String)
            #expect(secret.hasPrefix("ml_"))
            #expect(json["kind"] as? String == "mentor")
            #expect(json["mentor"] as? String == "anna")
            #expect(json["status"] as? String == "active")
            let expires = try #require((json["expires_at"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) })
            #expect(abs(expires.timeIntervalSince(now) - 30 * 86400) < 2)
            // A mentor token sees who is on call like any token, and is no admin.
            let mentor = DaemonConnection(baseURL: daemon.baseURL, token: secret)
            #expect(try await ControlCommands.onCall(at: nil, schedule: "vagt", format: .text, connection: mentor).contains("Mentorvagten"))
            let refused = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.listTokens(format: .text, connection: mentor, timeZone: Self.zone)
            })
            #expect(refused.message == "GET /v1/tokens answered 403 Forbidden: This takes an admin token.")
        }
    }

    @Test func aVolunteerTokenActsForItsVolunteerOnly() async throws {
        var configuration = TestConfiguration(mentorEndpointURL: "http://127.0.0.1:9/hooks/mentor", opsEndpointURL: "http://127.0.0.1:9/hooks/ops")
        configuration.roster = CafeCommandsTests.roster
        configuration.mentorIDs = ["anna"]
        configuration.cafe = CafeCommandsTests.cafe
        try await TestDaemon.withDaemon(configuration) { daemon in
            let connection = DaemonConnection(baseURL: daemon.baseURL, token: Self.admin)
            let created = try await ControlCommands.createToken(
                TokenDraft(kind: "volunteer", name: "lise-kalender", volunteer: "lise"), format: .text, connection: connection, timeZone: Self.zone
            )
            let lines = created.components(separatedBy: "\n")
            #expect(lines[0].hasPrefix("Created volunteer token tok_"))
            #expect(lines[0].hasSuffix(" (lise-kalender, for volunteer lise), working until revoked."))
            let secret = lines[2].trimmingCharacters(in: .whitespaces)
            #expect(secret.hasPrefix("ml_"))

            // Her feed, by the address a calendar application subscribes to; not Karen's, and no admin route.
            #expect(try await daemon.get("/v1/volunteers/lise/bookings.ics?token=\(secret)", token: nil).status == 200)
            #expect(try await daemon.get("/v1/volunteers/karen/bookings.ics?token=\(secret)", token: nil).status == 403)
            let volunteer = DaemonConnection(baseURL: daemon.baseURL, token: secret)
            let refused = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.listTokens(format: .text, connection: volunteer, timeZone: Self.zone)
            })
            #expect(refused.message == "GET /v1/tokens answered 403 Forbidden: This takes an admin token.")

            let listed = try await ControlCommands.listTokens(format: .text, connection: connection, timeZone: Self.zone)
            let row = try #require(listed.components(separatedBy: "\n").first { $0.contains("lise-kalender") })
            #expect(row.contains("volunteer") && row.contains("lise-kalender, for volunteer lise") && row.contains("active; created "))
            let json = try jsonObject(try await ControlCommands.listTokens(format: .json, connection: connection, timeZone: Self.zone))
            let token = (json["tokens"] as? [[String: Any]])?.first { $0["name"] as? String == "lise-kalender" }
            #expect(token?["kind"] as? String == "volunteer" && token?["volunteer"] as? String == "lise" && token?["mentor"] == nil)

            func failure(_ draft: TokenDraft) async -> ControlError? {
                await controlError { () async throws(ControlError) in
                    try await ControlCommands.createToken(draft, format: .text, connection: connection, timeZone: Self.zone)
                }
            }
            let missing = try #require(await failure(TokenDraft(kind: "volunteer", name: "x")))
            #expect(missing.code == .usage)
            #expect(missing.message == "A volunteer token needs --volunteer ID: the café volunteer it acts for.")
            #expect(await failure(TokenDraft(kind: "mentor", name: "x", mentor: "anna", volunteer: "lise"))?.message == "--volunteer is only for --kind volunteer.")
            let unknown = try #require(await failure(TokenDraft(kind: "volunteer", name: "x", volunteer: "nobody")))
            #expect(unknown.code == .refused(status: 422))
            #expect(unknown.message.hasSuffix("(volunteer: is not a volunteer in cafe.yaml)"))
        }
    }

    @Test func mistakesAreToldBeforeOrByTheDaemon() async throws {
        try await TestDaemon.withDaemon(controlTestConfiguration()) { daemon in
            let connection = DaemonConnection(baseURL: daemon.baseURL, token: Self.admin)
            func failure(_ draft: TokenDraft) async -> ControlError? {
                await controlError { () async throws(ControlError) in
                    try await ControlCommands.createToken(draft, format: .text, connection: connection, timeZone: Self.zone)
                }
            }
            let kind = try #require(await failure(TokenDraft(kind: "boss", name: "x")))
            #expect(kind.code == .usage)
            #expect(kind.message == "--kind must be intake, mentor, admin or volunteer (got \"boss\").")
            #expect(await failure(TokenDraft(kind: "mentor", name: "x"))?.message == "A mentor token needs --mentor ID: the mentor it acts for.")
            #expect(await failure(TokenDraft(kind: "intake", name: "x", mentor: "anna"))?.message == "--mentor is only for --kind mentor.")
            let expires = try #require(await failure(TokenDraft(kind: "intake", name: "x", expires: "next week")))
            #expect(expires.code == .usage)
            #expect(expires.message.hasPrefix("--expires must be a time such as 2026-11-23T08:00"))

            let unknown = try #require(await failure(TokenDraft(kind: "mentor", name: "x", mentor: "nobody")))
            #expect(unknown.code == .refused(status: 422))
            #expect(unknown.message.hasSuffix("(mentor: is not a mentor in the roster)"))
            let name = try #require(await failure(TokenDraft(kind: "intake", name: "test-intake")))
            #expect(name.code == .refused(status: 409))
            #expect(name.message.contains("A token named test-intake is configured in mentorline.yaml"))

            let configured = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.revokeToken("config:test-intake", format: .text, connection: connection, timeZone: Self.zone)
            })
            #expect(configured.code == .refused(status: 409))
            #expect(configured.message.contains("remove it from auth.tokens in mentorline.yaml and reload"))
            let missing = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.revokeToken("tok_NOPE", format: .text, connection: connection, timeZone: Self.zone)
            })
            #expect(missing.message == "POST /v1/tokens/tok_NOPE/revoke answered 404 Not Found: There is no token tok_NOPE.")
        }
    }
}
