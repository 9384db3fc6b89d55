import Foundation
import Testing
@testable import MentorlineCore

/// The planner's answers to timers: `expire`, `notifyStep`, `waitOver` and `promiseCheck`.
@Suite struct CasePlannerTimerTests {
    let now = Fixtures.wednesdayMorning
    let amira = Fixtures.id("amira"), jonas = Fixtures.id("jonas"), oksana = Fixtures.id("oksana"), mette = Fixtures.id("mette")

    func planner(_ roster: Roster = Fixtures.roster()) -> CasePlanner {
        CasePlanner(roster: roster, notifications: Fixtures.notifications(roster, callers: [.company: "letters"]))
    }

    // MARK: expire
    // The desk offered simultaneously (5 minutes), then the on-call schedule.

    let simultaneous = Fixtures.roster(levels: [
        Fixtures.level([.team(Fixtures.desk)], timeout: 300, strategy: .simultaneous),
        Fixtures.level([.schedule(Fixtures.oncall)]),
    ])

    var deskOffers: [MentorTask] {
        [Fixtures.task("task_1", mentor: "oksana", deadline: now + .seconds(300)), Fixtures.task("task_2", mentor: "mette", deadline: now + .seconds(300))]
    }

    func offeredSnapshot(_ open: [MentorTask]) -> CaseSnapshot {
        Fixtures.snapshot(state: .offered, progress: Fixtures.progress(offered: ["oksana", "mette"]), openOffers: open, offeredBefore: true, promisedBy: now + .seconds(300))
    }

    func expire(_ task: MentorTask, of snapshot: CaseSnapshot, roster: Roster? = nil, context: DispatchContext = DispatchContext(), at: Date? = nil) -> [CaseChange] {
        planner(roster ?? simultaneous).expire(task, of: snapshot, context: context, now: at ?? now + .seconds(300), makeTaskID: Fixtures.taskIDs())
    }

    @Test func expiringOneOfSeveralOpenOffersOnlyWithdrawsIt() throws {
        let later = now + .seconds(300)
        let changes = expire(deskOffers[0], of: offeredSnapshot(deskOffers))
        var expired = deskOffers[0]
        expired.state = .expired
        expired.answeredAt = later
        #expect(changes.labels == ["task~", "cancel-task-timers", "event:offer_expired", "message:task.withdrawn"])
        #expect(changes[0] == .updateTask(expired))
        #expect(changes[1] == .cancelTaskTimers(TaskID("task_1")))
        #expect(changes[2] == .appendEvent(Fixtures.caseID, CaseEvent(
            at: later, kind: .offerExpired, actor: "system",
            detail: CaseEventDetail(task: TaskID("task_1"), mentor: oksana, reason: "no answer before the deadline")
        )))
        let withdrawn = changes.drafts[0]
        #expect(withdrawn.recipient == .mentor(oksana))
        #expect(withdrawn.taskID == TaskID("task_1"))
        #expect(withdrawn.endpoint == EndpointID("mentors"))
        let data = try withdrawn.data()
        #expect(data["reason"] as? String == "expired")
        #expect(data["text"] as? String == "Henvendelsen er givet videre: svarfristen kl. 10:05 er overskredet.")
    }

    @Test func expiringTheLastOpenOfferRoutesTheCaseOnward() throws {
        var first = deskOffers[0]
        first.state = .expired
        let changes = expire(deskOffers[1], of: offeredSnapshot([first, deskOffers[1]]))
        #expect(changes.labels == [
            "task~", "cancel-task-timers", "event:offer_expired", "message:task.withdrawn",
            "event:escalated", "case:offered", "task+", "event:offered", "timer:offer_expiry", "message:task.offered",
        ])
        #expect(changes.insertedTasks.map(\.mentor) == [amira])
        #expect(changes.insertedTasks.map(\.level) == [1])
        #expect(changes.caseUpdates.map(\.progress) == [Fixtures.progress(level: 1, offered: ["amira"])])
        // Not a first decision: no second receipt or promise.
        #expect(changes.promises.isEmpty)
        #expect(!changes.eventKinds.contains(.promised))
    }

    @Test func theExpiredOfferNoLongerCountsAgainstTheMentorsCapacity() throws {
        var mentors = Array(Fixtures.roster().mentors.values.filter { $0.id != oksana })
        mentors.append(Fixtures.mentor("oksana", languages: ["uk", "da"], capacity: 1))
        let roster = Fixtures.roster(mentors: mentors, levels: [Fixtures.level([.mentor(oksana)]), Fixtures.level([.team(Fixtures.desk)])])
        let task = Fixtures.task("task_1", mentor: "oksana")
        let snapshot = Fixtures.snapshot(state: .offered, progress: Fixtures.progress(offered: ["oksana"]), openOffers: [task], offeredBefore: true)
        let changes = expire(task, of: snapshot, roster: roster, context: DispatchContext(openTasks: [oksana: 1]))
        // At the desk she is free again (her only open task just expired) and covers the topic.
        #expect(changes.insertedTasks.map(\.mentor) == [oksana])
        let ranking = try #require(changes.events(.offered).first?.detail.ranking)
        #expect(ranking.first { $0.mentor == oksana }?.reasons.contains("0 of 1 open tasks") == true)
    }

    @Test(arguments: TaskState.allCases.filter { $0 != .offered })
    func anAnsweredOfferDoesNotExpire(state: TaskState) {
        var task = deskOffers[0]
        task.state = state
        #expect(expire(task, of: offeredSnapshot([deskOffers[1]])).isEmpty)
    }

    @Test func theCoordinatorsOfferNeverExpires() {
        let task = Fixtures.task("task_1", mentor: "amira", purpose: .coordinator)
        #expect(expire(task, of: Fixtures.snapshot(state: .unroutable, openOffers: [task])).isEmpty)
    }

    @Test func anExpiryAfterTheCaseMovedOnDoesNotRouteIt() {
        let changes = expire(deskOffers[0], of: Fixtures.snapshot(state: .accepted, openOffers: [deskOffers[0]]))
        #expect(changes.labels == ["task~", "cancel-task-timers", "event:offer_expired", "message:task.withdrawn"])
    }

    // MARK: notifyStep

    func rosterWithContactMethods() -> Roster {
        var roster = Fixtures.roster()
        roster.mentors[amira]?.contactMethods = [
            ContactMethod(endpoint: EndpointID("teams"), address: "amira@kommune.dk"),
            ContactMethod(endpoint: EndpointID("sms"), address: "+4520000001", delay: .seconds(300)),
            ContactMethod(endpoint: EndpointID("voice"), address: "+4520000002", delay: .seconds(900)),
        ]
        roster.mentors[amira]?.urgentContactMethods = [
            ContactMethod(endpoint: EndpointID("sms"), address: "+4520000001"),
            ContactMethod(endpoint: EndpointID("voice"), address: "+4520000002", delay: .seconds(120)),
        ]
        return roster
    }

    @Test(arguments: [
        (Urgency.routine, 1, "sms", "+4520000001"),
        (Urgency.routine, 2, "voice", "+4520000002"),
        (Urgency.urgent, 1, "voice", "+4520000002"),
        // A reload shortened the list: the first method stands in.
        (Urgency.routine, 7, "teams", "amira@kommune.dk"),
        (Urgency.urgent, 2, "sms", "+4520000001"),
    ])
    func aLaterStepUsesItsOwnEndpointAndAddress(urgency: Urgency, step: Int, endpoint: String, address: String) throws {
        let task = Fixtures.task("task_1", mentor: "amira")
        let at = now + .seconds(300)
        let changes = planner(rosterWithContactMethods()).notifyStep(task, step: step, of: Fixtures.snapshot(Fixtures.intake(urgency: urgency), state: .offered), now: at)
        #expect(changes.labels == ["message:task.offered"])
        let draft = changes.drafts[0]
        #expect(draft.endpoint == EndpointID(endpoint))
        #expect(draft.recipient == .mentor(amira))
        #expect(draft.taskID == TaskID("task_1"))
        let data = try draft.data()
        #expect(data["address"] as? String == address)
        #expect(data["deadline"] as? String == "2026-01-07T09:10:00Z")
        #expect(try draft.envelope()["timestamp"] as? String == "2026-01-07T09:05:00Z")
    }

    @Test func aStepForAMentorWhoseMethodsWereRemovedUsesTheirEndpoint() throws {
        let changes = planner().notifyStep(Fixtures.task("task_1", mentor: "amira"), step: 1, of: Fixtures.snapshot(state: .offered), now: now)
        #expect(changes.drafts.map(\.endpoint) == [EndpointID("mentors")])
        #expect(try changes.drafts[0].data()["address"] == nil)
    }

    @Test(arguments: TaskState.allCases.filter { $0 != .offered })
    func noStepOnceTheOfferIsAnswered(state: TaskState) {
        let task = Fixtures.task("task_1", mentor: "amira", state: state)
        #expect(planner(rosterWithContactMethods()).notifyStep(task, step: 1, of: Fixtures.snapshot(state: .accepted), now: now).isEmpty)
    }

    // MARK: waitOver

    @Test func theEndOfAWaitRoutesTheCaseAgain() throws {
        var progress = Fixtures.progress()
        progress.waitedForContactPerson = true
        let monday = Fixtures.at("2026-01-12", "08:00")
        let snapshot = Fixtures.snapshot(state: .waiting, progress: progress, contactPerson: jonas, promisedBy: monday)
        let changes = planner().waitOver(snapshot, context: DispatchContext(), now: monday, makeTaskID: Fixtures.taskIDs())
        #expect(changes.labels == ["case:offered", "task+", "event:offered", "timer:offer_expiry", "message:task.offered"])
        #expect(changes.insertedTasks.map(\.mentor) == [jonas])
        #expect(changes.caseUpdates.first?.progress?.waitedForContactPerson == true)
    }

    @Test func aContactPersonStillAwayAfterTheWaitIsNotWaitedForAgain() throws {
        var progress = Fixtures.progress()
        progress.waitedForContactPerson = true
        let snapshot = Fixtures.snapshot(state: .waiting, progress: progress, contactPerson: jonas)
        let sunday = Fixtures.at("2026-01-11", "20:00")
        let changes = planner().waitOver(snapshot, context: DispatchContext(), now: sunday, makeTaskID: Fixtures.taskIDs())
        #expect(changes.insertedTasks.map(\.mentor) == [amira])
    }

    @Test(arguments: CaseState.allCases.filter { $0 != .waiting })
    func aWaitTimerForACaseNoLongerWaitingDoesNothing(state: CaseState) {
        let changes = planner().waitOver(Fixtures.snapshot(state: state), context: DispatchContext(), now: now, makeTaskID: Fixtures.taskIDs())
        #expect(changes.isEmpty)
    }

    // MARK: promiseCheck

    let promise = Fixtures.at("2026-01-07", "10:10")

    func rosterWithCoordinator(_ coordinator: String?) -> Roster {
        var roster = Fixtures.roster()
        roster.mentors[Fixtures.id("birgitte")] = Fixtures.mentor("birgitte", capacity: 20)
        roster.rules.coordinator = coordinator.map(MentorID.init)
        return roster
    }

    @Test(arguments: CaseState.allCases)
    func theCoordinatorIsWarnedWhileNobodyHasTheCase(state: CaseState) throws {
        let snapshot = Fixtures.snapshot(state: state, promisedBy: promise)
        let changes = planner(rosterWithCoordinator("birgitte")).promiseCheck(snapshot, now: now + .seconds(300))
        switch state {
        case .accepted, .resolved, .booked:
            #expect(changes.isEmpty)
        case .received, .routing, .offered, .waiting, .unroutable:
            #expect(changes.labels == ["event:promise_at_risk", "message:case.promise_at_risk"])
            let event = changes.events[0]
            #expect(event.actor == "system")
            #expect(event.detail.mentor == Fixtures.id("birgitte"))
            #expect(event.detail.deadline == promise)
            #expect(event.detail.reason == "nobody has taken the case and the caller was promised contact by then; coordinator birgitte alerted")
            let draft = changes.drafts[0]
            #expect(draft.recipient == .mentor(Fixtures.id("birgitte")))
            #expect(draft.endpoint == EndpointID("mentors"))
            let data = try draft.data()
            #expect(data["state"] as? String == state.rawValue)
            #expect(data["promised_by"] as? String == "2026-01-07T09:10:00Z")
            #expect(data["text"] as? String == "Sag case_1: virksomhed er lovet kontakt senest kl. 10:10, og ingen har taget sagen endnu.")
        }
    }

    @Test(arguments: [nil, "not-in-the-roster"] as [String?])
    func withoutACoordinatorOpsAreWarned(coordinator: String?) throws {
        let changes = planner(rosterWithCoordinator(coordinator)).promiseCheck(Fixtures.snapshot(state: .offered, promisedBy: promise), now: now)
        #expect(changes.events.map(\.detail.mentor) == [nil])
        #expect(changes.events.map(\.detail.reason) == ["nobody has taken the case and the caller was promised contact by then; ops alerted"])
        #expect(changes.drafts.map(\.recipient) == [.ops])
        #expect(changes.drafts.map(\.endpoint) == [EndpointID("ops")])
    }

    @Test func aCaseWithoutAPromiseIsNotChecked() {
        #expect(planner(rosterWithCoordinator("birgitte")).promiseCheck(Fixtures.snapshot(state: .unroutable), now: now).isEmpty)
    }
}
