import Foundation
import MentorlineConfig
import MentorlineCore
import Testing

/// The configuration in the repository's `Config/` is the documented example and the development setup.
struct ShippedConfigurationTests {
    let configuration: MentorlineConfiguration

    init() throws {
        configuration = try ConfigurationLoader(directory: shippedConfigurationDirectory(), environment: [:]).load()
    }

    @Test func loadsCleanly() {
        #expect(configuration.roster.topics.count == 14)
        #expect(configuration.roster.mentors.count == 7)
        #expect(configuration.roster.routes.last?.match.isCatchAll == true)
        #expect(configuration.delivery.endpoints.count == 4)
        #expect(configuration.roster.rules.coordinator == MentorID("birgitte-holm"))
        #expect(configuration.roster.teams[TeamID("business-desk")]?.workingHours?.windows.count == 2)
        #expect(configuration.roster.policies[PolicyID("urgent")]?.levels.last?.strategy == .simultaneous)
        #expect(configuration.roster.routes.first { $0.id == RouteID("company-rules") }?.urgentPolicy == PolicyID("urgent"))
        #expect(configuration.roster.mentors[MentorID("amira-haddad")]?.contactMethods.map(\.delay) == [.zero, .seconds(300)])
        #expect(configuration.server.actionLinkKey?.count == 32)
    }

    @Test func theAdviceCafe() throws {
        let cafes = configuration.roster.cafes
        let cafe = try #require(cafes.cafes[CafeID("borgerhuset")])
        #expect(cafe.sessions.map(\.description) == ["tue 13:00–16:00", "thu 10:00–13:00"])
        #expect(cafe.slotLength == .seconds(1800) && cafe.minimumNotice == .seconds(7200) && cafe.horizon == .seconds(21 * 86400))
        #expect(cafe.holidays != nil)
        #expect(cafe.closures.map(\.reason) == ["sommerferie", "juleferie"])
        #expect(cafes.volunteers.count == 4)
        #expect(cafes.volunteers[VolunteerID("mette-olsen")]?.weekdays.isEmpty == true)
        #expect(cafes.talks.count == 2)
        #expect(!cafes.volunteersSeeNames)
        let route = try #require(configuration.roster.routes.first { $0.cafe != nil })
        #expect(route.id == RouteID("advice-cafe") && route.cafe == cafe.id && route.policy == PolicyID("standard"))
    }

    @Test func settings() {
        #expect(configuration.server.listen == ListenAddress(host: "127.0.0.1", port: 8080))
        #expect(configuration.server.publicURL == "http://127.0.0.1:8080")
        #expect(configuration.storage.databasePath == "var/mentorline.sqlite")
        #expect(configuration.timeZone.identifier == "Europe/Copenhagen")
        #expect(configuration.delivery.retry.delays == RetryPolicy.standard.delays)
        #expect(configuration.delivery.recipients == [
            .mentor: EndpointID("mentor-gateway"), .ops: EndpointID("ops-alerts"), .citizen: EndpointID("caller-gateway"),
            .company: EndpointID("caller-gateway"), .representative: EndpointID("caller-gateway"), .staff: EndpointID("caller-gateway"),
            .volunteer: EndpointID("mentor-gateway"),
        ])
        #expect(configuration.delivery.recipientsByEvent == [
            .citizen: [.caseReceipt: EndpointID("sms-gateway")], .representative: [.caseReceipt: EndpointID("sms-gateway")],
        ])
        #expect(configuration.delivery.endpoint(for: .ops)?.secretKey.count == 32)
        #expect(configuration.dispatch.batchSize == 256)
        #expect(configuration.retention == RetentionSettings(period: .seconds(180 * 86_400), runAt: WallClockTime("03:30")!))
    }

    @Test func deliveryLimitsAndEndpointHealth() throws {
        let delivery = configuration.delivery
        #expect(delivery.disableAfter == .seconds(3600))
        #expect(delivery.opsFallback == EndpointID("sms-gateway"))
        #expect(delivery.caFile == nil)
        let caller = try #require(delivery.endpoints[EndpointID("caller-gateway")])
        #expect(caller.timeout == .seconds(30))
        #expect(caller.concurrency == 8)
        #expect(caller.connectTimeout == .seconds(5))
        #expect(delivery.endpoints[EndpointID("ops-alerts")]?.concurrency == 4)
        #expect(delivery.endpoints[EndpointID("sms-gateway")]?.connectTimeout == .seconds(2))
        let mentor = try #require(delivery.endpoints[EndpointID("mentor-gateway")])
        #expect(mentor.timeout == .seconds(15))
        #expect(mentor.concurrency == 64)
        #expect(mentor.disableAfter == .seconds(3600))
        #expect(delivery.endpoints.values.allSatisfy { $0.secretKeys.count == 1 })
    }

    @Test func oneTokenPerMentorAndNoPlaintext() throws {
        let mentorTokens = configuration.tokens.compactMap { grant -> MentorID? in
            if case let .mentor(id) = grant.kind { return id }
            return nil
        }
        #expect(Set(mentorTokens) == Set(configuration.roster.mentors.keys))
        let admin = try #require(configuration.tokens.first { $0.kind == .admin })
        let text = try String(contentsOf: shippedConfigurationDirectory().appendingPathComponent("secrets/admin-dev.token"), encoding: .utf8)
        #expect(admin.sha256 == TokenGrant.hashToken(text))
        #expect(admin.name == "dev-admin")
    }

    /// The weekly layer hands off Mondays at 08:00; on weekday mornings 08:00–12:00 the business desk's
    /// daily layer covers on top of it.
    @Test func onCallScheduleRotatesWeeklyAtEightInCopenhagen() throws {
        let schedule = try #require(configuration.roster.schedules[ScheduleID("mentor-oncall")])
        func at(_ date: String, _ hour: Int, _ minute: Int = 0) -> Date {
            LocalDateTime(date: LocalDate(date)!, secondsIntoDay: hour * 3600 + minute * 60).instant(in: schedule.timeZone)
        }
        #expect(schedule.onCall(at: at("2026-01-12", 7, 59))?.mentor == MentorID("amira-haddad"))
        #expect(schedule.onCall(at: at("2026-01-12", 8))?.mentor == MentorID("mehmet-yilmaz"))
        #expect(schedule.onCall(at: at("2026-01-13", 11, 59))?.mentor == MentorID("jonas-kristensen"))
        #expect(schedule.onCall(at: at("2026-01-12", 12))?.mentor == MentorID("hodan-warsame"))
        #expect(schedule.onCall(at: at("2026-01-17", 10))?.mentor == MentorID("hodan-warsame"))
    }

    @Test func everyEscalationTargetResolves() {
        let roster = configuration.roster
        for policy in roster.policies.values {
            for level in policy.levels {
                #expect(!level.targets.isEmpty)
                for target in level.targets {
                    switch target {
                    case let .schedule(id): #expect(roster.schedules[id] != nil)
                    case let .team(id): #expect(roster.teams[id] != nil)
                    case let .mentor(id): #expect(roster.mentors[id] != nil)
                    }
                }
            }
        }
    }

    @Test func theLetterPolicyIsTheMunicipalitysDefault() {
        let standard = LetterRules.standard(timeZone: configuration.timeZone)
        #expect(configuration.letters == standard)
        #expect(configuration.letters.exemptions == [.caseReceipt: .seconds(900)])
        #expect(configuration.letters.representation == .instead)
    }

    @Test func everyEventTypeHasADanishTemplateAndSMSTextsFit() {
        for event in EventType.allCases {
            let text = configuration.texts.render(event, language: .danish, values: event.templateVariables)
            #expect(text.template == "\(event.rawValue).da.mustache")
            #expect(!text.text.isEmpty)
        }
        // Receipts go by SMS: the shipped limit is four concatenated messages.
        #expect(configuration.delivery.textLimit(for: .caseReceipt, roster: configuration.roster) == 612)
        #expect(configuration.delivery.textLimit(for: .caseAppointment, roster: configuration.roster) == nil)
    }
}
