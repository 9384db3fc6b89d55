import Foundation
import Testing
@testable import MentorlineCore

/// The order of eligible candidates: contact person, then more topics covered, then fewer open tasks,
/// then longest since their last offer (never counts as longest), then the policy's order.
@Suite struct RoutingRankingTests {
    static let now = Fixtures.wednesdayMorning

    struct Ranking: Sendable, CustomTestStringConvertible {
        var name: String
        var order = ["anna", "bo", "carl"]
        var topics: [String: [String]] = [:]
        var openTasks: [String: Int] = [:]
        var lastOfferedMinutesAgo: [String: Int] = [:]
        var away: [String] = []
        var contactPerson: String?
        var expected: [String]
        var testDescription: String { name }
    }

    static let rankings: [Ranking] = [
        Ranking(name: "all equal: the policy's order", expected: ["anna", "bo", "carl"]),
        Ranking(name: "all equal, other team order", order: ["carl", "anna", "bo"], expected: ["carl", "anna", "bo"]),
        Ranking(name: "more topics covered first", topics: ["anna": ["placement"], "bo": ["placement", "rules"], "carl": []], expected: ["bo", "anna", "carl"]),
        Ranking(name: "fewer open tasks first", openTasks: ["anna": 2, "bo": 0, "carl": 1], expected: ["bo", "carl", "anna"]),
        Ranking(name: "longest since the last offer first", lastOfferedMinutesAgo: ["anna": 5, "bo": 60, "carl": 30], expected: ["bo", "carl", "anna"]),
        Ranking(name: "never offered counts as longest", lastOfferedMinutesAgo: ["anna": 5, "bo": 60 * 24 * 365], expected: ["carl", "bo", "anna"]),
        Ranking(
            name: "coverage outranks load", topics: ["anna": ["placement", "rules"], "bo": ["placement"], "carl": ["placement"]],
            openTasks: ["anna": 2, "bo": 0, "carl": 0], expected: ["anna", "bo", "carl"]
        ),
        Ranking(
            name: "load outranks the last offer", openTasks: ["anna": 0, "bo": 1, "carl": 1], lastOfferedMinutesAgo: ["anna": 1, "carl": 90],
            expected: ["anna", "bo", "carl"]
        ),
        Ranking(
            name: "the contact person outranks coverage, load and rotation", topics: ["carl": []], openTasks: ["carl": 2],
            lastOfferedMinutesAgo: ["carl": 1], contactPerson: "carl", expected: ["carl", "anna", "bo"]
        ),
        Ranking(name: "an ineligible contact person is not first", away: ["carl"], contactPerson: "carl", expected: ["anna", "bo", "carl"]),
        Ranking(
            name: "the ineligible come last, whatever their coverage", topics: ["anna": ["placement", "rules"]], away: ["anna"],
            expected: ["bo", "carl", "anna"]
        ),
    ]

    @Test(arguments: rankings)
    func eligibleCandidatesAreRanked(_ ranking: Ranking) throws {
        let mentors = ["anna", "bo", "carl"].map { Fixtures.mentor($0, topics: ranking.topics[$0] ?? ["placement"]) }
        let pool = Team(id: TeamID("pool"), name: "Puljen", members: ranking.order.map(MentorID.init))
        let roster = Fixtures.roster(mentors: mentors, levels: [Fixtures.level([.team(pool.id)])], teams: [pool], rules: RoutingRules())
        let situation = Fixtures.situation(
            Fixtures.intake(topics: ["placement", "rules"]),
            openTasks: Dictionary(uniqueKeysWithValues: ranking.openTasks.map { (MentorID($0.key), $0.value) }),
            lastOfferedAt: Dictionary(uniqueKeysWithValues: ranking.lastOfferedMinutesAgo.map {
                (MentorID($0.key), Self.now.addingTimeInterval(-60 * Double($0.value)))
            }),
            availability: Dictionary(uniqueKeysWithValues: ranking.away.map { (MentorID($0), Availability.away) }),
            contactPerson: ranking.contactPerson.map(MentorID.init)
        )
        let assessed = RoutingEngine.assess(level: roster.policies[Fixtures.standard]!.levels[0], progress: Fixtures.progress(), situation: situation, roster: roster)
        #expect(assessed.map(\.mentor.rawValue) == ranking.expected)
        #expect(assessed.map(\.eligible) == ranking.expected.map { !ranking.away.contains($0) })

        // A sequential level offers the best of them.
        let offer = try expectOffer(RoutingEngine.decide(situation, roster: roster))
        #expect(offer.mentors == [MentorID(ranking.expected[0])])
        #expect(offer.ranking == assessed)
    }
}
