import Foundation
import Testing
@testable import MentorlineCore

/// Waits before the first offer: for the contact person's next shift, and for the next opening when
/// nobody the policy names is on duty. Urgent cases never wait; no case waits twice for one reason.
@Suite struct RoutingWaitTests {
    let amira = Fixtures.id("amira"), jonas = Fixtures.id("jonas"), oksana = Fixtures.id("oksana"), mette = Fixtures.id("mette")

    // MARK: Contact person
    // jonas takes the on-call week from Monday 2026-01-12 08:00; until then amira is on call.

    let sundayEvening = Fixtures.at("2026-01-11", "20:00")
    let mondayHandoff = Fixtures.at("2026-01-12", "08:00")

    @Test func anOffDutyContactPersonIsWaitedForUntilTheirNextShift() throws {
        let situation = Fixtures.situation(contactPerson: jonas, now: sundayEvening)
        let wait = try expectWait(RoutingEngine.decide(situation, roster: Fixtures.roster()))
        #expect(wait.until == mondayHandoff)
        // The caller is promised contact once the mentor has had the first level's time to answer.
        #expect(wait.promise == mondayHandoff.addingTimeInterval(600))
        #expect(wait.reason == .contactPerson(jonas))
        #expect(wait.reason.description == "waiting for contact person jonas, who is off duty until their next shift")
        var expected = Fixtures.progress()
        expected.waitedForContactPerson = true
        #expect(wait.progress == expected)
        #expect(wait.ranking.map(\.mentor) == [jonas])
        #expect(!wait.ranking[0].eligible)
        #expect(wait.ranking[0].reasons == [
            "contact person", "excluded: off duty (not on call and outside working hours)", "speaks da", "covers 1 of 1 topics",
            "0 of 3 open tasks", "not offered a case before", "contact person: ranked first when eligible",
        ])
    }

    @Test func whenTheWaitIsOverTheContactPersonIsOffered() throws {
        let wait = try expectWait(RoutingEngine.decide(Fixtures.situation(contactPerson: jonas, now: sundayEvening), roster: Fixtures.roster()))
        let offer = try expectOffer(RoutingEngine.decide(
            Fixtures.situation(progress: wait.progress, contactPerson: jonas, now: wait.until), roster: Fixtures.roster()
        ))
        #expect(offer.mentors == [jonas])
        #expect(offer.progress.waitedForContactPerson)
        #expect(offer.progress.offeredAtLevel == [jonas])
    }

    @Test func aContactPersonStillOffDutyAfterTheWaitIsNotWaitedForTwice() throws {
        var progress = Fixtures.progress()
        progress.waitedForContactPerson = true
        let offer = try expectOffer(RoutingEngine.decide(
            Fixtures.situation(progress: progress, contactPerson: jonas, now: sundayEvening), roster: Fixtures.roster()
        ))
        #expect(offer.mentors == [amira])
    }

    @Test(arguments: [
        (24 * 3600, "2026-01-10", "20:00", false), // 36 hours away: beyond the bound
        (48 * 3600, "2026-01-10", "20:00", true),
        (13 * 3600, "2026-01-11", "20:00", true), // 12 hours away
        (11 * 3600, "2026-01-11", "20:00", false),
    ] as [(Int, String, String, Bool)])
    func theContactPersonIsWaitedForOnlyWithinTheBound(boundSeconds: Int, date: String, time: String, waits: Bool) throws {
        let roster = Fixtures.roster(rules: RoutingRules(contactPersonWait: .seconds(boundSeconds)))
        let decision = RoutingEngine.decide(Fixtures.situation(contactPerson: jonas, now: Fixtures.at(date, time)), roster: roster)
        if waits {
            #expect(try expectWait(decision).until == mondayHandoff)
        } else {
            #expect(try expectOffer(decision).mentors == [amira])
        }
    }

    @Test(arguments: [Urgency.routine, .soon])
    func routineAndSoonCasesWaitForTheContactPerson(urgency: Urgency) throws {
        let situation = Fixtures.situation(Fixtures.intake(urgency: urgency), contactPerson: jonas, now: sundayEvening)
        #expect(try expectWait(RoutingEngine.decide(situation, roster: Fixtures.roster())).reason == .contactPerson(jonas))
    }

    struct NoWait: Sendable, CustomTestStringConvertible {
        var name: String
        var change: @Sendable (inout RoutingSituation) -> Void
        var testDescription: String { name }
    }

    static let noContactPersonWait: [NoWait] = [
        NoWait(name: "urgent") { $0.intake = Fixtures.intake(urgency: .urgent) },
        NoWait(name: "offered before") { $0.offeredBefore = true },
        NoWait(name: "not at the start of the policy") { $0.progress = Fixtures.progress(level: 1) },
        NoWait(name: "contact person also away") { $0.availability[Fixtures.id("jonas")] = .away },
        NoWait(name: "contact person declined the case") { $0.declinedBy = [Fixtures.id("jonas")] },
        NoWait(name: "contact person at capacity") { $0.openTasks[Fixtures.id("jonas")] = 3 },
        NoWait(name: "contact person does not speak the language") { $0.intake = Fixtures.intake(language: "ar") },
        NoWait(name: "contact person on duty") { $0.now = Fixtures.at("2026-01-12", "09:00") },
        NoWait(name: "contact person not in the roster") { $0.contactPerson = Fixtures.id("left-in-2025") },
    ]

    @Test(arguments: noContactPersonWait)
    func theContactPersonIsNotWaitedFor(_ case: NoWait) throws {
        var situation = Fixtures.situation(contactPerson: jonas, now: sundayEvening)
        `case`.change(&situation)
        let decision = RoutingEngine.decide(situation, roster: Fixtures.roster())
        if case .wait(let wait) = decision { Issue.record("waited: \(wait.reason.description)") }
    }

    @Test func theContactPersonOfAnOfficeHoursTeamIsWaitedForUntilTheTeamOpens() throws {
        var roster = Fixtures.roster()
        roster.teams[Fixtures.desk]?.workingHours = Fixtures.officeHours()
        let thursdayEvening = Fixtures.at("2026-01-08", "17:00")
        let wait = try expectWait(RoutingEngine.decide(Fixtures.situation(contactPerson: oksana, now: thursdayEvening), roster: roster))
        #expect(wait.until == Fixtures.at("2026-01-09", "08:00"))
        #expect(wait.reason == .contactPerson(oksana))
        // Friday evening, the desk opens Monday: 63 hours is beyond the 24-hour bound, and amira is on call.
        let fridayEvening = Fixtures.at("2026-01-09", "17:00")
        #expect(try expectOffer(RoutingEngine.decide(Fixtures.situation(contactPerson: oksana, now: fridayEvening), roster: roster)).mentors == [amira])
    }

    // MARK: Next opening
    // Only the desk, open Monday to Friday 08:00–16:00.

    func deskOnly(openingWait hours: Int = 72) -> Roster {
        var roster = Fixtures.roster(levels: [Fixtures.level([.team(Fixtures.desk)])], rules: RoutingRules(openingWait: .seconds(hours * 3600)))
        roster.teams[Fixtures.desk]?.workingHours = Fixtures.officeHours()
        return roster
    }

    let fridayEvening = Fixtures.at("2026-01-09", "17:00")
    let mondayOpening = Fixtures.at("2026-01-12", "08:00")

    @Test func withNobodyOnDutyTheCaseWaitsForTheNextOpening() throws {
        let wait = try expectWait(RoutingEngine.decide(Fixtures.situation(now: fridayEvening), roster: deskOnly()))
        #expect(wait.until == mondayOpening)
        #expect(wait.promise == mondayOpening.addingTimeInterval(600))
        #expect(wait.reason == .nextOpening)
        #expect(wait.reason.description == "nobody the policy names is on duty now; waiting for the next opening")
        var expected = Fixtures.progress()
        expected.waitedForOpening = true
        #expect(wait.progress == expected)
        #expect(wait.ranking.map(\.mentor) == [oksana, mette])
        #expect(wait.ranking.allSatisfy { $0.reasons.contains("excluded: off duty (not on call and outside working hours)") })
    }

    @Test(arguments: [(Urgency.routine, 900), (.soon, 900)])
    func thePromiseOfAWaitUsesTheFirstLevelsNonUrgentTimeout(urgency: Urgency, seconds: Int) throws {
        var roster = Fixtures.roster(levels: [Fixtures.level([.team(Fixtures.desk)], timeout: seconds, urgentTimeout: 120)])
        roster.teams[Fixtures.desk]?.workingHours = Fixtures.officeHours()
        let opening = try expectWait(RoutingEngine.decide(Fixtures.situation(Fixtures.intake(urgency: urgency), now: fridayEvening), roster: roster))
        #expect(opening.promise == mondayOpening.addingTimeInterval(TimeInterval(seconds)))
        let contact = try expectWait(RoutingEngine.decide(
            Fixtures.situation(Fixtures.intake(urgency: urgency), contactPerson: oksana, now: Fixtures.at("2026-01-08", "17:00")), roster: roster
        ))
        #expect(contact.until == Fixtures.at("2026-01-09", "08:00"))
        #expect(contact.promise == Fixtures.at("2026-01-09", "08:00").addingTimeInterval(TimeInterval(seconds)))
    }

    @Test func whenTheOpeningComesTheCaseIsOffered() throws {
        let wait = try expectWait(RoutingEngine.decide(Fixtures.situation(now: fridayEvening), roster: deskOnly()))
        let offer = try expectOffer(RoutingEngine.decide(Fixtures.situation(progress: wait.progress, now: wait.until), roster: deskOnly()))
        #expect(offer.mentors == [oksana])
        #expect(offer.progress.waitedForOpening)
        #expect(!offer.escalated)
    }

    @Test func anOpeningBeyondTheBoundMakesTheCaseUnroutable() throws {
        let (reason, progress, ranking) = try expectUnroutable(RoutingEngine.decide(Fixtures.situation(now: fridayEvening), roster: deskOnly(openingWait: 48)))
        #expect(reason == "every level of policy standard was tried once and nobody eligible is left")
        #expect(progress?.waitedForOpening == false)
        #expect(ranking.map(\.mentor) == [oksana, mette])
    }

    @Test func urgentCasesNeverWaitForAnOpening() throws {
        let situation = Fixtures.situation(Fixtures.intake(urgency: .urgent), now: fridayEvening)
        _ = try expectUnroutable(RoutingEngine.decide(situation, roster: deskOnly()))
    }

    @Test func aCaseWaitsForAnOpeningOnlyOnce() throws {
        var progress = Fixtures.progress()
        progress.waitedForOpening = true
        _ = try expectUnroutable(RoutingEngine.decide(Fixtures.situation(progress: progress, now: fridayEvening), roster: deskOnly()))
    }

    @Test func aCaseOfferedBeforeDoesNotWaitForAnOpening() throws {
        _ = try expectUnroutable(RoutingEngine.decide(Fixtures.situation(offeredBefore: true, now: fridayEvening), roster: deskOnly()))
    }

    @Test func theOpeningWaitKeepsTheContactPersonWaitFlag() throws {
        var progress = Fixtures.progress()
        progress.waitedForContactPerson = true
        let wait = try expectWait(RoutingEngine.decide(Fixtures.situation(progress: progress, now: fridayEvening), roster: deskOnly()))
        #expect(wait.progress.waitedForContactPerson)
        #expect(wait.progress.waitedForOpening)
    }

    @Test func theNextOpeningCanBeAScheduleShiftAndTheEarliestWins() throws {
        // A Sunday-noon rotation that only begins on 2026-01-11: nobody is on call before.
        let weekend = Fixtures.schedule("weekend", name: "Weekendvagt", mentors: ["mette"], handoff: "12:00", start: "2026-01-11")
        var roster = Fixtures.roster(
            levels: [Fixtures.level([.team(Fixtures.desk)]), Fixtures.level([.schedule(weekend.id)])], schedules: [weekend], rules: RoutingRules()
        )
        roster.teams[Fixtures.desk]?.workingHours = Fixtures.officeHours()
        let wait = try expectWait(RoutingEngine.decide(Fixtures.situation(now: fridayEvening), roster: roster))
        #expect(wait.until == Fixtures.at("2026-01-11", "12:00"))
        #expect(wait.reason == .nextOpening)
        // On a Tuesday evening the desk opens first.
        let tuesdayEvening = Fixtures.at("2026-01-13", "18:00")
        roster.schedules[weekend.id] = Fixtures.schedule("weekend", name: "Weekendvagt", mentors: ["mette"], handoff: "12:00", start: "2026-01-17")
        #expect(try expectWait(RoutingEngine.decide(Fixtures.situation(now: tuesdayEvening), roster: roster)).until == Fixtures.at("2026-01-14", "08:00"))
    }

    @Test func namedMentorsAreNoOpening() throws {
        var roster = Fixtures.roster(levels: [Fixtures.level([.mentor(jonas)])], rules: RoutingRules())
        roster.schedules = [:] // jonas is then bound to nothing...
        let situation = Fixtures.situation(availability: [jonas: .off], now: fridayEvening) // ...but off.
        _ = try expectUnroutable(RoutingEngine.decide(situation, roster: roster))
    }

    /// ARCHITECTURE.md and the engine's own comment: a case waits for the next opening when nobody the
    /// policy names is *on duty*. The engine waits whenever nobody is *eligible*: here the desk is open
    /// and both members are at capacity, yet the case waits until the desk "opens" tomorrow at 08:00,
    /// with the reason "nobody the policy names is on duty now".
    @Test func mentorsOnDutyButBusyAreNotReportedAsNobodyOnDuty() throws {
        let situation = Fixtures.situation(openTasks: [oksana: 3, mette: 3])
        let decision = RoutingEngine.decide(situation, roster: deskOnly())
        do {
            if case .wait(let wait) = decision {
                Issue.record("waited until \(wait.until) because \(wait.reason.description)")
            }
        }
    }
}
