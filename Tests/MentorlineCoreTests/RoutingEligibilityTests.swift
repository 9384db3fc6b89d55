import Foundation
import Testing
@testable import MentorlineCore

/// Who may be offered a case at a level, and why: `RoutingEngine.assess` and `Roster.duty`.
///
/// The fixture roster at Wednesday 2026-01-07 10:00: amira is on call in Mentorvagten (jonas has the
/// next week); the desk team (mette: rules; oksana: placement, speaks Ukrainian) has no working hours.
@Suite struct RoutingEligibilityTests {
    let now = Fixtures.wednesdayMorning
    let deskLevel = Fixtures.level([.team(Fixtures.desk)])

    func assess(
        _ level: EscalationLevel, roster: Roster = Fixtures.roster(), progress: RoutingProgress = Fixtures.progress(),
        situation: RoutingSituation = Fixtures.situation()
    ) -> [CandidateAssessment] {
        RoutingEngine.assess(level: level, progress: progress, situation: situation, roster: roster)
    }

    func candidate(_ mentor: String, in ranking: [CandidateAssessment], sourceLocation: SourceLocation = #_sourceLocation) throws -> CandidateAssessment {
        try #require(ranking.first { $0.mentor == Fixtures.id(mentor) }, "\(mentor) is not a candidate", sourceLocation: sourceLocation)
    }

    // MARK: Reasons of the eligible

    @Test func anEligibleTeamMemberCarriesAReasonForEveryRule() throws {
        let oksana = try candidate("oksana", in: assess(deskLevel))
        #expect(oksana.eligible)
        #expect(oksana.reasons == [
            "member of Virksomhedsservice", "not bound to a schedule or working hours", "speaks da", "covers 1 of 1 topics",
            "0 of 3 open tasks", "not offered a case before",
        ])
    }

    @Test func theOnCallMentorIsNotToldTwiceWhyTheyAreOnDuty() throws {
        let ranking = assess(Fixtures.level([.schedule(Fixtures.oncall)]))
        #expect(ranking.map(\.mentor) == [Fixtures.id("amira")])
        #expect(ranking[0].eligible)
        #expect(ranking[0].reasons == ["on call in Mentorvagten", "speaks da", "covers 1 of 1 topics", "0 of 3 open tasks", "not offered a case before"])
    }

    @Test func aNamedMentorSaysWhichPolicyNamedThem() throws {
        let ranking = assess(Fixtures.level([.mentor(Fixtures.id("mette"))]), situation: Fixtures.situation(Fixtures.intake(topics: ["rules"])))
        #expect(ranking.map(\.mentor) == [Fixtures.id("mette")])
        #expect(ranking[0].reasons.first == "named in policy standard")
        #expect(ranking[0].eligible)
    }

    @Test func lastOfferAndLoadAreQuotedInMinutesAndTasks() throws {
        let situation = Fixtures.situation(openTasks: [Fixtures.id("oksana"): 2], lastOfferedAt: [Fixtures.id("oksana"): now.addingTimeInterval(-25 * 60 - 30)])
        let oksana = try candidate("oksana", in: assess(deskLevel, situation: situation))
        #expect(oksana.eligible)
        #expect(oksana.reasons.contains("2 of 3 open tasks"))
        #expect(oksana.reasons.contains("last offered a case 25 min ago"))
        #expect(!oksana.reasons.contains("not offered a case before"))
    }

    @Test func insideAnOfficeHoursTeamsWorkingHoursTheReasonNamesTheTeam() throws {
        var roster = Fixtures.roster()
        roster.teams[Fixtures.desk]?.workingHours = Fixtures.officeHours()
        let oksana = try candidate("oksana", in: assess(deskLevel, roster: roster))
        #expect(oksana.eligible)
        #expect(oksana.reasons.contains("inside Virksomhedsservice's working hours"))
    }

    // MARK: Every exclusion

    struct Exclusion: Sendable, CustomTestStringConvertible {
        var name: String
        var mentor: String = "oksana"
        var reason: String
        var roster: @Sendable (inout Roster) -> Void = { _ in }
        var situation: @Sendable (inout RoutingSituation) -> Void = { _ in }
        var progress = Fixtures.progress()
        var testDescription: String { name }
    }

    static let exclusions: [Exclusion] = [
        Exclusion(
            name: "outside the office-hours team's working hours", reason: "excluded: off duty (not on call and outside working hours)",
            roster: { $0.teams[Fixtures.desk]?.workingHours = Fixtures.officeHours() },
            situation: { $0.now = Fixtures.at("2026-01-10", "10:00") } // a Saturday
        ),
        Exclusion(
            name: "in a schedule but not on call", mentor: "jonas", reason: "excluded: off duty (not on call and outside working hours)",
            roster: { $0.teams[Fixtures.desk]?.members.append(Fixtures.id("jonas")) }
        ),
        Exclusion(name: "away", reason: "excluded: has set themselves away", situation: { $0.availability[Fixtures.id("oksana")] = .away }),
        Exclusion(name: "off", reason: "excluded: has set themselves off", situation: { $0.availability[Fixtures.id("oksana")] = .off }),
        Exclusion(name: "does not speak the language", reason: "excluded: does not speak ar", situation: { $0.intake = Fixtures.intake(language: "ar") }),
        Exclusion(
            name: "coverage all, a topic missing", reason: "excluded: does not cover rules (every topic is required)",
            roster: { $0.rules.topicCoverage = .all }, situation: { $0.intake = Fixtures.intake(topics: ["placement", "rules"]) }
        ),
        Exclusion(
            name: "at capacity", reason: "excluded: at capacity (3 of 3 open tasks)", situation: { $0.openTasks[Fixtures.id("oksana")] = 3 }
        ),
        Exclusion(
            name: "over capacity after a reload", reason: "excluded: at capacity (5 of 3 open tasks)",
            situation: { $0.openTasks[Fixtures.id("oksana")] = 5 }
        ),
        Exclusion(name: "declined this case", reason: "excluded: declined this case", situation: { $0.declinedBy = [Fixtures.id("oksana")] }),
        Exclusion(name: "already offered at this level", reason: "excluded: already offered at this level", progress: Fixtures.progress(level: 1, offered: ["oksana"])),
    ]

    @Test(arguments: exclusions)
    func everyExclusionIsNamedAndMakesTheCandidateIneligible(_ exclusion: Exclusion) throws {
        var roster = Fixtures.roster()
        exclusion.roster(&roster)
        var situation = Fixtures.situation(progress: exclusion.progress)
        exclusion.situation(&situation)
        let ranking = assess(deskLevel, roster: roster, progress: exclusion.progress, situation: situation)
        let assessed = try candidate(exclusion.mentor, in: ranking)
        #expect(!assessed.eligible)
        #expect(assessed.reasons.contains(exclusion.reason))
        #expect(assessed.reasons.filter { $0.hasPrefix("excluded:") } == [exclusion.reason], "only the rule under test excludes")
        // The ineligible are listed after every eligible candidate.
        let firstIneligible = ranking.firstIndex { !$0.eligible } ?? ranking.endIndex
        #expect(!ranking[firstIneligible...].contains { $0.eligible })
        // And the decision never offers them.
        if case .offer(let offer) = RoutingEngine.decide(situation, roster: roster) {
            #expect(!offer.mentors.contains(Fixtures.id(exclusion.mentor)))
        }
    }

    @Test func severalExclusionsAreAllListed() throws {
        let situation = Fixtures.situation(
            Fixtures.intake(language: "ar"), declinedBy: [Fixtures.id("oksana")], openTasks: [Fixtures.id("oksana"): 3],
            availability: [Fixtures.id("oksana"): .off]
        )
        let oksana = try candidate("oksana", in: assess(deskLevel, situation: situation))
        #expect(!oksana.eligible)
        #expect(oksana.reasons.filter { $0.hasPrefix("excluded:") } == [
            "excluded: has set themselves off", "excluded: does not speak ar", "excluded: at capacity (3 of 3 open tasks)",
            "excluded: declined this case",
        ])
    }

    @Test func bestCoverageRanksButDoesNotExclude() throws {
        let situation = Fixtures.situation(Fixtures.intake(topics: ["placement", "rules"]))
        let ranking = assess(deskLevel, situation: situation)
        #expect(ranking.allSatisfy { $0.eligible })
        #expect(try candidate("oksana", in: ranking).reasons.contains("covers 1 of 2 topics"))
        #expect(try candidate("mette", in: ranking).reasons.contains("covers 1 of 2 topics"))
    }

    @Test func topicsOutsideTheTaxonomyAreIgnoredEvenWhenEveryTopicIsRequired() throws {
        var roster = Fixtures.roster()
        roster.rules.topicCoverage = .all
        let ranking = assess(deskLevel, roster: roster, situation: Fixtures.situation(Fixtures.intake(topics: ["placement", "unheard-of"])))
        let oksana = try candidate("oksana", in: ranking)
        #expect(oksana.eligible)
        #expect(oksana.reasons.contains("covers 1 of 1 topics"))
        #expect(try !candidate("mette", in: ranking).eligible)
    }

    @Test func aCaseWithoutKnownTopicsSaysNothingAboutCoverage() throws {
        var roster = Fixtures.roster()
        roster.rules.topicCoverage = .all
        let oksana = try candidate("oksana", in: assess(deskLevel, roster: roster, situation: Fixtures.situation(Fixtures.intake(topics: []))))
        #expect(oksana.eligible)
        #expect(!oksana.reasons.contains { $0.hasPrefix("covers") })
    }

    // MARK: Duty

    @Test(arguments: [
        ("amira", "2026-01-07", "10:00", Duty.onDuty(because: "on call in Mentorvagten")),
        ("jonas", "2026-01-07", "10:00", Duty.offDuty),
        ("jonas", "2026-01-12", "07:59", Duty.offDuty),
        ("jonas", "2026-01-12", "08:00", Duty.onDuty(because: "on call in Mentorvagten")),
        ("amira", "2026-01-12", "08:00", Duty.offDuty),
        ("oksana", "2026-01-10", "03:00", Duty.onDuty(because: "not bound to a schedule or working hours")),
        ("mette", "2026-01-07", "10:00", Duty.onDuty(because: "not bound to a schedule or working hours")),
    ])
    func dutyFollowsTheScheduleAndUnboundMentorsAreAlwaysOnDuty(mentor: String, date: String, time: String, expected: Duty) {
        #expect(Fixtures.roster().duty(of: Fixtures.id(mentor), at: Fixtures.at(date, time), overrides: []) == expected)
    }

    @Test(arguments: [
        ("2026-01-07", "07:59", Duty.offDuty),
        ("2026-01-07", "08:00", Duty.onDuty(because: "inside Virksomhedsservice's working hours")),
        ("2026-01-07", "15:59", Duty.onDuty(because: "inside Virksomhedsservice's working hours")),
        ("2026-01-07", "16:00", Duty.offDuty),
        ("2026-01-10", "10:00", Duty.offDuty),
    ])
    func anOfficeHoursTeamBindsItsMembersToItsHours(date: String, time: String, expected: Duty) {
        var roster = Fixtures.roster()
        roster.teams[Fixtures.desk]?.workingHours = Fixtures.officeHours()
        #expect(roster.duty(of: Fixtures.id("oksana"), at: Fixtures.at(date, time), overrides: []) == expected)
    }

    @Test func onCallOrInsideWorkingHoursEitherPutsAMentorOnDuty() {
        var roster = Fixtures.roster()
        roster.teams[Fixtures.desk] = Team(id: Fixtures.desk, name: "Virksomhedsservice", members: [Fixtures.id("jonas")], workingHours: Fixtures.officeHours())
        let jonas = Fixtures.id("jonas")
        // Not on call this week, but inside the desk's hours.
        #expect(roster.duty(of: jonas, at: now, overrides: []) == .onDuty(because: "inside Virksomhedsservice's working hours"))
        #expect(roster.duty(of: jonas, at: Fixtures.at("2026-01-10", "10:00"), overrides: []) == .offDuty)
        // On call the next week, on a Saturday too.
        #expect(roster.duty(of: jonas, at: Fixtures.at("2026-01-17", "10:00"), overrides: []) == .onDuty(because: "on call in Mentorvagten"))
    }

    @Test func aTeamWithoutWorkingHoursDoesNotBindItsMembers() {
        var roster = Fixtures.roster()
        roster.teams[Fixtures.desk]?.members.append(Fixtures.id("jonas"))
        // jonas is in the schedule, so the hour-less desk does not make him on duty off his shift.
        #expect(roster.duty(of: Fixtures.id("jonas"), at: now, overrides: []) == .offDuty)
    }

    @Test func anOverridePutsItsMentorOnCall() {
        let roster = Fixtures.roster()
        let override = ScheduleOverride(
            id: OverrideID("ovr_1"), schedule: Fixtures.oncall, mentor: Fixtures.id("jonas"), start: Fixtures.at("2026-01-07", "09:00"),
            end: Fixtures.at("2026-01-07", "12:00"), createdAt: now, createdBy: "admin:test"
        )
        #expect(roster.duty(of: Fixtures.id("jonas"), at: now, overrides: [override]) == .onDuty(because: "on call in Mentorvagten"))
        #expect(roster.duty(of: Fixtures.id("amira"), at: now, overrides: [override]) == .offDuty)
        let ranking = assess(Fixtures.level([.schedule(Fixtures.oncall)]), situation: {
            var situation = Fixtures.situation()
            situation.overrides = [override]
            return situation
        }())
        #expect(ranking.map(\.mentor) == [Fixtures.id("jonas")])
    }

    /// An otherwise unbound mentor (always on duty) who agrees to cover one window by an override
    /// should stay on duty outside it; `Schedule.involves` counts the override as binding them to the
    /// schedule, so they are off duty everywhere else until the override is over.
    @Test func coveringOneOverrideDoesNotTakeAnUnboundMentorOffDutyElsewhere() {
        let roster = Fixtures.roster()
        let override = ScheduleOverride(
            id: OverrideID("ovr_1"), schedule: Fixtures.oncall, mentor: Fixtures.id("oksana"), start: Fixtures.at("2026-01-09", "18:00"),
            end: Fixtures.at("2026-01-10", "08:00"), createdAt: now, createdBy: "admin:test"
        )
        do {
            #expect(roster.duty(of: Fixtures.id("oksana"), at: now, overrides: [override]) == .onDuty(because: "not bound to a schedule or working hours"))
        }
    }

    @Test func aNamedMentorBoundToNothingIsOnDutyAtAnyHour() throws {
        let saturdayNight = Fixtures.situation(now: Fixtures.at("2026-01-10", "03:00"))
        let ranking = assess(Fixtures.level([.mentor(Fixtures.id("oksana"))]), situation: saturdayNight)
        #expect(ranking.count == 1)
        #expect(ranking[0].eligible)
        #expect(ranking[0].reasons.prefix(2) == ["named in policy standard", "speaks da"])
        #expect(!ranking[0].reasons.contains { $0.contains("off duty") })
    }

    /// A mentor the policy names directly is offered whatever their schedule says.
    @Test func aNamedMentorIsOnDutyEvenWhenTheyAlsoTakeTurnsInASchedule() throws {
        let ranking = assess(Fixtures.level([.mentor(Fixtures.id("jonas"))]))
        let jonas = try candidate("jonas", in: ranking)
        do {
            #expect(jonas.eligible)
            #expect(!jonas.reasons.contains("excluded: off duty (not on call and outside working hours)"))
        }
    }

    // MARK: Candidates

    @Test func theContactPersonJoinsTheFirstLevelOfTheFirstRoundOnly() throws {
        let situation = Fixtures.situation(contactPerson: Fixtures.id("oksana"))
        let scheduleLevel = Fixtures.level([.schedule(Fixtures.oncall)])
        let first = assess(scheduleLevel, situation: situation)
        #expect(first.map(\.mentor) == [Fixtures.id("oksana"), Fixtures.id("amira")])
        #expect(first[0].eligible)
        #expect(first[0].reasons.first == "contact person for this caller")
        #expect(first[0].reasons.last == "contact person: ranked first when eligible")
        #expect(assess(scheduleLevel, progress: Fixtures.progress(level: 1), situation: situation).map(\.mentor) == [Fixtures.id("amira")])
        #expect(assess(scheduleLevel, progress: Fixtures.progress(round: 1), situation: situation).map(\.mentor) == [Fixtures.id("amira")])
    }

    @Test func aContactPersonTheLevelAlsoNamesIsListedOnceAsContactPerson() throws {
        let ranking = assess(deskLevel, situation: Fixtures.situation(contactPerson: Fixtures.id("mette")))
        #expect(ranking.map(\.mentor) == [Fixtures.id("mette"), Fixtures.id("oksana")])
        #expect(ranking[0].reasons.first == "contact person for this caller")
    }

    @Test func aContactPersonNoLongerInTheRosterIsNotACandidate() {
        let ranking = assess(deskLevel, situation: Fixtures.situation(contactPerson: Fixtures.id("left-in-2025")))
        #expect(ranking.map(\.mentor) == [Fixtures.id("oksana"), Fixtures.id("mette")])
    }

    @Test func targetsThatResolveToNobodyAddNoCandidates() {
        let level = Fixtures.level([.schedule(ScheduleID("gone")), .team(TeamID("gone")), .mentor(Fixtures.id("gone")), .team(Fixtures.desk)])
        #expect(assess(level).map(\.mentor) == [Fixtures.id("oksana"), Fixtures.id("mette")])
        let beforeTheRotationStarts = Fixtures.situation(now: Fixtures.at("2026-01-01", "10:00"))
        #expect(assess(Fixtures.level([.schedule(Fixtures.oncall)]), situation: beforeTheRotationStarts).isEmpty)
    }

    @Test func aMentorNamedByTwoTargetsIsAssessedOnce() {
        let level = Fixtures.level([.schedule(Fixtures.oncall), .mentor(Fixtures.id("amira")), .team(Fixtures.desk), .mentor(Fixtures.id("oksana"))])
        let ranking = assess(level)
        #expect(ranking.map(\.mentor) == [Fixtures.id("amira"), Fixtures.id("oksana"), Fixtures.id("mette")])
        #expect(ranking[0].reasons.first == "on call in Mentorvagten")
    }
}
