import Foundation
import Testing
@testable import MentorlineCore

/// `CasePlanner.route`: a routing decision turned into tasks, events, timers, messages and the
/// caller's receipt.
@Suite struct CasePlannerTests {
    let now = Fixtures.wednesdayMorning
    let amira = Fixtures.id("amira"), jonas = Fixtures.id("jonas"), oksana = Fixtures.id("oksana"), mette = Fixtures.id("mette")
    let coordinator = Fixtures.id("birgitte")

    func planner(
        _ roster: Roster = Fixtures.roster(), callers: [CallerKind: String] = [.company: "letters", .citizen: "letters"],
        mentorOverrides: [MentorID: EndpointID] = [:]
    ) -> CasePlanner {
        CasePlanner(roster: roster, notifications: Fixtures.notifications(roster, callers: callers, mentorOverrides: mentorOverrides))
    }

    func route(
        _ snapshot: CaseSnapshot = Fixtures.snapshot(), planner: CasePlanner? = nil, context: DispatchContext = DispatchContext(), at: Date? = nil
    ) -> [CaseChange] {
        (planner ?? self.planner()).route(snapshot, context: context, now: at ?? now, makeTaskID: Fixtures.taskIDs())
    }

    /// The fixture roster with a coordinator who speaks only Danish and takes anything.
    func rosterWithCoordinator(_ id: String? = "birgitte") -> Roster {
        var mentors = Array(Fixtures.roster().mentors.values)
        mentors.append(Fixtures.mentor("birgitte", topics: ["placement", "rules"], capacity: 20))
        return Fixtures.roster(mentors: mentors, rules: RoutingRules(coordinator: id.map(MentorID.init)))
    }

    // MARK: First decision

    @Test func theFirstOfferWritesEverythingInOrder() throws {
        let changes = route()
        #expect(changes.labels == [
            "event:routed", "case:offered", "task+", "event:offered", "timer:offer_expiry", "message:task.offered",
            "promise", "timer:promise_check", "event:promised", "event:letter", "message:case.receipt",
        ])
        let deadline = now.addingTimeInterval(600)
        let progress = RoutingProgress(route: Fixtures.everything, policy: Fixtures.standard, offeredAtLevel: [amira])
        #expect(changes[0] == .appendEvent(Fixtures.caseID, CaseEvent(
            at: now, kind: .routed, actor: "system", detail: CaseEventDetail(route: Fixtures.everything, policy: Fixtures.standard)
        )))
        #expect(changes[1] == .updateCase(Fixtures.caseID, state: .offered, progress: progress))
        let task = MentorTask(id: TaskID("task_1"), caseID: Fixtures.caseID, mentor: amira, level: 0, round: 0, offeredAt: now, deadline: deadline)
        #expect(changes[2] == .insertTask(task))
        let offered = try #require(changes.events(.offered).first)
        #expect(offered.actor == "system")
        #expect(offered.detail.task == task.id)
        #expect(offered.detail.mentor == amira)
        #expect(offered.detail.policy == Fixtures.standard)
        #expect(offered.detail.level == 1)
        #expect(offered.detail.round == 1)
        #expect(offered.detail.deadline == deadline)
        #expect(offered.detail.purpose == .offer)
        #expect(offered.detail.strategy == .sequential)
        #expect(offered.detail.ranking?.map(\.mentor) == [amira])
        #expect(changes[4] == .schedule(CaseTimer(kind: .offerExpiry, caseID: Fixtures.caseID, task: task.id, due: deadline)))
        #expect(changes[6] == .setPromise(Fixtures.caseID, deadline))
        // Half the time to the promise, as the ten-minute lead is longer than that.
        #expect(changes[7] == .schedule(CaseTimer(kind: .promiseCheck, caseID: Fixtures.caseID, due: now.addingTimeInterval(300))))
        #expect(changes[8] == .appendEvent(Fixtures.caseID, CaseEvent(
            at: now, kind: .promised, actor: "system", detail: CaseEventDetail(deadline: deadline, reason: "receipt queued")
        )))
    }

    @Test func theOfferMessageGoesToTheMentorsEndpointWithTheTaskAndItsActions() throws {
        let draft = try #require(route().drafts.first)
        #expect(draft.eventType == .taskOffered)
        #expect(draft.recipient == .mentor(amira))
        #expect(draft.endpoint == EndpointID("mentors"))
        #expect(draft.caseID == Fixtures.caseID)
        #expect(draft.taskID == TaskID("task_1"))
        let envelope = try draft.envelope()
        #expect(envelope["type"] as? String == "task.offered")
        #expect(envelope["timestamp"] as? String == "2026-01-07T09:00:00Z")
        let data = try draft.data()
        #expect(data["task_id"] as? String == "task_1")
        #expect(data["case_id"] as? String == "case_1")
        #expect(data["deadline"] as? String == "2026-01-07T09:10:00Z")
        #expect(data["purpose"] as? String == "offer")
        #expect(data["level"] as? Int == 1)
        #expect(data["address"] == nil)
        #expect(data["recipient"] as? [String: String] == ["kind": "mentor", "id": "amira"])
        #expect(data["text"] as? String == "Ny henvendelse fra virksomhed (Bager Hansen ApS) om praktik, almindelig. Svar inden kl. 10:10.")
        let actions = try #require(data["actions"] as? [String: String])
        #expect(actions["accept_api"] == "http://127.0.0.1:8080/v1/tasks/task_1/accept")
        #expect(actions["decline_api"] == "http://127.0.0.1:8080/v1/tasks/task_1/decline")
        #expect(actions["accept"] == nil)
        #expect(data["status_url"] as? String == "http://127.0.0.1:8080/v1/cases/case_1")
    }

    @Test func theReceiptGoesToTheCallerThroughTheCallersEndpoint() throws {
        let receipt = try #require(route().drafts.last)
        #expect(receipt.eventType == .caseReceipt)
        #expect(receipt.recipient == .caller(.company))
        #expect(receipt.endpoint == EndpointID("letters"))
        #expect(receipt.caseID == Fixtures.caseID)
        #expect(receipt.taskID == nil)
        let data = try receipt.data()
        #expect(data["expect_contact_by"] as? String == "2026-01-07T09:10:00Z")
        #expect(data["recipient"] as? [String: String] == ["kind": "company", "id": "caller"])
        #expect((data["to"] as? [String: Any])?["name"] as? String == "Lone Sørensen")
        #expect((data["to"] as? [String: Any])?["kind"] as? String == "company")
        #expect(data["caller"] == nil)
        #expect(data["text"] as? String == "Tak for din henvendelse til Mentor-telefonen. En mentor kontakter dig senest onsdag den 7. januar kl. 10:10. Sagsnummer: case_1.")
    }

    @Test(arguments: CallerKind.allCases)
    func aReceiptOnlyWhereAnEndpointServesTheCallersKind(kind: CallerKind) throws {
        let planner = planner(callers: [.citizen: "letters", .representative: "representatives"])
        let changes = route(Fixtures.snapshot(Fixtures.intake(kind: kind)), planner: planner)
        let promised = try #require(changes.events(.promised).first)
        #expect(promised.detail.deadline == now.addingTimeInterval(600))
        #expect(changes.promises == [now.addingTimeInterval(600)])
        let receipts = changes.drafts.filter { $0.eventType == .caseReceipt }
        switch kind {
        case .citizen, .representative:
            #expect(receipts.map(\.recipient) == [.caller(kind)])
            #expect(receipts.map(\.endpoint) == [EndpointID(kind == .citizen ? "letters" : "representatives")])
            #expect(promised.detail.reason == "receipt queued")
            #expect(changes.events(.letter).map(\.detail.reason) == ["case.receipt to the \(kind.rawValue)"])
        case .company, .staff:
            #expect(receipts.isEmpty)
            #expect(promised.detail.reason == "no receipt sent")
            #expect(changes.events(.letter).map(\.detail.reason) == [
                "case.receipt not sent to the \(kind.rawValue): no endpoint is configured for \(kind.rawValue) messages",
            ])
        }
    }

    @Test(arguments: [(600, 600, 300), (3600, 600, 3000), (600, 60, 540), (900, 300, 600)])
    func thePromiseCheckFallsDueBeforeThePromise(timeout: Int, leadSeconds: Int, dueAfter: Int) throws {
        let roster = Fixtures.roster(levels: [Fixtures.level([.schedule(Fixtures.oncall)], timeout: timeout)], rules: RoutingRules(promiseAlertLead: .seconds(leadSeconds)))
        let changes = route(planner: planner(roster))
        #expect(changes.promises == [now.addingTimeInterval(TimeInterval(timeout))])
        #expect(changes.timers.filter { $0.kind == .promiseCheck } == [CaseTimer(kind: .promiseCheck, caseID: Fixtures.caseID, due: now.addingTimeInterval(TimeInterval(dueAfter)))])
    }

    @Test func laterDecisionsNeitherRouteNorPromiseAgain() {
        let changes = route(Fixtures.snapshot(state: .routing, progress: Fixtures.progress(offered: ["amira"]), offeredBefore: true))
        #expect(changes.labels == ["event:escalated", "case:offered", "task+", "event:offered", "timer:offer_expiry", "message:task.offered"])
        #expect(changes.insertedTasks.map(\.mentor) == [oksana])
    }

    @Test func anEscalatedOfferIsRecordedWithTheNewLevelAndRound() throws {
        let changes = route(context: DispatchContext(openTasks: [amira: 3]))
        #expect(Array(changes.labels.prefix(3)) == ["event:routed", "event:escalated", "case:offered"])
        let escalated = try #require(changes.events(.escalated).first)
        #expect(escalated.detail == CaseEventDetail(policy: Fixtures.standard, level: 2, round: 1))
        #expect(changes.insertedTasks.map(\.mentor) == [oksana])
        #expect(changes.insertedTasks.map(\.level) == [1])
        #expect(changes.insertedTasks.map(\.deadline) == [now.addingTimeInterval(900)])
    }

    @Test func theDispatchContextFeedsLoadFairnessAndAvailability() {
        let context = DispatchContext(availability: [amira: .away])
        #expect(route(context: context).insertedTasks.map(\.mentor) == [oksana])
        let fairness = Fixtures.roster(levels: [Fixtures.level([.team(Fixtures.desk)])])
        let busy = DispatchContext(lastOfferedAt: [oksana: now.addingTimeInterval(-60)])
        let changes = route(Fixtures.snapshot(Fixtures.intake(topics: [])), planner: planner(fairness), context: busy)
        #expect(changes.insertedTasks.map(\.mentor) == [mette])
    }

    // MARK: Offers

    @Test func aSimultaneousLevelGivesEveryMentorATaskAnExpiryAndAMessage() throws {
        let roster = Fixtures.roster(levels: [Fixtures.level([.team(Fixtures.desk)], timeout: 300, strategy: .simultaneous)])
        let changes = route(Fixtures.snapshot(state: .routing), planner: planner(roster))
        #expect(changes.labels == [
            "case:offered", "task+", "event:offered", "timer:offer_expiry", "message:task.offered",
            "task+", "event:offered", "timer:offer_expiry", "message:task.offered",
        ])
        let deadline = now.addingTimeInterval(300)
        #expect(changes.insertedTasks == [
            MentorTask(id: TaskID("task_1"), caseID: Fixtures.caseID, mentor: oksana, level: 0, round: 0, offeredAt: now, deadline: deadline),
            MentorTask(id: TaskID("task_2"), caseID: Fixtures.caseID, mentor: mette, level: 0, round: 0, offeredAt: now, deadline: deadline),
        ])
        #expect(changes.timers == [
            CaseTimer(kind: .offerExpiry, caseID: Fixtures.caseID, task: TaskID("task_1"), due: deadline),
            CaseTimer(kind: .offerExpiry, caseID: Fixtures.caseID, task: TaskID("task_2"), due: deadline),
        ])
        #expect(changes.drafts.map(\.recipient) == [.mentor(oksana), .mentor(mette)])
        #expect(changes.drafts.map(\.taskID) == [TaskID("task_1"), TaskID("task_2")])
        let events = changes.events(.offered)
        #expect(events.map(\.detail.strategy) == [.simultaneous, .simultaneous])
        // The ranking is written once, with the first offer.
        #expect(events[0].detail.ranking?.map(\.mentor) == [oksana, mette])
        #expect(events[1].detail.ranking == nil)
    }

    func rosterWithContactMethods() -> Roster {
        var roster = Fixtures.roster()
        roster.mentors[amira]?.contactMethods = [
            ContactMethod(endpoint: EndpointID("teams"), address: "amira@kommune.dk"),
            ContactMethod(endpoint: EndpointID("sms"), address: "+4520000001", delay: .seconds(300)),
            ContactMethod(endpoint: EndpointID("voice"), address: "+4520000001", delay: .seconds(900)),
        ]
        roster.mentors[amira]?.urgentContactMethods = [
            ContactMethod(endpoint: EndpointID("sms"), address: "+4520000001"),
            ContactMethod(endpoint: EndpointID("voice"), address: "+4520000001", delay: .seconds(120)),
        ]
        return roster
    }

    @Test func contactMethodsDueNowAreQueuedAndLaterOnesBecomeTimers() throws {
        let changes = route(Fixtures.snapshot(state: .routing), planner: planner(rosterWithContactMethods()))
        #expect(changes.labels == ["case:offered", "task+", "event:offered", "timer:offer_expiry", "message:task.offered", "timer:notify_step", "timer:notify_step"])
        let draft = try #require(changes.drafts.first)
        #expect(draft.endpoint == EndpointID("teams"))
        #expect(try draft.data()["address"] as? String == "amira@kommune.dk")
        #expect(changes.timers.filter { $0.kind == .notifyStep } == [
            CaseTimer(kind: .notifyStep, caseID: Fixtures.caseID, task: TaskID("task_1"), step: 1, due: now.addingTimeInterval(300)),
            CaseTimer(kind: .notifyStep, caseID: Fixtures.caseID, task: TaskID("task_1"), step: 2, due: now.addingTimeInterval(900)),
        ])
    }

    @Test func urgentCasesUseTheUrgentContactMethods() throws {
        let changes = route(Fixtures.snapshot(Fixtures.intake(urgency: .urgent), state: .routing), planner: planner(rosterWithContactMethods()))
        let draft = try #require(changes.drafts.first)
        #expect(changes.drafts.count == 1)
        #expect(draft.endpoint == EndpointID("sms"))
        #expect(try draft.data()["address"] as? String == "+4520000001")
        #expect(try draft.data()["urgency"] as? String == "urgent")
        #expect(changes.timers.filter { $0.kind == .notifyStep } == [
            CaseTimer(kind: .notifyStep, caseID: Fixtures.caseID, task: TaskID("task_1"), step: 1, due: now.addingTimeInterval(120)),
        ])
    }

    @Test func aMentorWithoutContactMethodsGetsOneMessageOnTheirEndpoint() throws {
        let plain = route(Fixtures.snapshot(state: .routing))
        #expect(plain.drafts.map(\.endpoint) == [EndpointID("mentors")])
        #expect(plain.timers.map(\.kind) == [.offerExpiry])
        let own = route(Fixtures.snapshot(state: .routing), planner: planner(mentorOverrides: [amira: EndpointID("amira-gateway")]))
        #expect(own.drafts.map(\.endpoint) == [EndpointID("amira-gateway")])
    }

    // MARK: Waits

    @Test func aWaitHoldsTheCaseWithATimerAndPromisesContactOneAnswerTimeAfterItEnds() throws {
        let sundayEvening = Fixtures.at("2026-01-11", "20:00")
        let until = Fixtures.at("2026-01-12", "08:00")
        let promise = Fixtures.at("2026-01-12", "08:10") // the first level gives ten minutes to answer
        // The call came in just now, so the receipt is a reply to it, exempt from office hours.
        let changes = route(Fixtures.snapshot(contactPerson: jonas, receivedAt: sundayEvening), at: sundayEvening)
        #expect(changes.labels == [
            "event:routed", "case:waiting", "event:waiting", "timer:wait_over", "promise", "timer:promise_check", "event:promised", "event:letter", "message:case.receipt",
        ])
        var progress = Fixtures.progress()
        progress.waitedForContactPerson = true
        #expect(changes.caseUpdates.map(\.state) == [.waiting])
        #expect(changes.caseUpdates.map(\.progress) == [progress])
        let waiting = try #require(changes.events(.waiting).first)
        #expect(waiting.detail.mentor == jonas)
        #expect(waiting.detail.until == until)
        #expect(waiting.detail.policy == Fixtures.standard)
        #expect(waiting.detail.reason == "waiting for contact person jonas, who is off duty until their next shift")
        #expect(waiting.detail.ranking?.map(\.mentor) == [jonas])
        #expect(changes.timers == [
            CaseTimer(kind: .waitOver, caseID: Fixtures.caseID, due: until),
            CaseTimer(kind: .promiseCheck, caseID: Fixtures.caseID, due: promise.addingTimeInterval(-600)),
        ])
        #expect(changes.promises == [promise])
        #expect(changes.events(.promised).map(\.detail.deadline) == [promise])
        #expect(try changes.drafts[0].data()["text"] as? String
            == "Tak for din henvendelse til Mentor-telefonen. En mentor kontakter dig senest mandag den 12. januar kl. 08:10. Sagsnummer: case_1.")
        #expect(changes.insertedTasks.isEmpty)
    }

    @Test func aWaitForTheNextOpeningNamesNoMentor() throws {
        var roster = Fixtures.roster(levels: [Fixtures.level([.team(Fixtures.desk)])])
        roster.teams[Fixtures.desk]?.workingHours = Fixtures.officeHours()
        let changes = route(Fixtures.snapshot(state: .routing), planner: planner(roster), at: Fixtures.at("2026-01-09", "17:00"))
        #expect(changes.labels == ["case:waiting", "event:waiting", "timer:wait_over"])
        let waiting = try #require(changes.events(.waiting).first)
        #expect(waiting.detail.mentor == nil)
        #expect(waiting.detail.until == Fixtures.at("2026-01-12", "08:00"))
        #expect(waiting.detail.reason == "nobody the policy names is on duty now; waiting for the next opening")
    }

    // MARK: Unroutable

    /// An urgent case in French: nobody speaks it, and urgent cases do not wait.
    let unplaceable = Fixtures.intake(language: "fr", urgency: .urgent)

    @Test func anUnroutableCaseIsOfferedToTheCoordinatorWithoutExpiryAndOpsAreAlerted() throws {
        let changes = route(Fixtures.snapshot(unplaceable), planner: planner(rosterWithCoordinator()))
        #expect(changes.labels == [
            "event:routed", "case:unroutable", "event:unroutable", "task+", "event:offered", "message:task.offered",
            "message:ops.case_unroutable", "event:promised", "event:letter", "message:case.receipt",
        ])
        #expect(changes.timers.isEmpty)
        #expect(changes.promises.isEmpty)
        let task = try #require(changes.insertedTasks.first)
        #expect(task.mentor == coordinator)
        #expect(task.purpose == .coordinator)
        #expect(task.state == .offered)
        #expect(task.id == TaskID("task_1"))
        let unroutable = try #require(changes.events(.unroutable).first)
        #expect(unroutable.detail.reason == "every level of policy standard was tried once and nobody eligible is left")
        #expect(unroutable.detail.policy == Fixtures.standard)
        #expect(unroutable.detail.ranking?.map(\.mentor) == [oksana, mette])
        let offered = try #require(changes.events(.offered).first)
        #expect(offered.detail.purpose == .coordinator)
        #expect(offered.detail.mentor == coordinator)
        #expect(offered.detail.reason == "fallback: the coordinator takes cases nobody else could")
        let toCoordinator = try changes.drafts[0].data()
        #expect(changes.drafts[0].recipient == .mentor(coordinator))
        #expect(toCoordinator["purpose"] as? String == "coordinator")
        #expect(toCoordinator["deadline"] == nil)
        let ops = changes.drafts[1]
        #expect(ops.recipient == .ops)
        #expect(ops.endpoint == EndpointID("ops"))
        let alert = try ops.data()
        #expect(alert["coordinator"] as? String == "birgitte")
        #expect(alert["reason"] as? String == "every level of policy standard was tried once and nobody eligible is left")
        #expect((alert["text"] as? String)?.hasSuffix("Koordinator birgitte har fået den.") == true)
        // No promise can be given: the receipt says a coordinator will look at it.
        let promised = try #require(changes.events(.promised).first)
        #expect(promised.detail.deadline == nil)
        let receipt = try changes.drafts[2].data()
        #expect(receipt["expect_contact_by"] == nil)
        #expect(receipt["text"] as? String
            == "Tak for din henvendelse til Mentor-telefonen. En koordinator ser på din henvendelse og kontakter dig hurtigst muligt. Sagsnummer: case_1.")
    }

    @Test(arguments: [nil, "not-in-the-roster"] as [String?])
    func withoutACoordinatorOnlyOpsAreAlerted(coordinator: String?) throws {
        let changes = route(Fixtures.snapshot(unplaceable, state: .routing), planner: planner(rosterWithCoordinator(coordinator)))
        #expect(changes.labels == ["case:unroutable", "event:unroutable", "message:ops.case_unroutable"])
        let alert = try changes.drafts[0].data()
        #expect(alert["coordinator"] == nil)
        #expect((alert["text"] as? String)?.hasSuffix("Ingen koordinator er sat op.") == true)
    }

    @Test func theOpsAlertCarriesNoPersonalData() throws {
        var intake = unplaceable
        intake.citizenReference = "sag-4711"
        intake.note = "Ring efter kl. 14"
        let alert = try #require(route(Fixtures.snapshot(intake), planner: planner(rosterWithCoordinator())).drafts.first { $0.recipient == .ops })
        let text = String(decoding: alert.payload, as: UTF8.self)
        for personal in ["Lone", "20 30 40 50", "Bager Hansen", "sag-4711", "Ring efter"] {
            #expect(!text.contains(personal), "\(personal) leaked into the ops alert")
        }
    }

    @Test func withoutAnyRouteTheCaseIsUnroutableWithoutARoutedEvent() throws {
        var roster = rosterWithCoordinator()
        roster.routes = []
        let changes = route(planner: planner(roster))
        #expect(changes.labels == [
            "case:unroutable", "event:unroutable", "task+", "event:offered", "message:task.offered", "message:ops.case_unroutable",
            "event:promised", "event:letter", "message:case.receipt",
        ])
        #expect(changes.caseUpdates.map(\.progress) == [nil])
        let unroutable = try #require(changes.events(.unroutable).first)
        #expect(unroutable.detail.route == nil)
        #expect(unroutable.detail.reason == "no route matches the case and the roster has no catch-all route")
        #expect(changes.insertedTasks.map(\.level) == [0])
        #expect(changes.insertedTasks.map(\.round) == [0])
    }

    @Test func theCoordinatorIsReachedThroughTheirContactMethods() throws {
        var roster = rosterWithCoordinator()
        roster.mentors[coordinator]?.urgentContactMethods = [
            ContactMethod(endpoint: EndpointID("sms"), address: "+4520000009"),
            ContactMethod(endpoint: EndpointID("voice"), address: "+4520000009", delay: .seconds(60)),
        ]
        let changes = route(Fixtures.snapshot(unplaceable, state: .routing), planner: planner(roster))
        #expect(changes.drafts.first?.endpoint == EndpointID("sms"))
        #expect(changes.timers == [CaseTimer(kind: .notifyStep, caseID: Fixtures.caseID, task: TaskID("task_1"), step: 1, due: now.addingTimeInterval(60))])
    }
}
