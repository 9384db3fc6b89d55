import Foundation
import MentorlineConfig
@testable import MentorlineCore
import Testing

/// The routing-depth keys of roster.yaml and mentorline.yaml: the routing section, contact methods,
/// working hours, layer restrictions, level strategies, urgent policies and action links.
@Suite struct RoutingConfigurationTests {
    static let full = """
        topics:
          - {id: placement, label: praktik}
        mentors:
          - id: amira
            name: Amira Haddad
            topics: [placement]
            languages: [da]
            capacity: 2
            notify:
              - {endpoint: gateway, address: "teams:amira"}
              - {endpoint: gateway, address: "+4520000001", after: 5m}
            urgent_notify:
              - {endpoint: gateway, address: "+4520000001"}
          - {id: birgitte, name: Birgitte Holm, topics: [placement], languages: [da], capacity: 9}
        teams:
          - id: desk
            name: Virksomhedsservice
            members: [amira]
            working_hours:
              - {days: [mon-thu], from: "08:00", to: "16:00"}
              - {days: [fri], from: "08:00", to: "13:00"}
        schedules:
          - id: oncall
            layers:
              - name: dagvagt
                rotation: 12h
                handoff: "08:00"
                start: 2026-01-05
                mentors: [amira]
                restrictions: [{days: [mon, wed-fri], from: "22:00", to: "06:00"}]
        escalation_policies:
          - id: standard
            levels:
              - {targets: [{schedule: oncall}], ack_timeout: 10m, urgent_ack_timeout: 2m}
              - {targets: [{team: desk}], ack_timeout: 10m, strategy: simultaneous}
          - id: urgent
            levels:
              - {targets: [{mentor: amira}], ack_timeout: 1m}
        routes:
          - id: everything
            policy: standard
            urgent_policy: urgent
        routing:
          coordinator: birgitte
          topic_coverage: all
          contact_person_wait: 12h
          opening_wait: 3d
          promise_alert_lead: 2m
        """

    @Test func everyRoutingKeyIsRead() throws {
        var fixture = ConfigFixture(roster: Self.full)
        fixture.settings += "\nserver:\n  action_links: {secret_file: secrets/hook.secret, valid_for: 2h}\n"
        let configuration = try fixture.load()
        let roster = configuration.roster
        #expect(roster.rules == RoutingRules(
            coordinator: MentorID("birgitte"), topicCoverage: .all, contactPersonWait: .seconds(12 * 3600), openingWait: .seconds(3 * 86400),
            promiseAlertLead: .seconds(120)
        ))
        let amira = try #require(roster.mentors[MentorID("amira")])
        #expect(amira.contactMethods == [
            ContactMethod(endpoint: EndpointID("gateway"), address: "teams:amira"),
            ContactMethod(endpoint: EndpointID("gateway"), address: "+4520000001", delay: .seconds(300)),
        ])
        #expect(amira.contactMethods(for: .urgent) == [ContactMethod(endpoint: EndpointID("gateway"), address: "+4520000001")])
        let hours = try #require(roster.teams[TeamID("desk")]?.workingHours)
        #expect(hours.windows.map(\.days) == [[.monday, .tuesday, .wednesday, .thursday], [.friday]])
        #expect(hours.timeZone.identifier == "Europe/Copenhagen")
        let layer = try #require(roster.schedules[ScheduleID("oncall")]?.layers.first)
        #expect(layer.name == "dagvagt")
        #expect(layer.rotation == .hours(12))
        #expect(layer.restrictions == [WeeklyWindow(days: [.monday, .wednesday, .thursday, .friday], from: WallClockTime("22:00")!, to: WallClockTime("06:00")!)])
        let levels = try #require(roster.policies[PolicyID("standard")]?.levels)
        #expect(levels.map(\.strategy) == [.sequential, .simultaneous])
        #expect(levels[0].timeout(for: .urgent) == .seconds(120))
        #expect(levels[0].timeout(for: .soon) == .seconds(600))
        #expect(roster.routes.first?.policy(for: .urgent) == PolicyID("urgent"))
        #expect(roster.routes.first?.policy(for: .routine) == PolicyID("standard"))
        #expect(configuration.server.actionLinkKey?.count == 32)
        #expect(configuration.server.actionLinkValidity == .seconds(7200))
    }

    @Test func mistakesAreReportedWithTheirPlace() {
        let broken = Self.full
            .replacingOccurrences(of: "coordinator: birgitte", with: "coordinator: bodil")
            .replacingOccurrences(of: "topic_coverage: all", with: "topic_coverage: most")
            .replacingOccurrences(of: "strategy: simultaneous", with: "strategy: parallel")
            .replacingOccurrences(of: "urgent_policy: urgent", with: "urgent_policy: fast")
            .replacingOccurrences(of: "{days: [fri], from: \"08:00\", to: \"13:00\"}", with: "{days: [fredag], from: \"08:00\", to: \"13\"}")
            .replacingOccurrences(of: "address: \"+4520000001\", after: 5m}", with: "after: 5m}")
        let errors = ConfigFixture(roster: broken).errors()
        #expect(errors.contains { $0.hasPrefix("roster.yaml:") && $0.contains("unknown mentor 'bodil'") })
        #expect(errors.contains { $0.contains("invalid topic coverage 'most'") || $0.contains("'most'") })
        #expect(errors.contains { $0.contains("'parallel'") })
        #expect(errors.contains { $0.contains("unknown escalation policy 'fast'") })
        #expect(errors.contains { $0.contains("invalid weekday 'fredag'") })
        #expect(errors.contains { $0.contains("invalid time '13' for 'to'") })
        #expect(errors.contains { $0.contains("'address'") })
        #expect(errors.allSatisfy { $0.range(of: #"^roster\.yaml:\d+:\d+: "#, options: .regularExpression) != nil })
    }

    @Test func contactMethodsMustBeInOrderOfTheirDelays() {
        let unordered = Self.full.replacingOccurrences(
            of: "- {endpoint: gateway, address: \"teams:amira\"}", with: "- {endpoint: gateway, address: \"teams:amira\", after: 10m}"
        )
        #expect(ConfigFixture(roster: unordered).errors().contains { $0.contains("contact methods must be listed in order of 'after'") })
    }

    @Test func callerRecipientsAreOptionalButMentorAndOpsAreNot() {
        var fixture = ConfigFixture()
        fixture.settings = fixture.settings.replacingOccurrences(of: "recipients: {mentor: gateway, ops: gateway}", with: "recipients: {mentor: gateway, citizen: nowhere}")
        let errors = fixture.errors()
        #expect(errors.contains { $0.contains("'ops'") })
        #expect(errors.contains { $0.contains("unknown endpoint 'nowhere'") })
    }
}
