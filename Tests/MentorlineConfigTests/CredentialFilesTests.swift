import Foundation
import MentorlineConfig
import MentorlineCore
import Testing

/// Token and webhook secret files: reading, validation, `CREDENTIALS_DIRECTORY`, and never leaking them.
struct CredentialFilesTests {
    /// The minimal settings (lines 1–4) followed by `auth.tokens` with `tokens` from line 7 on.
    static func settings(tokens: String) -> String {
        ConfigFixture.minimalSettings + "\nauth:\n  tokens:\n" + tokens
    }

    @Test func tokensAreHashedAndNamed() throws {
        var fixture = ConfigFixture(settings: Self.settings(tokens: """
                - {kind: intake, name: phone-system, file: secrets/intake.token}
                - {kind: mentor, mentor: amira, file: secrets/amira.token}
                - {kind: admin, name: ops-on-call, file: secrets/admin.token}
            """))
        fixture.files["secrets/amira.token"] = "  amira-token-0123456789\n"
        fixture.files["secrets/admin.token"] = "admin-token-0123456789"
        let tokens = try fixture.load().tokens
        #expect(tokens == [
            TokenGrant(kind: .intake, name: "phone-system", sha256: TokenGrant.hashToken("intake-token-0123456789")),
            TokenGrant(kind: .mentor(MentorID("amira")), name: "amira", sha256: TokenGrant.hashToken("amira-token-0123456789")),
            TokenGrant(kind: .admin, name: "ops-on-call", sha256: TokenGrant.hashToken("admin-token-0123456789")),
        ])
    }

    @Test func hashTokenTrimsAndIsSHA256() {
        #expect(TokenGrant.hashToken(" abc\n") == TokenGrant.hashToken("abc"))
        // SHA-256("abc") from FIPS 180-2.
        let hex = TokenGrant.hashToken("abc").map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
        #expect(hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func tokenEntryValidation() {
        var fixture = ConfigFixture(settings: Self.settings(tokens: """
                - {kind: intake, file: secrets/t1.token}
                - {kind: mentor, file: secrets/t2.token}
                - {kind: admin, name: boss, mentor: amira, file: secrets/t3.token}
                - {kind: superuser, name: root, file: secrets/t4.token}
                - {kind: mentor, mentor: amria, file: secrets/t5.token}
            """))
        for index in 1...5 { fixture.files["secrets/t\(index).token"] = "token-number-\(index)-0123456789" }
        #expect(fixture.errors() == [
            "mentorline.yaml:7:7: missing required key 'name' in token",
            "mentorline.yaml:8:7: missing required key 'mentor' in token",
            "mentorline.yaml:9:41: 'mentor' is only allowed in tokens of kind mentor",
            "mentorline.yaml:10:14: unknown token kind 'superuser' (expected intake, mentor, admin or volunteer)",
            "mentorline.yaml:11:30: unknown mentor 'amria' (did you mean 'amira'?)",
        ])
    }

    /// A fixture with the café tests' roster and `cafe.yaml` (volunteer `lise`) and these tokens.
    static func cafeFixture(tokens: String) -> ConfigFixture {
        var fixture = ConfigFixture(settings: settings(tokens: tokens))
        fixture.roster = CafeConfigurationTests.roster
        fixture.files["cafe.yaml"] = CafeConfigurationTests.valid
        return fixture
    }

    @Test func volunteerTokensActForAVolunteerOfCafeYaml() throws {
        var fixture = Self.cafeFixture(tokens: """
                - {kind: volunteer, volunteer: lise, file: secrets/lise.token}
                - {kind: volunteer, volunteer: lise, name: lise-kalender, file: secrets/calendar.token}
            """)
        fixture.files["secrets/lise.token"] = "lise-token-0123456789\n"
        fixture.files["secrets/calendar.token"] = "lise-calendar-0123456789"
        #expect(try fixture.load().tokens == [
            TokenGrant(kind: .volunteer(VolunteerID("lise")), name: "lise", sha256: TokenGrant.hashToken("lise-token-0123456789")),
            TokenGrant(kind: .volunteer(VolunteerID("lise")), name: "lise-kalender", sha256: TokenGrant.hashToken("lise-calendar-0123456789")),
        ])
    }

    @Test func volunteerTokenEntryValidation() {
        var fixture = Self.cafeFixture(tokens: """
                - {kind: volunteer, file: secrets/t1.token}
                - {kind: volunteer, volunteer: lsie, file: secrets/t2.token}
                - {kind: mentor, mentor: amira, volunteer: lise, file: secrets/t3.token}
                - {kind: volunteer, volunteer: lise, mentor: amira, file: secrets/t4.token}
                - {kind: admin, name: boss, volunteer: lise, file: secrets/t5.token}
            """)
        for index in 1...5 { fixture.files["secrets/t\(index).token"] = "token-number-\(index)-0123456789" }
        #expect(fixture.errors() == [
            "mentorline.yaml:7:7: missing required key 'volunteer' in token",
            "mentorline.yaml:8:36: unknown volunteer 'lsie' (did you mean 'lise'?)",
            "mentorline.yaml:9:48: 'volunteer' is only allowed in tokens of kind volunteer",
            "mentorline.yaml:10:50: 'mentor' is only allowed in tokens of kind mentor",
            "mentorline.yaml:11:44: 'volunteer' is only allowed in tokens of kind volunteer",
        ])
    }

    @Test func aVolunteerTokenWithoutCafeYamlSaysWhereVolunteersLive() {
        var fixture = ConfigFixture(settings: Self.settings(tokens: "    - {kind: volunteer, volunteer: lise, file: secrets/lise.token}\n"))
        fixture.files["secrets/lise.token"] = "lise-token-0123456789"
        #expect(fixture.errors() == [
            "mentorline.yaml:7:36: unknown volunteer 'lise' (volunteers are declared in cafe.yaml, which declares none)",
        ])
    }

    @Test func duplicateTokensAndNames() {
        var fixture = ConfigFixture(settings: Self.settings(tokens: """
                - {kind: intake, name: phone-system, file: secrets/intake.token}
                - {kind: admin, name: phone-system, file: secrets/admin.token}
                - {kind: mentor, mentor: amira, file: secrets/copy.token}
            """))
        fixture.files["secrets/admin.token"] = "admin-token-0123456789"
        fixture.files["secrets/copy.token"] = "intake-token-0123456789\n"
        let errors = fixture.errors()
        #expect(errors == [
            "mentorline.yaml:8:27: duplicate token name 'phone-system' (first defined at line 7)",
            "mentorline.yaml:9:7: token of 'amira' is the same as the token of 'phone-system' (line 7); every token must be unique",
        ])
        #expect(!errors.joined().contains("intake-token"))
    }

    @Test func missingAndShortTokenFiles() {
        var fixture = ConfigFixture(settings: Self.settings(tokens: """
                - {kind: intake, name: phone-system, file: secrets/absent.token}
                - {kind: admin, name: ops, file: secrets/short.token}
            """))
        fixture.files["secrets/short.token"] = "s3cr3t-short\n"
        let errors = fixture.errors()
        #expect(errors == [
            "mentorline.yaml:7:48: cannot read token file 'secrets/absent.token'",
            "mentorline.yaml:8:38: token in 'secrets/short.token' is shorter than 16 characters",
        ])
        #expect(!errors.joined().contains("s3cr3t"))
    }

    @Test(arguments: [
        ("secret-without-prefix", "mentorline.yaml:3:68: secret file 'secrets/hook.secret' does not hold a webhook secret (expected 'whsec_' followed by base64)"),
        ("whsec_not base64!", "mentorline.yaml:3:68: secret file 'secrets/hook.secret' does not hold a webhook secret (expected 'whsec_' followed by base64)"),
        ("whsec_", "mentorline.yaml:3:68: secret file 'secrets/hook.secret' does not hold a webhook secret (expected 'whsec_' followed by base64)"),
        ("whsec_c2hvcnQtc2VjcmV0", "mentorline.yaml:3:68: secret in 'secrets/hook.secret' is 12 bytes; webhook secrets need at least 24"),
    ])
    func invalidSecretFiles(contents: String, expected: String) {
        var fixture = ConfigFixture()
        fixture.files["secrets/hook.secret"] = contents
        let errors = fixture.errors()
        #expect(errors == [expected])
        // The file's contents never appear in the message (the bare prefix is part of the message itself).
        #expect(contents == "whsec_" || !errors.joined().contains(contents))
    }

    @Test func missingSecretFile() {
        var fixture = ConfigFixture()
        fixture.files = [:]
        #expect(fixture.errors() == ["mentorline.yaml:3:68: cannot read secret file 'secrets/hook.secret'"])
    }

    @Test func secretWithSurroundingWhitespace() throws {
        var fixture = ConfigFixture()
        fixture.files["secrets/hook.secret"] = "\n" + ConfigFixture.validSecret + "\n\n"
        #expect(try fixture.load().delivery.endpoints[EndpointID("gateway")]?.secretKey == Array(0..<32))
    }

    @Test func credentialsDirectoryTakesPrecedence() throws {
        let credentials = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-credentials-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: credentials, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: credentials) }
        let productionSecret = "whsec_" + Data(repeating: 7, count: 32).base64EncodedString()
        try Data(productionSecret.utf8).write(to: credentials.appendingPathComponent("hook.secret"))
        try Data("production-intake-token-42".utf8).write(to: credentials.appendingPathComponent("intake.token"))

        let fixture = ConfigFixture(settings: Self.settings(tokens: """
                - {kind: intake, name: phone-system, file: secrets/intake.token}
                - {kind: admin, name: ops, file: secrets/admin.token}
            """), files: [
                "secrets/hook.secret": ConfigFixture.validSecret,
                "secrets/intake.token": "intake-token-0123456789",
                "secrets/admin.token": "admin-token-0123456789",
            ])
        let configuration = try fixture.load(environment: ["CREDENTIALS_DIRECTORY": credentials.path])
        #expect(configuration.delivery.endpoints[EndpointID("gateway")]?.secretKey == [UInt8](repeating: 7, count: 32))
        // Present in the credentials directory: that one wins.
        #expect(configuration.tokens.first?.sha256 == TokenGrant.hashToken("production-intake-token-42"))
        // Absent there: the file beside the configuration is read.
        #expect(configuration.tokens.last?.sha256 == TokenGrant.hashToken("admin-token-0123456789"))

        let withoutEnvironment = try fixture.load(environment: [:])
        #expect(withoutEnvironment.tokens.first?.sha256 == TokenGrant.hashToken("intake-token-0123456789"))
    }

    @Test func endpointDescriptionHidesTheSecret() {
        let endpoint = WebhookEndpoint(id: EndpointID("gateway"), url: "https://sms.example/hooks", secretKey: Array(repeating: 65, count: 32))
        #expect(String(describing: endpoint) == "WebhookEndpoint(gateway, https://sms.example/hooks, secret: 32 bytes)")
    }
}
