import Foundation
import Testing
@testable import MentorlineCore

/// `DispatchContext.account`: the batch's own decisions counted into load and fairness.
@Suite struct DispatchContextTests {
    let now = Fixtures.wednesdayMorning
    let amira = Fixtures.id("amira"), jonas = Fixtures.id("jonas"), mette = Fixtures.id("mette")

    func accounted(_ changes: [CaseChange], start: DispatchContext = DispatchContext(), previous: [MentorTask] = []) -> DispatchContext {
        var context = start
        context.account(for: changes) { id in previous.first { $0.id == id } }
        return context
    }

    @Test func anOfferAddsLoadAndIsTheMentorsLastOffer() {
        let offer = Fixtures.task("t1", mentor: "amira", offeredAt: now)
        let context = accounted([.insertTask(offer)], start: DispatchContext(openTasks: [amira: 1], lastOfferedAt: [amira: now.addingTimeInterval(-3600)]))
        #expect(context.openTasks == [amira: 2])
        #expect(context.lastOfferedAt == [amira: now])
    }

    @Test(arguments: [TaskPurpose.coordinator, .handoff])
    func otherTasksAddLoadButAreNoOffer(purpose: TaskPurpose) {
        let task = Fixtures.task("t1", mentor: "amira", state: purpose == .handoff ? .accepted : .offered, purpose: purpose)
        let context = accounted([.insertTask(task)])
        #expect(context.openTasks == [amira: 1])
        #expect(context.lastOfferedAt.isEmpty)
    }

    @Test(arguments: [
        (TaskState.offered, TaskState.accepted, 0),
        (.offered, .declined, -1),
        (.offered, .expired, -1),
        (.offered, .withdrawn, -1),
        (.accepted, .handedOff, -1),
        (.accepted, .resolved, -1),
        (.resolved, .accepted, 1),
        (.declined, .declined, 0),
    ])
    func anUpdateChangesLoadOnlyWhenTheTaskOpensOrCloses(before: TaskState, after: TaskState, delta: Int) {
        let stored = Fixtures.task("t1", mentor: "amira", state: before)
        var updated = stored
        updated.state = after
        let context = accounted([.updateTask(updated)], start: DispatchContext(openTasks: [amira: 2]), previous: [stored])
        #expect(context.openTasks[amira] == 2 + delta)
        #expect(context.lastOfferedAt.isEmpty)
    }

    @Test func anUpdatedTaskTheStoreDoesNotKnowCountsAsPreviouslyOpen() {
        var task = Fixtures.task("t1", mentor: "amira")
        task.state = .expired
        #expect(accounted([.updateTask(task)], start: DispatchContext(openTasks: [amira: 1])).openTasks[amira] == 0)
        task.state = .accepted
        #expect(accounted([.updateTask(task)], start: DispatchContext(openTasks: [amira: 1])).openTasks[amira] == 1)
    }

    @Test func otherChangesLeaveTheContextAlone() {
        let start = DispatchContext(openTasks: [amira: 1], lastOfferedAt: [amira: now], availability: [jonas: .off])
        let changes: [CaseChange] = [
            .updateCase(Fixtures.caseID, state: .offered, progress: nil), .cancelTaskTimers(TaskID("t1")),
            .schedule(CaseTimer(kind: .offerExpiry, caseID: Fixtures.caseID, task: TaskID("t1"), due: now)),
            .setPromise(Fixtures.caseID, now), .setContactPerson(.citizen("sag-4711"), amira, by: "system"),
        ]
        let context = accounted(changes, start: start)
        #expect(context.openTasks == start.openTasks)
        #expect(context.lastOfferedAt == start.lastOfferedAt)
        #expect(context.availability == start.availability)
    }

    @Test func anAcceptWithWithdrawalsFreesTheWithdrawnMentorsOnly() throws {
        let roster = Fixtures.roster()
        let planner = CasePlanner(roster: roster, notifications: Fixtures.notifications(roster))
        let mine = Fixtures.task("t-amira", mentor: "amira")
        let other = Fixtures.task("t-jonas", mentor: "jonas")
        let changes = try planner.mentorAction(
            .accept, on: mine, of: Fixtures.snapshot(openOffers: [mine, other]), by: .mentor(amira), now: now, makeTaskID: Fixtures.taskIDs()
        ).get()
        let context = accounted(changes, start: DispatchContext(openTasks: [amira: 1, jonas: 1]), previous: [mine, other])
        #expect(context.openTasks == [amira: 1, jonas: 0])
    }

    /// Two cases in one batch: the second decision sees the first one's offer.
    @Test func theNextDecisionOfABatchSeesThePreviousOffer() throws {
        var mentors = Array(Fixtures.roster().mentors.values)
        mentors.removeAll { $0.id == amira }
        mentors.append(Fixtures.mentor("amira", languages: ["da", "ar"], capacity: 1))
        let roster = Fixtures.roster(mentors: mentors)
        let planner = CasePlanner(roster: roster, notifications: Fixtures.notifications(roster))
        var context = DispatchContext()
        let first = planner.route(Fixtures.snapshot(), context: context, now: now, makeTaskID: { TaskID("first") })
        #expect(first.insertedTasks.map(\.mentor) == [amira])
        context.account(for: first) { _ in nil }
        #expect(context.openTasks == [amira: 1])
        #expect(context.lastOfferedAt == [amira: now])
        let second = planner.route(Fixtures.snapshot(), context: context, now: now, makeTaskID: { TaskID("second") })
        #expect(second.insertedTasks.map(\.mentor) == [Fixtures.id("oksana")])
    }
}

/// `CasePlanner.prepare`: who is on call, worked out once per batch and used by every decision in it.
@Suite struct PreparedOnCallTests {
    let now = Fixtures.wednesdayMorning
    let amira = Fixtures.id("amira"), jonas = Fixtures.id("jonas"), oksana = Fixtures.id("oksana")
    /// A schedule whose rotation has not begun: nobody is on call in it yet.
    let later = Fixtures.schedule("later", name: "Senere", mentors: ["mette"], start: "2026-02-02")

    var roster: Roster { Fixtures.roster(schedules: [later], rules: RoutingRules()) }
    var planner: CasePlanner { CasePlanner(roster: roster, notifications: Fixtures.notifications(roster)) }

    func shift(_ mentor: MentorID) -> Shift {
        Shift(mentor: mentor, start: now.addingTimeInterval(-3600), end: now.addingTimeInterval(3600), source: .layer(0))
    }

    @Test func prepareRecordsEverySchedulesShiftIncludingNobody() throws {
        let prepared = planner.prepare(DispatchContext(openTasks: [amira: 1]), now: now)
        let onCall = try #require(prepared.onCall)
        #expect(Set(onCall.keys) == [Fixtures.oncall, later.id])
        #expect(onCall[Fixtures.oncall]??.mentor == amira)
        #expect(onCall[later.id] == .some(nil))
        #expect(prepared.openTasks == [amira: 1])
    }

    @Test func prepareAppliesTheContextsOverrides() throws {
        let override = ScheduleOverride(
            id: OverrideID("ovr_1"), schedule: Fixtures.oncall, mentor: jonas, start: now.addingTimeInterval(-60), end: now.addingTimeInterval(3600),
            createdAt: now, createdBy: "admin:test"
        )
        let prepared = planner.prepare(DispatchContext(overrides: [override]), now: now)
        #expect(prepared.onCall?[Fixtures.oncall]??.mentor == jonas)
    }

    @Test(arguments: [
        ("2026-01-07", "10:00"), ("2026-01-12", "08:00"), ("2026-01-10", "03:00"), ("2026-02-03", "09:00"),
    ])
    func aPreparedContextDecidesAsAnUnpreparedOne(date: String, time: String) {
        let at = Fixtures.at(date, time)
        let snapshot = Fixtures.snapshot(contactPerson: Fixtures.id("mette"))
        let plain = planner.route(snapshot, context: DispatchContext(), now: at, makeTaskID: Fixtures.taskIDs())
        let prepared = planner.route(snapshot, context: planner.prepare(DispatchContext(), now: at), now: at, makeTaskID: Fixtures.taskIDs())
        #expect(prepared == plain)
    }

    @Test func theDecisionUsesThePreparedShiftsInsteadOfWorkingThemOutAgain() throws {
        var context = DispatchContext()
        context.onCall = [Fixtures.oncall: shift(jonas)]
        let situation = RoutingSituation(intake: Fixtures.intake(), progress: nil, now: now, onCall: context.onCall)
        let offer = try expectOffer(RoutingEngine.decide(situation, roster: roster))
        #expect(offer.mentors == [jonas])
        #expect(roster.duty(of: jonas, at: now, overrides: [], onCall: context.onCall) == .onDuty(because: "on call in Mentorvagten"))
        #expect(roster.duty(of: amira, at: now, overrides: [], onCall: context.onCall) == .offDuty)
        let changes = planner.route(Fixtures.snapshot(), context: context, now: now, makeTaskID: Fixtures.taskIDs())
        #expect(changes.insertedTasks.map(\.mentor) == [jonas])
    }

    @Test func aPreparedEmptyShiftMeansNobodyIsOnCall() throws {
        let onCall: [ScheduleID: Shift?] = [Fixtures.oncall: nil]
        let situation = RoutingSituation(intake: Fixtures.intake(), progress: nil, now: now, onCall: onCall)
        let offer = try expectOffer(RoutingEngine.decide(situation, roster: roster))
        #expect(offer.mentors == [oksana])
        #expect(offer.escalated)
        #expect(roster.duty(of: amira, at: now, overrides: [], onCall: onCall) == .offDuty)
    }
}
