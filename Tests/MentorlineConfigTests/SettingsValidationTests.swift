import Foundation
import MentorlineConfig
import MentorlineCore
import Testing

/// Each rejection of `mentorline.yaml`, and the defaults of what it leaves out.
struct SettingsValidationTests {
    @Test func defaultsForEverythingLeftOut() throws {
        let configuration = try ConfigFixture().load()
        #expect(configuration.server.listen == ConfigurationDefaults.listen)
        #expect(configuration.server.publicURL == "http://127.0.0.1:8080")
        #expect(configuration.storage == StorageSettings(stateDirectory: "var", databaseFile: "mentorline.sqlite"))
        #expect(configuration.timeZone.identifier == "Europe/Copenhagen")
        #expect(configuration.delivery.retry == RetryPolicy.standard)
        #expect(configuration.delivery.connectTimeout == .seconds(5))
        #expect(configuration.delivery.requestTimeout == .seconds(15))
        #expect(configuration.delivery.maxInFlight == 64)
        #expect(configuration.dispatch.batchSize == 256)
        #expect(configuration.tokens.isEmpty)
        #expect(configuration.delivery.endpoint(for: .mentor)?.secretKey == Array(0..<32))
    }

    @Test func everySettingRead() throws {
        let settings = """
            server:
              listen: "[::1]:9000"
              public_url: https://mentor.kolding.dk/
            storage: {state_directory: /var/lib/mentorline, database: cases.sqlite}
            time_zone: Europe/Berlin
            delivery:
              endpoints:
                - {id: gateway, url: https://sms.example/hooks, secret_file: secrets/hook.secret}
              recipients: {mentor: gateway, ops: gateway}
              retry_schedule: [500ms, 1m]
              retry_jitter: 0
              max_retry_after: 2h
              connect_timeout: 2s
              request_timeout: 30s
              max_in_flight: 8
            dispatch: {batch_size: 10}
            """
        let configuration = try ConfigFixture(settings: settings).load()
        #expect(configuration.server.listen == ListenAddress(host: "::1", port: 9000))
        #expect(configuration.server.publicURL == "https://mentor.kolding.dk")
        #expect(configuration.storage.databasePath == "/var/lib/mentorline/cases.sqlite")
        #expect(configuration.timeZone.identifier == "Europe/Berlin")
        #expect(configuration.delivery.retry == RetryPolicy(delays: [.milliseconds(500), .seconds(60)], jitter: 0, maximumRetryAfter: .seconds(7200)))
        #expect(configuration.delivery.connectTimeout == .seconds(2))
        #expect(configuration.delivery.requestTimeout == .seconds(30))
        #expect(configuration.delivery.maxInFlight == 8)
        #expect(configuration.dispatch.batchSize == 10)
        #expect(configuration.delivery.endpoints[EndpointID("gateway")]?.url == "https://sms.example/hooks")
    }

    @Test(arguments: [
        ("127.0.0.1:8080", ListenAddress(host: "127.0.0.1", port: 8080)),
        ("0.0.0.0:0", ListenAddress(host: "0.0.0.0", port: 0)),
        ("localhost:65535", ListenAddress(host: "localhost", port: 65535)),
        ("[::]:443", ListenAddress(host: "::", port: 443)),
    ])
    func listenAddresses(text: String, expected: ListenAddress) {
        #expect(ListenAddress(parsing: text) == expected)
    }

    @Test(arguments: ["127.0.0.1", ":8080", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1", "::1:80", "[::1]80", "host:http"])
    func invalidListenAddresses(text: String) {
        #expect(ListenAddress(parsing: text) == nil)
    }

    @Test func unknownKeysWrongTypesAndBadValues() {
        let settings = """
            sever:
              listen: 127.0.0.1:8080
            server:
              listen: localhost
              public_url: mentor.kolding.dk
            time_zone: Copenhagen
            delivery:
              endpoints:
                - {id: gateway, url: http://127.0.0.1:8099/hooks, secret_file: secrets/hook.secret}
              recipients: {mentor: gateway, ops: gateway}
              retry_schedule: [5s, 0s, soon]
              retry_jitter: 2
              connect_timeout: 5
              max_in_flight: 0
            dispatch: {batch_size: lots}
            """
        #expect(ConfigFixture(settings: settings).errors() == [
            "mentorline.yaml:1:1: unknown key 'sever' in the top level (did you mean 'server'?)",
            "mentorline.yaml:4:11: invalid listen address 'localhost' (expected HOST:PORT with a port 0-65535, e.g. 127.0.0.1:8080)",
            "mentorline.yaml:5:15: 'public_url' must be an absolute http or https URL, found 'mentor.kolding.dk'",
            "mentorline.yaml:6:12: unknown time zone 'Copenhagen' (did you mean 'Europe/Copenhagen'?)",
            "mentorline.yaml:11:24: invalid duration '0s' for 'retry_schedule' (expected a positive whole number with a unit ms, s, m, h or d, e.g. 30s)",
            "mentorline.yaml:11:28: invalid duration 'soon' for 'retry_schedule' (expected a positive whole number with a unit ms, s, m, h or d, e.g. 30s)",
            "mentorline.yaml:12:17: 'retry_jitter' must be between 0 and 1, found 2.0",
            "mentorline.yaml:13:20: invalid duration '5' for 'connect_timeout' (expected a positive whole number with a unit ms, s, m, h or d, e.g. 30s)",
            "mentorline.yaml:14:18: 'max_in_flight' must be at least 1, found 0",
            "mentorline.yaml:15:24: expected an integer for 'batch_size', found 'lots'",
        ])
    }

    @Test func deliveryIsRequired() {
        #expect(ConfigFixture(settings: "time_zone: Europe/Copenhagen").errors() == [
            "mentorline.yaml:1:1: missing required key 'delivery' in the top level",
        ])
    }

    @Test func endpointsAndRecipients() {
        let settings = """
            delivery:
              endpoints:
                - {id: gateway, url: ftp://files.example/hooks, secret_file: secrets/hook.secret}
                - {id: gateway, url: "https://user:pa55word@x", secret_file: secrets/hook.secret}
                - {id: ops, url: /hooks/ops, secret_file: secrets/hook.secret}
              recipients: {mentor: gateway, ops: opps, coordinator: gateway}
            """
        let errors = ConfigFixture(settings: settings).errors()
        #expect(errors == [
            "mentorline.yaml:3:26: endpoint url must be an absolute http or https URL",
            "mentorline.yaml:4:12: duplicate endpoint id 'gateway' (first defined at line 3)",
            "mentorline.yaml:5:22: endpoint url must be an absolute http or https URL",
            "mentorline.yaml:6:38: unknown endpoint 'opps' (did you mean 'ops'?)",
            "mentorline.yaml:6:44: unknown key 'coordinator' in recipients",
        ])
        #expect(!errors.joined().contains("pa55word"))
    }

    @Test func letterPolicySectionsAreReadAndCheckedWithTheirLines() throws {
        let good = ConfigFixture.minimalSettings + """

            letters:
              citizens:
                quiet: [{from: sat 00:00, to: mon 00:00}]
                daily_window: {from: "09:00", to: "15:00"}
                holidays: {christmas_eve: false}
                closed_dates: [2026-12-28]
              companies: {holidays: false}
              exempt: [{event: case.appointment, within: 5m}]
              representative: copy
              reminder_lead: 2d
            """
        let letters = try ConfigFixture(settings: good).load().letters
        #expect(letters.citizens.quietSpans.map(\.description) == ["sat 00:00–mon 00:00"])
        #expect(letters.citizens.dailyWindow?.description == "09:00–15:00")
        #expect(letters.citizens.holidays.customDays == [.constitutionDay, .newYearsEve])
        #expect(letters.citizens.closedDates == [LocalDate(year: 2026, month: 12, day: 28)!])
        #expect(letters.companies.holidays.enabled == false)
        #expect(letters.exemptions == [.caseAppointment: .seconds(300)])
        #expect(letters.representation == .copy)
        #expect(letters.reminderLead == .seconds(172_800))

        let bad = ConfigFixture.minimalSettings + """

            letters:
              citizens:
                quiet: [{from: fri 12:00, to: fri 12:00}]
                daily_window: {from: "17:00", to: "08:00"}
                closed_dates: [2026-13-01]
              exempt: [{event: task.offered, within: 15m}]
              representative: sometimes
            """
        #expect(ConfigFixture(settings: bad).errors() == [
            "mentorline.yaml:7:13: invalid quiet period 'fri 12:00' to 'fri 12:00' (expected a weekday and a time each, such as from: fri 12:00, to: mon 08:00, and two different moments)",
            "mentorline.yaml:8:19: 'daily_window' must end after it starts on the same day, found 17:00–08:00",
            "mentorline.yaml:9:20: invalid date '2026-13-01' in 'closed_dates' (expected YYYY-MM-DD)",
            "mentorline.yaml:10:12: 'task.offered' is not a message to citizens or companies; only those can be exempt",
            "mentorline.yaml:11:19: unknown representative mode 'sometimes' (expected instead or copy)",
        ])
    }

    @Test func aTemplateProblemIsReportedAtItsFileAndLine() {
        var fixture = ConfigFixture()
        fixture.files["templates/case.receipt.da.mustache"] = "Tak for din henvendelse.\nSagsnummer: {{case_idd}}.\n"
        #expect(fixture.errors() == [
            "templates/case.receipt.da.mustache:2:1: unknown variable 'case_idd' (did you mean 'case_id'?)",
        ])
    }

    @Test func aTemplateTooLongForItsEndpointIsRefused() {
        var fixture = ConfigFixture()
        fixture.settings = fixture.settings.replacingOccurrences(of: "secret_file: secrets/hook.secret}", with: "secret_file: secrets/hook.secret, max_text_length: 40}")
        let errors = fixture.errors()
        #expect(errors.contains { $0.hasPrefix("templates/task.offered.da.mustache:1:1: renders to ") && $0.hasSuffix("the channel allows 40") })
        // Caller-facing templates have no endpoint in this fixture, so no limit applies to them.
        #expect(!errors.contains { $0.hasPrefix("templates/case.receipt") })
    }

    @Test func missingRecipient() {
        let settings = ConfigFixture.minimalSettings.replacingOccurrences(of: "{mentor: gateway, ops: gateway}", with: "{mentor: gateway}")
        #expect(ConfigFixture(settings: settings).errors() == [
            "mentorline.yaml:4:15: missing required key 'ops' in recipients",
        ])
    }

    @Test func mentorEndpointMustExist() {
        let fixture = ConfigFixture(roster: ConfigFixture.roster(replacing: "    capacity: 2", with: "    capacity: 2\n    endpoint: teams-bridge"))
        #expect(fixture.errors() == ["roster.yaml:9:15: unknown endpoint 'teams-bridge'"])
    }

    @Test func collectsErrorsFromEveryFileInOnePass() {
        let fixture = ConfigFixture(
            settings: ConfigFixture.minimalSettings + "\ndispatch: {batch_size: 0}",
            roster: ConfigFixture.roster(replacing: "    capacity: 2", with: "    capacity: -1")
        )
        #expect(fixture.errors() == [
            "mentorline.yaml:5:24: 'batch_size' must be at least 1, found 0",
            "roster.yaml:8:15: 'capacity' must be at least 1, found -1",
        ])
    }

    @Test func yamlSyntaxErrorIsLocated() {
        let fixture = ConfigFixture(roster: ConfigFixture.roster(replacing: "    topics: [placement]", with: "    topics: [placement"))
        let errors = fixture.errors()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("roster.yaml:7:") == true)
        #expect(errors.first?.contains("YAML syntax error") == true)
    }

    @Test func duplicateKeyIsLocated() {
        let fixture = ConfigFixture(roster: ConfigFixture.roster(replacing: "    capacity: 2", with: "    capacity: 2\n    capacity: 3"))
        #expect(fixture.errors() == ["roster.yaml:8:5: duplicate key 'capacity' in the same mapping"])
    }

    @Test func missingRosterFile() {
        var fixture = ConfigFixture()
        fixture.writesRoster = false
        #expect(fixture.errors() == ["roster.yaml:1:1: file not found"])
    }

    @Test func errorDescriptions() {
        let error = ConfigurationError(file: "roster.yaml", line: 12, column: 5, message: "unknown key 'topcis' in mentor")
        #expect(error.description == "roster.yaml:12:5: unknown key 'topcis' in mentor")
        let errors = ConfigurationErrors(errors: [error, ConfigurationError(file: "mentorline.yaml", line: 1, column: 1, message: "x")])
        #expect(errors.description == "roster.yaml:12:5: unknown key 'topcis' in mentor\nmentorline.yaml:1:1: x")
    }
}
