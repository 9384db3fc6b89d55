import Foundation
import MentorlineConfig
import MentorlineCore
import Testing

/// Each rejection of `roster.yaml`, located to the line and column. Line numbers refer to
/// ``ConfigFixture/minimalRoster`` when a test replaces a single line of it.
struct RosterValidationTests {
    @Test func minimalRosterLoads() throws {
        let configuration = try ConfigFixture().load()
        let amira = try #require(configuration.roster.mentors[MentorID("amira")])
        #expect(amira.languages == [LanguageCode.danish])
        #expect(configuration.roster.policies[PolicyID("standard")]?.rounds == 1)
        #expect(configuration.roster.routes.map(\.id) == [RouteID("everything")])
    }

    @Test func unknownKeyWithHint() {
        let fixture = ConfigFixture(roster: ConfigFixture.roster(replacing: "    topics: [placement]", with: "    topcis: [placement]"))
        #expect(fixture.errors() == [
            "roster.yaml:4:5: missing required key 'topics' in mentor",
            "roster.yaml:6:5: unknown key 'topcis' in mentor (did you mean 'topics'?)",
        ])
    }

    @Test func unknownKeyWithoutHint() {
        let fixture = ConfigFixture(roster: ConfigFixture.roster(replacing: "    capacity: 2", with: "    capacity: 2\n    shoe_size: 44"))
        #expect(fixture.errors() == ["roster.yaml:9:5: unknown key 'shoe_size' in mentor"])
    }

    @Test func wrongTypes() {
        let roster = """
            topics:
              - {id: placement, label: praktik}
            mentors:
              - id: amira
                name: [Amira, Haddad]
                topics: placement
                languages: [da]
                capacity: many
            escalation_policies: {}
            routes:
              - id: everything
                policy: standard
            """
        #expect(ConfigFixture(roster: roster).errors() == [
            "roster.yaml:5:11: expected a string for 'name', found a list",
            "roster.yaml:6:13: expected a list for 'topics', found 'placement'",
            "roster.yaml:8:15: expected an integer for 'capacity', found 'many'",
            "roster.yaml:9:22: expected a list for 'escalation_policies', found a mapping",
            "roster.yaml:12:13: unknown escalation policy 'standard'",
        ])
    }

    @Test func missingRequiredKeys() {
        let roster = """
            topics:
              - {id: placement}
            mentors:
              - id: amira
                topics: [placement]
                languages: [da]
            escalation_policies:
              - id: standard
                levels:
                  - targets: [{mentor: amira}]
                    ack_timeout: 10m
            """
        #expect(ConfigFixture(roster: roster).errors() == [
            "roster.yaml:1:1: missing required key 'routes' in the top level",
            "roster.yaml:2:5: missing required key 'label' in topic",
            "roster.yaml:4:5: missing required key 'name' in mentor",
            "roster.yaml:4:5: missing required key 'capacity' in mentor",
        ])
    }

    @Test func duplicateIDs() {
        let roster = """
            topics:
              - {id: placement, label: praktik}
              - {id: placement, label: praktik igen}
            mentors:
              - {id: amira, name: Amira Haddad, topics: [placement], languages: [da], capacity: 2}
              - {id: amira, name: Amira H., topics: [placement], languages: [da], capacity: 2}
            escalation_policies:
              - id: standard
                levels:
                  - targets: [{mentor: amira}]
                    ack_timeout: 10m
            routes:
              - {id: everything, policy: standard}
            """
        #expect(ConfigFixture(roster: roster).errors() == [
            "roster.yaml:3:10: duplicate topic id 'placement' (first defined at line 2)",
            "roster.yaml:6:10: duplicate mentor id 'amira' (first defined at line 5)",
        ])
    }

    @Test func invalidID() {
        let fixture = ConfigFixture(roster: ConfigFixture.roster(replacing: "  - id: amira", with: "  - id: Amira Haddad"))
        #expect(fixture.errors() == [
            "roster.yaml:4:9: invalid id 'Amira Haddad' for 'id' (use lower-case letters, digits, '-' and '_', starting with a letter or digit)",
            "roster.yaml:12:28: unknown mentor 'amira'",
        ])
    }

    @Test func danglingReferences() {
        let roster = """
            topics:
              - {id: placement, label: praktik}
            mentors:
              - {id: amira, name: Amira Haddad, topics: [placment], languages: [da], capacity: 2, endpoint: sms}
            teams:
              - {id: business-desk, name: Virksomhedsservice, members: [amira, jonas]}
            schedules:
              - id: oncall
                layers:
                  - {rotation: weekly, handoff: "08:00", start: 2026-01-05, mentors: [amira, amria]}
            escalation_policies:
              - id: standard
                levels:
                  - targets: [{schedule: on-call}, {team: business-desk}, {mentor: amira}]
                    ack_timeout: 10m
            routes:
              - {id: everything, policy: standrad}
            """
        #expect(ConfigFixture(roster: roster).errors() == [
            "roster.yaml:4:46: unknown topic 'placment' (did you mean 'placement'?)",
            "roster.yaml:4:97: unknown endpoint 'sms'",
            "roster.yaml:6:68: unknown mentor 'jonas'",
            "roster.yaml:10:82: unknown mentor 'amria' (did you mean 'amira'?)",
            "roster.yaml:14:30: unknown schedule 'on-call' (did you mean 'oncall'?)",
            "roster.yaml:17:30: unknown escalation policy 'standrad' (did you mean 'standard'?)",
        ])
    }

    @Test func badDurationsTimeZonesDatesAndTimes() {
        let roster = """
            topics:
              - {id: placement, label: praktik}
            mentors:
              - {id: amira, name: Amira Haddad, topics: [placement], languages: [da], capacity: 2}
            schedules:
              - id: oncall
                time_zone: Europe/Kopenhagen
                layers:
                  - {rotation: fortnightly, handoff: "8:00", start: 2026-02-30, mentors: [amira]}
            escalation_policies:
              - id: standard
                levels:
                  - targets: [{mentor: amira}]
                    ack_timeout: 10 minutes
            routes:
              - {id: everything, policy: standard}
            """
        #expect(ConfigFixture(roster: roster).errors() == [
            "roster.yaml:7:16: unknown time zone 'Europe/Kopenhagen' (did you mean 'Europe/Copenhagen'?)",
            "roster.yaml:9:20: invalid rotation 'fortnightly' (expected daily, weekly, a number of days such as 3d or of hours such as 12h)",
            "roster.yaml:9:42: invalid time '8:00' for 'handoff' (expected HH:MM, e.g. \"08:00\")",
            "roster.yaml:9:57: invalid date '2026-02-30' for 'start' (expected YYYY-MM-DD, e.g. 2026-01-05)",
            "roster.yaml:14:22: invalid duration '10 minutes' for 'ack_timeout' (expected a positive whole number with a unit ms, s, m, h or d, e.g. 30s)",
        ])
    }

    @Test(arguments: [("daily", Rotation.days(1)), ("weekly", .days(7)), ("3d", .days(3)), ("1d", .days(1)), ("12h", .hours(12))])
    func rotations(text: String, expected: Rotation) throws {
        let roster = ConfigFixture.roster(replacing: "escalation_policies:", with: """
            schedules:
              - {id: oncall, layers: [{rotation: \(text), handoff: "08:00", start: 2026-01-05, mentors: [amira]}]}
            escalation_policies:
            """)
        let configuration = try ConfigFixture(roster: roster).load()
        let schedule = try #require(configuration.roster.schedules[ScheduleID("oncall")])
        #expect(schedule.layers.first?.rotation == expected)
        #expect(schedule.timeZone.identifier == "Europe/Copenhagen")
        #expect(schedule.name == "oncall")
    }

    @Test func zeroDayRotation() {
        let roster = ConfigFixture.roster(replacing: "escalation_policies:", with: """
            schedules:
              - {id: oncall, layers: [{rotation: 0d, handoff: "08:00", start: 2026-01-05, mentors: [amira]}]}
            escalation_policies:
            """)
        #expect(ConfigFixture(roster: roster).errors() == [
            "roster.yaml:10:38: invalid rotation '0d' (expected daily, weekly, a number of days such as 3d or of hours such as 12h)",
        ])
    }

    @Test func badLanguageCodes() {
        let fixture = ConfigFixture(roster: ConfigFixture.roster(replacing: "    languages: [da]", with: "    languages: [da, danish, \"\"]"))
        #expect(fixture.errors() == [
            "roster.yaml:7:21: invalid language code 'danish' (expected a two- or three-letter ISO 639 code such as 'da')",
            "roster.yaml:7:29: expected a string for 'languages', found ''",
        ])
    }

    @Test func capacityAndRoundsAtLeastOne() {
        var roster = ConfigFixture.roster(replacing: "    capacity: 2", with: "    capacity: 0")
        roster = roster.replacingOccurrences(of: "    levels:", with: "    rounds: 0\n    levels:")
        #expect(ConfigFixture(roster: roster).errors() == [
            "roster.yaml:8:15: 'capacity' must be at least 1, found 0",
            "roster.yaml:11:13: 'rounds' must be at least 1, found 0",
        ])
    }

    @Test func escalationLevelWithoutTargets() {
        let fixture = ConfigFixture(roster: ConfigFixture.roster(replacing: "      - targets: [{mentor: amira}]", with: "      - targets: []"))
        #expect(fixture.errors() == ["roster.yaml:12:18: escalation level has no targets"])
    }

    @Test func escalationTargetNamesExactlyOneKind() {
        let fixture = ConfigFixture(roster: ConfigFixture.roster(replacing: "      - targets: [{mentor: amira}]", with: "      - targets: [{mentor: amira, team: desk}, {mentro: amira}]"))
        #expect(fixture.errors() == [
            "roster.yaml:12:19: an escalation target names exactly one of 'schedule', 'team' or 'mentor'",
            "roster.yaml:12:48: an escalation target names exactly one of 'schedule', 'team' or 'mentor'",
            "roster.yaml:12:49: unknown key 'mentro' in escalation target (did you mean 'mentor'?)",
        ])
    }

    @Test func lastRouteMustBeCatchAll() {
        let fixture = ConfigFixture(roster: ConfigFixture.roster(replacing: "  - id: everything", with: "  - id: everything\n    match: {topics: [placement]}"))
        #expect(fixture.errors() == [
            "roster.yaml:15:5: the last route must be a catch-all (a route without 'match') so that every case has a route",
        ])
    }

    @Test func routeAfterCatchAllIsNeverReached() {
        let roster = ConfigFixture.minimalRoster + """

              - id: placements
                match: {topics: [placement]}
                policy: standard
              - id: second-catch-all
                match: {}
                policy: standard
            """
        #expect(ConfigFixture(roster: roster).errors() == [
            "roster.yaml:17:5: route 'placements' is never reached: the catch-all route 'everything' (line 15) before it matches every case",
            "roster.yaml:20:5: route 'second-catch-all' is never reached: the catch-all route 'everything' (line 15) before it matches every case",
        ])
    }

    @Test func routeMatchValues() throws {
        let roster = ConfigFixture.roster(replacing: "routes:", with: """
            routes:
              - id: urgent-companies
                match: {caller_kinds: [company, citizen], topics: [placement], urgency: [urgent, soon], languages: [da, ar]}
                policy: standard
            """)
        let configuration = try ConfigFixture(roster: roster).load()
        let match = try #require(configuration.roster.routes.first?.match)
        #expect(match == RouteMatch(callerKinds: [.company, .citizen], topics: [TopicID("placement")], urgencies: [.urgent, .soon], languages: [LanguageCode("da")!, LanguageCode("ar")!]))
        #expect(configuration.roster.routes.last?.match.isCatchAll == true)
    }

    @Test func routeMatchUnknownValues() {
        let fixture = ConfigFixture(roster: ConfigFixture.roster(replacing: "  - id: everything", with: """
              - id: odd
                match: {caller_kinds: [compnay], urgency: [critical], mood: [calm]}
                policy: standard
              - id: everything
            """))
        #expect(fixture.errors() == [
            "roster.yaml:16:28: unknown caller kind 'compnay' (expected company, citizen, representative or staff) (did you mean 'company'?)",
            "roster.yaml:16:48: unknown urgency 'critical' (expected routine, soon or urgent)",
            "roster.yaml:16:59: unknown key 'mood' in route match",
        ])
    }

    @Test func emptyTeamAndLayer() {
        let roster = ConfigFixture.roster(replacing: "escalation_policies:", with: """
            teams:
              - {id: desk, name: Virksomhedsservice, members: []}
            schedules:
              - {id: oncall, layers: []}
            escalation_policies:
            """)
        #expect(ConfigFixture(roster: roster).errors() == [
            "roster.yaml:10:51: a team needs at least one member",
            "roster.yaml:12:26: a schedule needs at least one layer",
        ])
    }
}
