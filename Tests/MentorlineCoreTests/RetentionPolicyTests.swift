import Foundation
import Testing
@testable import MentorlineCore

/// Which cases are due for erasure, to the second: the clock is a parameter.
@Suite struct RetentionPolicyTests {
    let policy = RetentionPolicy.standard
    let day: TimeInterval = 86_400
    /// Resolved on a Monday morning in Copenhagen.
    let closed = Fixtures.at("2026-01-05", "10:00")

    func candidate(_ state: CaseState, closedAt: Date?, erasedAt: Date? = nil, pending: Int = 0) -> RetentionCandidate {
        RetentionCandidate(caseID: CaseID("case_1"), state: state, closedAt: closedAt, erasedAt: erasedAt, pendingMessages: pending)
    }

    @Test func theStandardPeriodIs180Days() {
        #expect(policy.seconds == 180 * day)
        #expect(policy.cutoff(at: closed.addingTimeInterval(180 * day)) == closed)
        #expect(policy.dueDate(closedAt: closed) == closed.addingTimeInterval(180 * day))
    }

    @Test func aResolvedCaseIsErasedExactly180DaysAfterItClosedAndNotASecondBefore() {
        let resolved = candidate(.resolved, closedAt: closed)
        let due = closed.addingTimeInterval(180 * day)
        #expect(policy.verdict(for: resolved, at: due.addingTimeInterval(-1)) == .keep(until: due))
        #expect(policy.verdict(for: resolved, at: due) == .erase)
        #expect(policy.verdict(for: resolved, at: due.addingTimeInterval(1)) == .erase)
        #expect(policy.verdict(for: resolved, at: closed) == .keep(until: due))
    }

    @Test(arguments: [CaseState.received, .routing, .offered, .waiting, .accepted, .unroutable])
    func anOpenCaseIsNeverErasedHoweverOld(state: CaseState) {
        let ancient = closed.addingTimeInterval(-10 * 365 * day)
        #expect(policy.verdict(for: candidate(state, closedAt: nil), at: closed) == .open)
        // Even with a closing time left over, an open state wins: the case is being worked on.
        #expect(policy.verdict(for: candidate(state, closedAt: ancient), at: closed) == .open)
    }

    @Test func aReopenedCaseIsOpenAndItsPeriodStartsOverWhenItClosesAgain() {
        // Resolved long ago, reopened: the store clears its closing time.
        let reopened = candidate(.accepted, closedAt: nil)
        #expect(policy.verdict(for: reopened, at: closed.addingTimeInterval(400 * day)) == .open)
        // Resolved again 100 days after the first closing: due 180 days after that, not after the first.
        let closedAgain = closed.addingTimeInterval(100 * day)
        let resolvedAgain = candidate(.resolved, closedAt: closedAgain)
        #expect(policy.verdict(for: resolvedAgain, at: closed.addingTimeInterval(181 * day)) == .keep(until: closedAgain.addingTimeInterval(180 * day)))
        #expect(policy.verdict(for: resolvedAgain, at: closedAgain.addingTimeInterval(180 * day)) == .erase)
    }

    @Test func aClosedStateIsEveryStateThatIsNotOpen() {
        // Cases close by resolution; a cancellation state, when added, is closed by `isOpen` and so
        // falls under the same rule without touching it.
        #expect(CaseState.allCases.filter { !$0.isOpen } == [.resolved])
    }

    @Test func messagesStillWaitingForDeliveryHoldADueCaseBack() {
        let due = closed.addingTimeInterval(200 * day)
        #expect(policy.verdict(for: candidate(.resolved, closedAt: closed, pending: 2), at: due) == .deliveryPending(messages: 2))
        // Not yet due: the period is the reason, not the messages.
        let early = closed.addingTimeInterval(day)
        #expect(policy.verdict(for: candidate(.resolved, closedAt: closed, pending: 2), at: early) == .keep(until: closed.addingTimeInterval(180 * day)))
    }

    @Test func anErasedCaseIsNotErasedTwice() {
        let erased = closed.addingTimeInterval(181 * day)
        #expect(policy.verdict(for: candidate(.resolved, closedAt: closed, erasedAt: erased), at: erased.addingTimeInterval(day)) == .alreadyErased(at: erased))
    }

    @Test func aShortPeriodWorksTheSameWay() {
        let week = RetentionPolicy(period: .seconds(7 * 86_400))
        #expect(week.verdict(for: candidate(.resolved, closedAt: closed), at: closed.addingTimeInterval(7 * day)) == .erase)
        #expect(week.verdict(for: candidate(.resolved, closedAt: closed), at: closed.addingTimeInterval(7 * day - 1)) != .erase)
    }
}

/// The daily job's schedule: runs at `run_at` local time, and at start when a run was missed.
@Suite struct DailyRunTests {
    let run = DailyRun(at: WallClockTime("03:30")!, timeZone: Fixtures.copenhagen)

    @Test func theNextRunIsTodayOrTomorrowAtTheLocalTime() {
        #expect(run.next(after: Fixtures.at("2026-01-05", "02:00")) == Fixtures.at("2026-01-05", "03:30"))
        #expect(run.next(after: Fixtures.at("2026-01-05", "03:30")) == Fixtures.at("2026-01-06", "03:30"))
        #expect(run.next(after: Fixtures.at("2026-01-05", "10:00")) == Fixtures.at("2026-01-06", "03:30"))
        #expect(run.latest(atOrBefore: Fixtures.at("2026-01-05", "03:30")) == Fixtures.at("2026-01-05", "03:30"))
        #expect(run.latest(atOrBefore: Fixtures.at("2026-01-05", "03:29")) == Fixtures.at("2026-01-04", "03:30"))
    }

    @Test func itRunsAtFirstStartAndOncePerScheduledInstant() {
        let now = Fixtures.at("2026-01-05", "10:00")
        #expect(run.isDue(lastRun: nil, now: now))
        // Ran this morning: not again until tomorrow 03:30.
        #expect(!run.isDue(lastRun: Fixtures.at("2026-01-05", "03:30"), now: now))
        #expect(!run.isDue(lastRun: Fixtures.at("2026-01-06", "03:29"), now: Fixtures.at("2026-01-06", "03:29")))
        #expect(run.isDue(lastRun: Fixtures.at("2026-01-05", "03:30"), now: Fixtures.at("2026-01-06", "03:30")))
    }

    @Test func aRunMissedWhileTheDaemonWasDownIsMadeUpAtStart() {
        // Last ran Friday; the daemon was down over the weekend and starts Monday at 09:00.
        #expect(run.isDue(lastRun: Fixtures.at("2026-01-02", "03:30"), now: Fixtures.at("2026-01-05", "09:00")))
        // An admin ran it Sunday at 12:00, after Sunday's time: Monday 03:30 was still missed.
        #expect(run.isDue(lastRun: Fixtures.at("2026-01-04", "12:00"), now: Fixtures.at("2026-01-05", "09:00")))
        // An admin ran it Monday at 08:00: nothing is owed until Tuesday.
        #expect(!run.isDue(lastRun: Fixtures.at("2026-01-05", "08:00"), now: Fixtures.at("2026-01-05", "09:00")))
    }

    @Test func theRunKeepsItsWallClockTimeAcrossDaylightSavingTime() {
        // Summer time starts Sunday 2026-03-29 at 02:00 CET; 03:30 is 01:30 UTC in summer, 02:30 UTC in winter.
        let saturday = run.next(after: Fixtures.at("2026-03-28", "04:00"))
        #expect(saturday == Date(timeIntervalSince1970: 1_774_747_800)) // 2026-03-29T01:30:00Z
        #expect(run.next(after: Fixtures.at("2026-03-27", "04:00")).timeIntervalSince1970 == 1_774_665_000) // 2026-03-28T02:30:00Z

        // A time in the skipped hour runs at the same distance past it (02:30 becomes 03:30 summer time).
        let skipped = DailyRun(at: WallClockTime("02:30")!, timeZone: Fixtures.copenhagen)
        #expect(skipped.next(after: Fixtures.at("2026-03-28", "04:00")) == Date(timeIntervalSince1970: 1_774_747_800))
    }
}

/// What is personal in a case, and what the statistics keep.
@Suite struct PersonalDataErasureTests {
    let intake = CaseIntake(
        caller: Caller(kind: .company, name: "Lone Sørensen", phone: "+45 20 30 40 50", email: "lone@bagerhansen.dk",
                       organisation: "Bager Hansen ApS", cvr: CVR("12345674")),
        citizenReference: "J-2026-0412", topics: [TopicID("placement"), TopicID("retention")], language: LanguageCode("en")!, urgency: .soon,
        note: "Praktikanten er ikke mødt i to dage.", representative: Representative(name: "Karin Dahl", phone: "+45 11 22 33 44")
    )

    @Test func theIntakeKeepsOnlyTheKindOfCallerTopicsLanguageAndUrgency() {
        let erased = intake.erasingPersonalData()
        #expect(erased == CaseIntake(caller: Caller(kind: .company, name: ""), topics: intake.topics, language: intake.language, urgency: .soon))
        #expect(intake.holdsPersonalData)
        #expect(!erased.holdsPersonalData)
        #expect(erased.erasingPersonalData() == erased)
    }

    @Test(arguments: [CaseEventKind.declined, .resolved, .reopened, .handedOff])
    func reasonsPeopleTypeAreErased(kind: CaseEventKind) {
        let detail = CaseEventDetail(task: TaskID("task_1"), mentor: MentorID("anna"), reason: "Talte med Lone om hendes gæld", note: "Ring til Karin")
        let erased = detail.erasingPersonalData(of: kind)
        #expect(erased.reason == nil)
        #expect(erased.note == nil)
        #expect(erased.task == TaskID("task_1"))
        #expect(erased.mentor == MentorID("anna"))
    }

    @Test func theSystemsOwnReasonsAndTheRankingStay() {
        let ranking = [CandidateAssessment(mentor: MentorID("anna"), eligible: true, reasons: ["on duty"])]
        let detail = CaseEventDetail(route: RouteID("everything"), level: 0, reason: "receipt queued", ranking: ranking)
        #expect(detail.erasingPersonalData(of: .promised) == detail)
        #expect(detail.erasingPersonalData(of: .offered) == detail)
    }

    @Test func aContactPersonChangeKeepsTheKindOfSubjectOnly() {
        let citizen = CaseEventDetail(reason: "accepted the case", toMentor: MentorID("anna"), subject: "citizen:J-2026-0412")
        #expect(citizen.erasingPersonalData(of: .contactPersonSet).subject == "citizen:erased")
        #expect(citizen.erasingPersonalData(of: .contactPersonSet).reason == "accepted the case")
        let company = CaseEventDetail(toMentor: MentorID("anna"), subject: "company:12345674")
        #expect(company.erasingPersonalData(of: .contactPersonSet).subject == "company:erased")
        #expect(ContactSubject.erased(description: "citizen") == "citizen:erased")
    }
}
