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
        #expect(configuration.roster.mentors.count == 6)
        #expect(configuration.roster.routes.last?.match.isCatchAll == true)
        #expect(configuration.delivery.endpoints.count == 2)
    }

    @Test func settings() {
        #expect(configuration.server.listen == ListenAddress(host: "127.0.0.1", port: 8080))
        #expect(configuration.server.publicURL == "http://127.0.0.1:8080")
        #expect(configuration.storage.databasePath == "var/mentorline.sqlite")
        #expect(configuration.timeZone.identifier == "Europe/Copenhagen")
        #expect(configuration.delivery.retry.delays == RetryPolicy.standard.delays)
        #expect(configuration.delivery.recipients == [.mentor: EndpointID("mentor-gateway"), .ops: EndpointID("ops-alerts")])
        #expect(configuration.delivery.endpoint(for: .ops)?.secretKey.count == 32)
        #expect(configuration.dispatch.batchSize == 256)
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

    @Test func onCallScheduleRotatesWeeklyAtEightInCopenhagen() throws {
        let schedule = try #require(configuration.roster.schedules[ScheduleID("mentor-oncall")])
        let zone = schedule.timeZone
        let mondayBeforeEight = LocalDateTime(date: LocalDate("2026-01-12")!, secondsIntoDay: 7 * 3600 + 59 * 60).instant(in: zone)
        let mondayAtEight = LocalDateTime(date: LocalDate("2026-01-12")!, secondsIntoDay: 8 * 3600).instant(in: zone)
        #expect(schedule.onCall(at: mondayBeforeEight) == MentorID("amira-haddad"))
        #expect(schedule.onCall(at: mondayAtEight) == MentorID("hodan-warsame"))
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
}
