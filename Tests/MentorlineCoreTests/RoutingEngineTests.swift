import Foundation
import Testing
@testable import MentorlineCore

@Suite struct RoutingEngineTests {
    // Monday 2026-01-05 08:00 starts amira's week; jonas has the week from 2026-01-12 08:00.
    let mondayMorning = Fixtures.at("2026-01-07", "10:00")

    func offer(_ decision: RoutingDecision) throws -> RoutingDecision.Offer {
        guard case .offer(let offer) = decision else {
            Issue.record("expected an offer, got \(decision)")
            throw CancellationError()
        }
        return offer
    }

    @Test func offersTheOnCallMentorFirstWithADeadlineFromTheLevel() throws {
        let roster = Fixtures.roster()
        let decision = RoutingEngine.decide(RoutingSituation(intake: Fixtures.intake(), progress: nil, now: mondayMorning), roster: roster)
        let offer = try offer(decision)
        #expect(offer.mentor == MentorID("amira"))
        #expect(offer.deadline == mondayMorning.addingTimeInterval(600))
        #expect(offer.progress == RoutingProgress(route: RouteID("everything"), policy: PolicyID("standard"), level: 0, round: 0, offeredAtLevel: [MentorID("amira")]))
        #expect(!offer.escalated)
        #expect(offer.ranking.first?.reasons.contains("on call in Mentorvagten") == true)
    }

    @Test func theRotationHandsOverAtEightOnMonday() throws {
        let roster = Fixtures.roster()
        let before = try offer(RoutingEngine.decide(RoutingSituation(intake: Fixtures.intake(), progress: nil, now: Fixtures.at("2026-01-12", "07:59")), roster: roster))
        let after = try offer(RoutingEngine.decide(RoutingSituation(intake: Fixtures.intake(), progress: nil, now: Fixtures.at("2026-01-12", "08:00")), roster: roster))
        #expect(before.mentor == MentorID("amira"))
        #expect(after.mentor == MentorID("jonas"))
    }

    @Test func whenTheOnCallMentorIsExhaustedTheNextLevelIsOffered() throws {
        let roster = Fixtures.roster()
        let first = try offer(RoutingEngine.decide(RoutingSituation(intake: Fixtures.intake(), progress: nil, now: mondayMorning), roster: roster))
        let second = try offer(RoutingEngine.decide(RoutingSituation(intake: Fixtures.intake(), progress: first.progress, now: mondayMorning), roster: roster))
        #expect(second.progress.level == 1)
        #expect(second.escalated)
        #expect(second.deadline == mondayMorning.addingTimeInterval(900))
        // Within the team: mette covers no placement topic, oksana does, so oksana ranks first.
        #expect(second.mentor == MentorID("oksana"))
        let third = try offer(RoutingEngine.decide(RoutingSituation(intake: Fixtures.intake(), progress: second.progress, now: mondayMorning), roster: roster))
        #expect(third.mentor == MentorID("mette"))
        #expect(!third.escalated)
    }

    @Test func afterTheLastLevelTheCaseIsUnroutableWithAReason() throws {
        let roster = Fixtures.roster()
        var progress: RoutingProgress?
        var offered: [MentorID] = []
        while case .offer(let offer) = RoutingEngine.decide(RoutingSituation(intake: Fixtures.intake(), progress: progress, now: mondayMorning), roster: roster) {
            offered.append(offer.mentor)
            progress = offer.progress
            #expect(offered.count < 10)
            if offered.count >= 10 { break }
        }
        #expect(offered == [MentorID("amira"), MentorID("oksana"), MentorID("mette")])
        let decision = RoutingEngine.decide(RoutingSituation(intake: Fixtures.intake(), progress: progress, now: mondayMorning), roster: roster)
        guard case .unroutable(let reason, _, _) = decision else {
            Issue.record("expected unroutable")
            return
        }
        #expect(reason.contains("standard"))
    }

    @Test func roundsRepeatThePolicyButNeverReofferToADecliner() throws {
        let roster = Fixtures.roster(rounds: 2)
        var progress: RoutingProgress?
        var offered: [MentorID] = []
        let declined: Set<MentorID> = [MentorID("mette")]
        while case .offer(let offer) = RoutingEngine.decide(
            RoutingSituation(intake: Fixtures.intake(), progress: progress, declinedBy: declined, now: mondayMorning), roster: roster
        ) {
            offered.append(offer.mentor)
            progress = offer.progress
            if offered.count >= 10 { break }
        }
        #expect(offered == [MentorID("amira"), MentorID("oksana"), MentorID("amira"), MentorID("oksana")])
    }

    @Test func mentorsAtCapacityAreSkippedAndSaySo() throws {
        let roster = Fixtures.roster()
        let situation = RoutingSituation(intake: Fixtures.intake(), progress: nil, openTasks: [MentorID("amira"): 3], now: mondayMorning)
        let offer = try offer(RoutingEngine.decide(situation, roster: roster))
        #expect(offer.mentor == MentorID("oksana"))
        #expect(offer.escalated)
        let amira = RoutingEngine.assess(
            level: roster.policies[PolicyID("standard")]!.levels[0], progress: RoutingProgress(route: RouteID("everything"), policy: PolicyID("standard")),
            situation: situation, roster: roster
        )
        #expect(amira.first?.eligible == false)
        #expect(amira.first?.reasons.contains("at capacity (3 of 3 open tasks)") == true)
    }

    @Test func languageThenTopicsThenLoadOrderTheCandidates() throws {
        let team = Team(id: TeamID("all"), name: "Alle", members: [MentorID("jonas"), MentorID("mette"), MentorID("amira")])
        var roster = Fixtures.roster(levels: [EscalationLevel(targets: [.team(TeamID("all"))], acknowledgementTimeout: .seconds(60))])
        roster.teams[team.id] = team
        // Arabic: amira speaks it, and wins even though she is last in the team.
        let arabic = try offer(RoutingEngine.decide(RoutingSituation(intake: Fixtures.intake(language: "ar"), progress: nil, now: mondayMorning), roster: roster))
        #expect(arabic.mentor == MentorID("amira"))
        // Rules: all speak Danish; mette covers the topic.
        let rules = try offer(RoutingEngine.decide(RoutingSituation(intake: Fixtures.intake(topics: ["rules"]), progress: nil, now: mondayMorning), roster: roster))
        #expect(rules.mentor == MentorID("mette"))
        // Placement, equal coverage for jonas and amira: the one with fewer open tasks wins.
        let load = try offer(RoutingEngine.decide(
            RoutingSituation(intake: Fixtures.intake(), progress: nil, openTasks: [MentorID("jonas"): 2, MentorID("amira"): 1], now: mondayMorning), roster: roster
        ))
        #expect(load.mentor == MentorID("amira"))
    }

    @Test func routesAreTriedInOrderAndTheCatchAllTakesTheRest() {
        var roster = Fixtures.roster()
        let urgent = EscalationPolicy(id: PolicyID("urgent"), levels: roster.policies[PolicyID("standard")]!.levels)
        roster.policies[urgent.id] = urgent
        roster.routes.insert(RouteRule(id: RouteID("urgent"), match: RouteMatch(urgencies: [.urgent]), policy: urgent.id), at: 0)
        #expect(roster.route(for: Fixtures.intake(urgency: .urgent))?.id == RouteID("urgent"))
        #expect(roster.route(for: Fixtures.intake(topics: ["unknown-topic"]))?.id == RouteID("everything"))
        roster.routes.removeLast()
        #expect(roster.route(for: Fixtures.intake()) == nil)
        guard case .unroutable = RoutingEngine.decide(RoutingSituation(intake: Fixtures.intake(), progress: nil, now: mondayMorning), roster: roster) else {
            Issue.record("a roster with no matching route must not offer")
            return
        }
    }

    @Test func aPolicyRemovedByAReloadStartsRoutingAfresh() throws {
        let roster = Fixtures.roster()
        let stale = RoutingProgress(route: RouteID("gone"), policy: PolicyID("gone"), level: 3, round: 1)
        let offer = try offer(RoutingEngine.decide(RoutingSituation(intake: Fixtures.intake(), progress: stale, now: mondayMorning), roster: roster))
        #expect(offer.progress.policy == PolicyID("standard"))
        #expect(offer.mentor == MentorID("amira"))
    }
}
