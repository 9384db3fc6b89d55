import Foundation
import Testing
@testable import MentorlineCore

/// `RoutingEngine.decide`: walking the escalation policy level by level and round by round.
///
/// Fixture policy `standard`: level 1 the on-call schedule (10 min), level 2 the desk team (15 min).
/// Wednesday 2026-01-07 10:00: amira is on call; oksana (placement) ranks before mette (rules) at the desk.
@Suite struct RoutingEngineTests {
    let now = Fixtures.wednesdayMorning
    let amira = Fixtures.id("amira"), oksana = Fixtures.id("oksana"), mette = Fixtures.id("mette"), jonas = Fixtures.id("jonas")

    /// Decides again and again, as if every offer expired, until the case is no longer offered.
    func walk(
        roster: Roster, situation: RoutingSituation = Fixtures.situation(), limit: Int = 12
    ) throws -> (offers: [RoutingDecision.Offer], last: RoutingDecision) {
        var situation = situation
        var offers: [RoutingDecision.Offer] = []
        while true {
            let decision = RoutingEngine.decide(situation, roster: roster)
            guard case .offer(let offer) = decision else { return (offers, decision) }
            offers.append(offer)
            try #require(offers.count < limit, "the walk does not end")
            situation.progress = offer.progress
            situation.offeredBefore = true
        }
    }

    @Test func theFirstDecisionOffersTheOnCallMentorWithTheLevelsDeadline() throws {
        let offer = try expectOffer(RoutingEngine.decide(Fixtures.situation(), roster: Fixtures.roster()))
        #expect(offer.mentors == [amira])
        #expect(offer.deadline == now.addingTimeInterval(600))
        #expect(offer.strategy == .sequential)
        #expect(!offer.escalated)
        #expect(offer.progress == RoutingProgress(route: Fixtures.everything, policy: Fixtures.standard, level: 0, round: 0, offeredAtLevel: [amira]))
        #expect(offer.ranking.map(\.mentor) == [amira])
        #expect(offer.ranking[0].reasons.first == "on call in Mentorvagten")
    }

    @Test(arguments: [("2026-01-12", "07:59", "amira"), ("2026-01-12", "08:00", "jonas"), ("2026-01-19", "08:00", "amira")])
    func theOnCallMentorFollowsTheRotation(date: String, time: String, expected: String) throws {
        let offer = try expectOffer(RoutingEngine.decide(Fixtures.situation(now: Fixtures.at(date, time)), roster: Fixtures.roster()))
        #expect(offer.mentors == [MentorID(expected)])
    }

    @Test func aSequentialPolicyWalksItsLevelsThenTheCaseIsUnroutable() throws {
        let (offers, last) = try walk(roster: Fixtures.roster())
        #expect(offers.map(\.mentors) == [[amira], [oksana], [mette]])
        #expect(offers.map(\.progress.level) == [0, 1, 1])
        #expect(offers.map(\.progress.offeredAtLevel) == [[amira], [oksana], [oksana, mette]])
        #expect(offers.map(\.escalated) == [false, true, false])
        #expect(offers.map(\.deadline) == [now.addingTimeInterval(600), now.addingTimeInterval(900), now.addingTimeInterval(900)])
        let (reason, progress, ranking) = try expectUnroutable(last)
        #expect(reason == "every level of policy standard was tried once and nobody eligible is left")
        #expect(progress?.round == 1)
        #expect(progress?.policy == Fixtures.standard)
        // The ranking of the last level that had candidates, each with why they were passed over.
        #expect(ranking.map(\.mentor) == [oksana, mette])
        #expect(ranking.allSatisfy { !$0.eligible && $0.reasons.contains("excluded: already offered at this level") })
    }

    @Test func roundsRunThePolicyAgainAndNeverReofferToADecliner() throws {
        let (offers, last) = try walk(roster: Fixtures.roster(rounds: 2), situation: Fixtures.situation(declinedBy: [mette]))
        #expect(offers.map(\.mentors) == [[amira], [oksana], [amira], [oksana]])
        #expect(offers.map(\.progress.round) == [0, 0, 1, 1])
        #expect(offers.map(\.escalated) == [false, true, true, true])
        #expect(try expectUnroutable(last).reason == "every level of policy standard was tried 2 times and nobody eligible is left")
    }

    @Test func aNewRoundOfASingleLevelPolicyCountsAsEscalated() throws {
        let (offers, last) = try walk(roster: Fixtures.roster(levels: [Fixtures.level([.schedule(Fixtures.oncall)])], rounds: 3))
        #expect(offers.map(\.mentors) == [[amira], [amira], [amira]])
        #expect(offers.map(\.progress.level) == [0, 0, 0])
        #expect(offers.map(\.progress.round) == [0, 1, 2])
        #expect(offers.map(\.escalated) == [false, true, true])
        #expect(try expectUnroutable(last).reason == "every level of policy standard was tried 3 times and nobody eligible is left")
    }

    @Test func aLevelWithNobodyEligiblePassesToTheNextAndCountsAsEscalated() throws {
        let situation = Fixtures.situation(openTasks: [amira: 3])
        let offer = try expectOffer(RoutingEngine.decide(situation, roster: Fixtures.roster()))
        #expect(offer.mentors == [oksana])
        #expect(offer.progress.level == 1)
        #expect(offer.escalated)
        #expect(offer.deadline == now.addingTimeInterval(900))
        #expect(offer.ranking.map(\.mentor) == [oksana, mette])
    }

    @Test func aSimultaneousLevelOffersEveryEligibleMentorAtOnce() throws {
        let roster = Fixtures.roster(levels: [
            Fixtures.level([.team(Fixtures.desk), .schedule(Fixtures.oncall)], timeout: 300, strategy: .simultaneous),
            Fixtures.level([.mentor(jonas)]),
        ])
        let situation = Fixtures.situation(availability: [mette: .away, jonas: .off])
        let offer = try expectOffer(RoutingEngine.decide(situation, roster: roster))
        #expect(offer.strategy == .simultaneous)
        #expect(offer.mentors == [oksana, amira])
        #expect(offer.progress.offeredAtLevel == [oksana, amira])
        #expect(offer.deadline == now.addingTimeInterval(300))
        #expect(!offer.escalated)
        // When they all let it pass, the next level follows (jonas is off: nobody there).
        var next = situation
        next.progress = offer.progress
        next.offeredBefore = true
        let (_, progress, ranking) = try expectUnroutable(RoutingEngine.decide(next, roster: roster))
        #expect(progress?.round == 1)
        #expect(ranking.map(\.mentor) == [jonas])
    }

    @Test func aDeclinedSimultaneousOfferLeavesTheOthersAtTheLevelAndMovesOn() throws {
        let roster = Fixtures.roster(levels: [
            Fixtures.level([.team(Fixtures.desk)], strategy: .simultaneous),
            Fixtures.level([.schedule(Fixtures.oncall)]),
        ])
        let first = try expectOffer(RoutingEngine.decide(Fixtures.situation(), roster: roster))
        #expect(first.mentors == [oksana, mette])
        let next = try expectOffer(RoutingEngine.decide(
            Fixtures.situation(progress: first.progress, declinedBy: [oksana], offeredBefore: true), roster: roster
        ))
        #expect(next.mentors == [amira])
        #expect(next.progress.level == 1)
        #expect(next.escalated)
    }

    @Test func urgentCasesFollowTheRoutesUrgentPolicy() throws {
        var roster = Fixtures.roster(
            policies: [EscalationPolicy(id: PolicyID("fast"), levels: [Fixtures.level([.team(Fixtures.desk)], timeout: 120)])], rules: RoutingRules()
        )
        roster.routes[0].urgentPolicy = PolicyID("fast")
        let urgent = try expectOffer(RoutingEngine.decide(Fixtures.situation(Fixtures.intake(urgency: .urgent)), roster: roster))
        #expect(urgent.progress.policy == PolicyID("fast"))
        #expect(urgent.progress.route == Fixtures.everything)
        #expect(urgent.mentors == [oksana])
        #expect(urgent.deadline == now.addingTimeInterval(120))
        for urgency in [Urgency.routine, .soon] {
            let other = try expectOffer(RoutingEngine.decide(Fixtures.situation(Fixtures.intake(urgency: urgency)), roster: roster))
            #expect(other.progress.policy == Fixtures.standard)
            #expect(other.mentors == [amira])
        }
    }

    @Test(arguments: [
        (Urgency.urgent, 180 as Int?, 180),
        (Urgency.soon, 180, 600),
        (Urgency.routine, 180, 600),
        (Urgency.urgent, nil, 600),
    ] as [(Urgency, Int?, Int)])
    func theDeadlineUsesTheUrgentTimeoutForUrgentCases(urgency: Urgency, urgentTimeout: Int?, expectedSeconds: Int) throws {
        let roster = Fixtures.roster(levels: [Fixtures.level([.schedule(Fixtures.oncall)], timeout: 600, urgentTimeout: urgentTimeout)])
        let offer = try expectOffer(RoutingEngine.decide(Fixtures.situation(Fixtures.intake(urgency: urgency)), roster: roster))
        #expect(offer.deadline == now.addingTimeInterval(TimeInterval(expectedSeconds)))
    }

    @Test func routesAreTriedInOrder() {
        var roster = Fixtures.roster()
        roster.routes.insert(RouteRule(id: RouteID("company-rules"), match: RouteMatch(callerKinds: [.company], topics: [TopicID("rules")]), policy: Fixtures.standard), at: 0)
        #expect(roster.route(for: Fixtures.intake(topics: ["rules"]))?.id == RouteID("company-rules"))
        #expect(roster.route(for: Fixtures.intake(kind: .citizen, topics: ["rules"]))?.id == Fixtures.everything)
        #expect(roster.route(for: Fixtures.intake(topics: ["unheard-of"]))?.id == Fixtures.everything)
    }

    @Test func withoutAMatchingRouteTheCaseIsUnroutableAtOnce() throws {
        var roster = Fixtures.roster()
        roster.routes = [RouteRule(id: RouteID("citizens"), match: RouteMatch(callerKinds: [.citizen]), policy: Fixtures.standard)]
        let (reason, progress, ranking) = try expectUnroutable(RoutingEngine.decide(Fixtures.situation(), roster: roster))
        #expect(reason == "no route matches the case and the roster has no catch-all route")
        #expect(progress == nil)
        #expect(ranking.isEmpty)
    }

    @Test func aStoredProgressWhosePolicyVanishedRoutesAfreshKeepingItsWaits() throws {
        var stale = RoutingProgress(route: RouteID("gone"), policy: PolicyID("gone"), level: 3, round: 1, offeredAtLevel: [jonas])
        stale.waitedForContactPerson = true
        stale.waitedForOpening = true
        let offer = try expectOffer(RoutingEngine.decide(Fixtures.situation(progress: stale, offeredBefore: true), roster: Fixtures.roster()))
        #expect(offer.mentors == [amira])
        #expect(offer.progress == RoutingProgress(
            route: Fixtures.everything, policy: Fixtures.standard, level: 0, round: 0, offeredAtLevel: [amira],
            waitedForContactPerson: true, waitedForOpening: true
        ))
        #expect(!offer.escalated)
    }

    @Test func aStoredLevelBeyondAShortenedPolicyStartsTheNextRound() throws {
        let progress = Fixtures.progress(level: 5, offered: ["jonas"])
        let once = try expectUnroutable(RoutingEngine.decide(Fixtures.situation(progress: progress, offeredBefore: true), roster: Fixtures.roster()))
        #expect(once.progress?.round == 1)
        let twice = try expectOffer(RoutingEngine.decide(Fixtures.situation(progress: progress, offeredBefore: true), roster: Fixtures.roster(rounds: 2)))
        #expect(twice.mentors == [amira])
        #expect(twice.progress == Fixtures.progress(round: 1, offered: ["amira"]))
        #expect(twice.escalated)
    }

    /// Config rejects a policy without levels; a roster built without the config is still safe.
    @Test(arguments: [1, 3]) func aPolicyWithoutLevelsIsUnroutable(rounds: Int) throws {
        let roster = Fixtures.roster(levels: [], rounds: rounds)
        let (reason, _, ranking) = try expectUnroutable(RoutingEngine.decide(Fixtures.situation(), roster: roster))
        #expect(reason == "escalation policy standard is not in the roster or has no levels")
        #expect(ranking.isEmpty)
    }

    @Test func roundsBelowOneCountAsOne() throws {
        let (offers, last) = try walk(roster: Fixtures.roster(rounds: 0))
        #expect(offers.map(\.mentors) == [[amira], [oksana], [mette]])
        #expect(try expectUnroutable(last).reason.hasSuffix("tried once and nobody eligible is left"))
    }

    @Test func theContactPersonIsOfferedFirstWhenOnDuty() throws {
        let offer = try expectOffer(RoutingEngine.decide(Fixtures.situation(contactPerson: mette), roster: Fixtures.roster()))
        #expect(offer.mentors == [mette])
        #expect(offer.progress.level == 0)
        #expect(offer.progress.offeredAtLevel == [mette])
        // Had she let it pass, the on-call mentor is next at the same level.
        let next = try expectOffer(RoutingEngine.decide(
            Fixtures.situation(progress: offer.progress, contactPerson: mette, offeredBefore: true), roster: Fixtures.roster()
        ))
        #expect(next.mentors == [amira])
        #expect(!next.escalated)
    }

    @Test func progressStoredBeforeTheWaitFlagsDecodesAsNotWaited() throws {
        let json = #"{"route":"everything","policy":"standard","level":1,"round":0,"offeredAtLevel":["oksana"]}"#
        let progress = try JSONDecoder().decode(RoutingProgress.self, from: Data(json.utf8))
        #expect(progress == Fixtures.progress(level: 1, offered: ["oksana"]))
        var waited = progress
        waited.waitedForOpening = true
        let roundTrip = try JSONDecoder().decode(RoutingProgress.self, from: JSONEncoder().encode(waited))
        #expect(roundTrip == waited)
    }

    @Test func isAtStartOnlyBeforeAnythingWasTried() {
        #expect(Fixtures.progress().isAtStart)
        #expect(!Fixtures.progress(offered: ["amira"]).isAtStart)
        #expect(!Fixtures.progress(level: 1).isAtStart)
        #expect(!Fixtures.progress(round: 1).isAtStart)
    }
}
