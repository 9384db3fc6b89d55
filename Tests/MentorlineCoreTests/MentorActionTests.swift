import Foundation
import Testing
@testable import MentorlineCore

/// A task's state machine (`MentorTask.applying`) and the writes of a mentor's action (`CasePlanner.mentorAction`).
@Suite struct MentorActionTests {
    let now = Fixtures.wednesdayMorning
    let later = Fixtures.wednesdayMorning + .seconds(120)
    let amira = Fixtures.id("amira"), jonas = Fixtures.id("jonas"), mette = Fixtures.id("mette")

    // MARK: The task state machine

    static let actions: [MentorAction] = [
        .accept, .decline(reason: nil), .handoff(to: MentorID("jonas"), note: nil, transferContactPerson: false), .resolve(outcome: nil), .reopen(reason: nil),
        .appointment(Appointment(at: Date(timeIntervalSince1970: 1_800_000_000), place: nil)),
    ]

    @Test(arguments: actions, TaskState.allCases)
    func eachActionFitsExactlyOneState(action: MentorAction, state: TaskState) {
        let task = Fixtures.task("t", mentor: "amira", state: state)
        let result = task.applying(action, by: .mentor(amira), at: later)
        var expected = task
        switch (action, state) {
        case (.accept, .offered):
            expected.state = .accepted
            expected.answeredAt = later
        case (.decline, .offered):
            expected.state = .declined
            expected.answeredAt = later
        case (.handoff, .accepted):
            expected.state = .handedOff
        case (.resolve, .accepted):
            expected.state = .resolved
            expected.resolvedAt = later
        case (.reopen, .resolved):
            expected.state = .accepted
        case (.appointment, .accepted):
            break
        default:
            #expect(result == .failure(.conflict(current: state)))
            return
        }
        #expect(result == .success(expected))
    }

    @Test func reopeningClearsTheResolutionTime() throws {
        var task = Fixtures.task("t", mentor: "amira", state: .resolved)
        task.resolvedAt = now
        task.answeredAt = now
        let reopened = try task.applying(.reopen(reason: nil), by: .mentor(amira), at: later).get()
        #expect(reopened.state == .accepted)
        #expect(reopened.resolvedAt == nil)
        #expect(reopened.answeredAt == now)
    }

    @Test(arguments: actions)
    func anotherMentorsTaskIsNotYours(action: MentorAction) {
        for state in TaskState.allCases {
            let task = Fixtures.task("t", mentor: "amira", state: state)
            #expect(task.applying(action, by: .mentor(mette), at: later) == .failure(.notYourTask))
        }
    }

    @Test(arguments: actions)
    func anAdminMayHandOffResolveAndReopenButNotAnswerAnOffer(action: MentorAction) {
        let state: TaskState = switch action {
        case .accept, .decline: .offered
        case .handoff, .resolve, .appointment: .accepted
        case .reopen: .resolved
        }
        let result = Fixtures.task("t", mentor: "amira", state: state).applying(action, by: .admin(name: "koordinator"), at: later)
        #expect(action.adminMayAct == (result != .failure(.notYourTask)))
        switch action {
        case .accept, .decline: #expect(result == .failure(.notYourTask))
        case .handoff, .resolve, .reopen, .appointment: #expect((try? result.get()) != nil)
        }
    }

    @Test func aTaskCannotBeHandedToItsOwnMentorByAnyone() {
        let task = Fixtures.task("t", mentor: "amira", state: .accepted)
        let toSelf = MentorAction.handoff(to: amira, note: nil, transferContactPerson: true)
        let refusal = MentorActionRefusal.invalidHandoff("a task cannot be handed to the mentor who has it")
        #expect(task.applying(toSelf, by: .mentor(amira), at: later) == .failure(refusal))
        #expect(task.applying(toSelf, by: .admin(name: "koordinator"), at: later) == .failure(refusal))
    }

    @Test func namesAndAuditNames() {
        #expect(Self.actions.map(\.name) == ["accept", "decline", "handoff", "resolve", "reopen", "appointment"])
        #expect(Self.actions.map(\.adminMayAct) == [false, false, true, true, true, true])
        #expect(TaskActor.mentor(amira).auditName == "mentor:amira")
        #expect(TaskActor.admin(name: "koordinator").auditName == "admin:koordinator")
    }

    // MARK: The writes

    let planner = CasePlanner(roster: Fixtures.roster(), notifications: Fixtures.notifications(Fixtures.roster()))

    /// A citizen's case called in by their employer: contact persons are kept for both.
    var intake: CaseIntake {
        var intake = Fixtures.intake()
        intake.citizenReference = "sag-4711"
        intake.caller.cvr = Fixtures.cvr
        return intake
    }

    func act(
        _ action: MentorAction, on task: MentorTask, open: [MentorTask] = [], intake: CaseIntake? = nil, contactPerson: MentorID? = nil,
        by actor: TaskActor? = nil, state: CaseState = .offered
    ) -> Result<[CaseChange], MentorActionRefusal> {
        var snapshot = Fixtures.snapshot(intake ?? self.intake, state: state, openOffers: open, contactPerson: contactPerson)
        if let contactPerson {
            for subject in ContactSubject.of(snapshot.intake) { snapshot.contactPersons[subject] = contactPerson }
        }
        return planner.mentorAction(action, on: task, of: snapshot, by: actor ?? .mentor(task.mentor), now: later, makeTaskID: Fixtures.taskIDs())
    }

    @Test func acceptingWithdrawsTheOtherOpenOffersAndSetsTheContactPerson() throws {
        let mine = Fixtures.task("t-amira", mentor: "amira")
        let other = Fixtures.task("t-jonas", mentor: "jonas")
        let declined = Fixtures.task("t-mette", mentor: "mette", state: .declined)
        let changes = try act(.accept, on: mine, open: [mine, other, declined]).get()
        #expect(changes.labels == [
            "task~", "cancel-task-timers",
            "task~", "cancel-task-timers", "event:withdrawn", "message:task.withdrawn",
            "case:accepted", "cancel:promise_check", "event:accepted",
            "contact-person", "event:contact_person_set", "contact-person", "event:contact_person_set",
        ])
        var accepted = mine
        accepted.state = .accepted
        accepted.answeredAt = later
        var withdrawn = other
        withdrawn.state = .withdrawn
        withdrawn.answeredAt = later
        #expect(changes.updatedTasks == [accepted, withdrawn])
        #expect(changes[1] == .cancelTaskTimers(mine.id))
        #expect(changes[3] == .cancelTaskTimers(other.id))
        #expect(changes[6] == .updateCase(Fixtures.caseID, state: .accepted, progress: nil))
        #expect(changes[7] == .cancelCaseTimers(Fixtures.caseID, kind: .promiseCheck))
        #expect(changes.events(.withdrawn).map(\.detail) == [CaseEventDetail(task: other.id, mentor: jonas, reason: "amira accepted first")])
        #expect(changes.events(.withdrawn).map(\.actor) == ["system"])
        #expect(changes.events(.accepted).map(\.actor) == ["mentor:amira"])
        #expect(changes.events(.accepted).map(\.detail) == [CaseEventDetail(task: mine.id, mentor: amira)])

        let message = changes.drafts[0]
        #expect(message.recipient == .mentor(jonas))
        #expect(message.taskID == other.id)
        #expect(try message.data()["reason"] as? String == "taken")
        #expect(try message.data()["text"] as? String == "Henvendelsen er taget af en kollega. Du skal ikke gøre mere.")

        let subjects = changes.contactPersonChanges
        #expect(subjects.map(\.subject) == [.citizen("sag-4711"), .company(Fixtures.cvr)])
        #expect(subjects.map(\.mentor) == [amira, amira])
        #expect(subjects.map(\.by) == ["mentor:amira", "mentor:amira"])
        let set = changes.events(.contactPersonSet)
        #expect(set.map(\.detail.subject) == ["citizen:sag-4711", "company:12345674"])
        #expect(set.map(\.detail.toMentor) == [amira, amira])
        #expect(set.map(\.detail.reason) == ["accepted the case", "accepted the case"])
    }

    @Test func aCaseWithoutCitizenOrCVRKeepsNoContactPerson() throws {
        let mine = Fixtures.task("t-amira", mentor: "amira")
        let changes = try act(.accept, on: mine, open: [mine], intake: Fixtures.intake()).get()
        #expect(changes.contactPersonChanges.isEmpty)
        #expect(changes.labels == ["task~", "cancel-task-timers", "case:accepted", "cancel:promise_check", "event:accepted"])
    }

    /// The contact person is set only for the subjects that do not have them already.
    @Test func acceptingAsTheCurrentContactPersonDoesNotSetItAgain() throws {
        var citizenOnly = Fixtures.intake()
        citizenOnly.citizenReference = "sag-4711"
        let mine = Fixtures.task("t-amira", mentor: "amira")
        let changes = try act(.accept, on: mine, open: [mine], intake: citizenOnly, contactPerson: amira).get()
        do {
            #expect(changes.contactPersonChanges.isEmpty)
        }
    }

    @Test func decliningTheLastOpenOfferSendsTheCaseBackToRouting() throws {
        let mine = Fixtures.task("t-amira", mentor: "amira")
        let gone = Fixtures.task("t-jonas", mentor: "jonas", state: .expired)
        let changes = try act(.decline(reason: "Syg i dag, borger 010190-1234"), on: mine, open: [mine, gone]).get()
        #expect(changes.labels == ["task~", "cancel-task-timers", "event:declined", "case:routing"])
        #expect(changes.updatedTasks.map(\.state) == [.declined])
        #expect(changes[3] == .updateCase(Fixtures.caseID, state: .routing, progress: nil))
        #expect(changes.events == [CaseEvent(
            at: later, kind: .declined, actor: "mentor:amira",
            detail: CaseEventDetail(task: mine.id, mentor: amira, reason: "Syg i dag, borger [CPR fjernet]")
        )])
    }

    @Test func decliningOneOfSeveralOpenOffersLeavesTheCaseOffered() throws {
        let mine = Fixtures.task("t-amira", mentor: "amira")
        let other = Fixtures.task("t-jonas", mentor: "jonas")
        let changes = try act(.decline(reason: nil), on: mine, open: [mine, other]).get()
        #expect(changes.labels == ["task~", "cancel-task-timers", "event:declined"])
        #expect(changes.events(.declined).first?.detail.reason == nil)
    }

    @Test func theCoordinatorDecliningLeavesTheCaseUnroutable() throws {
        let fallback = Fixtures.task("t-coordinator", mentor: "amira", purpose: .coordinator)
        let changes = try act(.decline(reason: nil), on: fallback, open: [fallback], state: .unroutable).get()
        #expect(changes.labels == ["task~", "cancel-task-timers", "event:declined"])
    }

    @Test(arguments: [false, true])
    func aHandoffCreatesAnAcceptedTaskForTheColleague(transfer: Bool) throws {
        let mine = Fixtures.task("t-amira", mentor: "amira", state: .accepted, level: 1, round: 1)
        let action = MentorAction.handoff(to: mette, note: "Ring til borger 010190-1234 i morgen", transferContactPerson: transfer)
        let changes = try act(action, on: mine, state: .accepted).get()
        let masked = "Ring til borger [CPR fjernet] i morgen"
        let base = ["task~", "task+", "event:handed_off", "message:task.handed_over"]
        #expect(changes.labels == base + (transfer ? ["contact-person", "event:contact_person_set", "contact-person", "event:contact_person_set"] : []))
        var handedOff = mine
        handedOff.state = .handedOff
        #expect(changes.updatedTasks == [handedOff])
        #expect(changes.insertedTasks == [MentorTask(
            id: TaskID("task_1"), caseID: Fixtures.caseID, mentor: mette, state: .accepted, purpose: .handoff, level: 1, round: 1,
            offeredAt: later, deadline: later, answeredAt: later, handedFrom: amira, note: masked
        )])
        #expect(changes.events(.handedOff) == [CaseEvent(
            at: later, kind: .handedOff, actor: "mentor:amira",
            detail: CaseEventDetail(task: TaskID("task_1"), mentor: amira, toMentor: mette, note: masked)
        )])
        #expect(!changes.labels.contains { $0.hasPrefix("case:") })
        let message = changes.drafts[0]
        #expect(message.recipient == .mentor(mette))
        #expect(message.taskID == TaskID("task_1"))
        let data = try message.data()
        #expect(data["from_mentor"] as? String == "amira")
        #expect(data["handoff_note"] as? String == masked)
        #expect(data["contact_person"] as? Bool == transfer)
        #expect(data["text"] as? String
            == "Amira har givet dig en henvendelse fra virksomhed om praktik." + (transfer ? " Du er nu fast kontaktperson." : ""))
        if transfer {
            #expect(changes.contactPersonChanges.map(\.mentor) == [mette, mette])
            #expect(changes.contactPersonChanges.map(\.subject) == [.citizen("sag-4711"), .company(Fixtures.cvr)])
            #expect(changes.events(.contactPersonSet).map(\.detail.reason) == ["handed over with the contact-person role", "handed over with the contact-person role"])
        }
    }

    @Test func anAdminHandoffIsAuditedAsTheAdmin() throws {
        let mine = Fixtures.task("t-amira", mentor: "amira", state: .accepted)
        let changes = try act(.handoff(to: mette, note: nil, transferContactPerson: true), on: mine, by: .admin(name: "koordinator"), state: .accepted).get()
        #expect(changes.events(.handedOff).map(\.actor) == ["admin:koordinator"])
        #expect(changes.contactPersonChanges.map(\.by) == ["admin:koordinator", "admin:koordinator"])
        #expect(changes.insertedTasks.map(\.note) == [nil])
    }

    @Test func aHandoffToSomeoneOutsideTheRosterIsRefused() {
        let mine = Fixtures.task("t-amira", mentor: "amira", state: .accepted)
        let result = act(.handoff(to: MentorID("nobody"), note: nil, transferContactPerson: false), on: mine, state: .accepted)
        #expect(result == .failure(.invalidHandoff("no mentor 'nobody' in the roster")))
    }

    @Test func resolvingClosesTheCaseAndMasksTheOutcome() throws {
        let mine = Fixtures.task("t-amira", mentor: "amira", state: .accepted)
        let changes = try act(.resolve(outcome: "Aftalt møde, CPR 0101901234"), on: mine, state: .accepted).get()
        #expect(changes.labels == ["task~", "case:resolved", "cancel:promise_check", "event:resolved"])
        #expect(changes.updatedTasks.map(\.resolvedAt) == [later])
        #expect(changes[1] == .updateCase(Fixtures.caseID, state: .resolved, progress: nil))
        #expect(changes.events(.resolved).map(\.detail) == [CaseEventDetail(task: mine.id, mentor: amira, reason: "Aftalt møde, CPR [CPR fjernet]")])
    }

    @Test func reopeningTakesAResolvedCaseUpAgain() throws {
        let mine = Fixtures.task("t-amira", mentor: "amira", state: .resolved)
        let changes = try act(.reopen(reason: "Borgeren ringede igen"), on: mine, by: .admin(name: "koordinator"), state: .resolved).get()
        #expect(changes.labels == ["task~", "case:accepted", "event:reopened"])
        #expect(changes.updatedTasks.map(\.state) == [.accepted])
        #expect(changes.events(.reopened).map(\.actor) == ["admin:koordinator"])
        #expect(changes.events(.reopened).map(\.detail.reason) == ["Borgeren ringede igen"])
    }

    @Test(arguments: [
        (MentorAction.reopen(reason: nil), TaskState.accepted),
        (.resolve(outcome: nil), .offered),
        (.accept, .declined),
        (.accept, .expired),
        (.decline(reason: nil), .withdrawn),
        (.handoff(to: MentorID("mette"), note: nil, transferContactPerson: false), .handedOff),
    ])
    func aConflictReportsTheTasksCurrentState(action: MentorAction, state: TaskState) {
        let task = Fixtures.task("t-amira", mentor: "amira", state: state)
        #expect(act(action, on: task, open: [task]) == .failure(.conflict(current: state)))
    }

    @Test func theWrongMentorIsRefusedBeforeTheStateIsLookedAt() {
        let task = Fixtures.task("t-amira", mentor: "amira", state: .expired)
        #expect(act(.accept, on: task, by: .mentor(jonas)) == .failure(.notYourTask))
        #expect(act(.decline(reason: nil), on: task, by: .admin(name: "koordinator")) == .failure(.notYourTask))
    }
}
