import Foundation
import Testing
@testable import MentorlineCore

@Suite struct CasePlannerTests {
    let now = Fixtures.at("2026-01-07", "10:00")
    let roster = Fixtures.roster()

    var planner: CasePlanner { CasePlanner(roster: roster, notifications: Fixtures.notifications(roster)) }

    func snapshot(progress: RoutingProgress? = nil, declinedBy: Set<MentorID> = []) -> CaseSnapshot {
        CaseSnapshot(id: CaseID("case_1"), state: .received, receivedAt: now, intake: Fixtures.intake(), progress: progress, declinedBy: declinedBy)
    }

    @Test func anOfferWritesTaskStateAuditTimerAndOneSignedMessage() throws {
        let changes = planner.route(snapshot(), openTasks: [:], now: now, newTaskID: TaskID("task_1"))
        let task = MentorTask(id: TaskID("task_1"), caseID: CaseID("case_1"), mentor: MentorID("amira"), level: 0, round: 0, offeredAt: now, deadline: now.addingTimeInterval(600))
        #expect(changes.contains(.insertTask(task)))
        #expect(changes.contains(.scheduleOfferExpiry(caseID: CaseID("case_1"), task: TaskID("task_1"), due: task.deadline)))
        #expect(changes.contains { if case .updateCase(_, .offered, .some) = $0 { true } else { false } })
        let kinds = changes.compactMap { if case .appendEvent(_, let event) = $0 { event.kind } else { nil } }
        #expect(kinds == [.routed, .offered])
        let drafts = changes.compactMap { if case .enqueue(let draft) = $0 { draft } else { nil } }
        #expect(drafts.count == 1)
        #expect(drafts[0].eventType == .taskOffered)
        #expect(drafts[0].endpoint == EndpointID("mentors"))
        let payload = try JSONSerialization.jsonObject(with: Data(drafts[0].payload)) as! [String: Any]
        #expect(payload["type"] as? String == "task.offered")
        let data = payload["data"] as! [String: Any]
        #expect(data["task_id"] as? String == "task_1")
        #expect((data["actions"] as! [String: String])["accept"] == "http://127.0.0.1:8080/v1/tasks/task_1/accept")
        #expect((data["text"] as! String).contains("Svar inden kl. 10:10"))
    }

    @Test func anExpiredOfferIsWithdrawnAndTheCaseRoutedOn() {
        let first = planner.route(snapshot(), openTasks: [:], now: now, newTaskID: TaskID("task_1"))
        guard case .updateCase(_, _, let progress?) = first.first(where: { if case .updateCase = $0 { true } else { false } }) else {
            Issue.record("no progress")
            return
        }
        let task = MentorTask(id: TaskID("task_1"), caseID: CaseID("case_1"), mentor: MentorID("amira"), level: 0, round: 0, offeredAt: now, deadline: now)
        let later = now.addingTimeInterval(601)
        let changes = planner.expire(task, of: snapshot(progress: progress), openTasks: [MentorID("amira"): 1], now: later, newTaskID: TaskID("task_2"))
        var expired = task
        expired.state = .expired
        expired.answeredAt = later
        #expect(changes.first == .updateTask(expired))
        let drafts = changes.compactMap { if case .enqueue(let draft) = $0 { draft } else { nil } }
        #expect(drafts.map(\.eventType) == [.taskWithdrawn, .taskOffered])
        #expect(drafts.map(\.recipient) == [.mentor(MentorID("amira")), .mentor(MentorID("oksana"))])
    }

    @Test func anAnsweredOfferDoesNotExpire() {
        var task = MentorTask(id: TaskID("task_1"), caseID: CaseID("case_1"), mentor: MentorID("amira"), level: 0, round: 0, offeredAt: now, deadline: now)
        task.state = .accepted
        #expect(planner.expire(task, of: snapshot(), openTasks: [:], now: now, newTaskID: TaskID("task_2")).isEmpty)
    }

    @Test func unroutableCasesAlertOpsWithoutPersonalData() throws {
        let lonely = Fixtures.roster(mentors: [], rotation: [])
        let planner = CasePlanner(roster: lonely, notifications: Fixtures.notifications(lonely))
        let changes = planner.route(snapshot(), openTasks: [:], now: now, newTaskID: TaskID("task_1"))
        #expect(changes.contains { if case .updateCase(_, .unroutable, _) = $0 { true } else { false } })
        let drafts = changes.compactMap { if case .enqueue(let draft) = $0 { draft } else { nil } }
        #expect(drafts.map(\.eventType) == [.caseUnroutable])
        #expect(drafts[0].endpoint == EndpointID("ops"))
        let text = String(decoding: drafts[0].payload, as: UTF8.self)
        #expect(!text.contains("Lone"))
        #expect(!text.contains("20 30 40 50"))
    }

    @Test func mentorActionsFollowTheTaskStateMachine() {
        let task = MentorTask(id: TaskID("t"), caseID: CaseID("c"), mentor: MentorID("amira"), level: 0, round: 0, offeredAt: now, deadline: now)
        #expect(throws: MentorActionRefusal.notYourTask) { try CasePlanner.mentorAction(.accept, on: task, by: MentorID("jonas"), now: now).get() }
        #expect(throws: MentorActionRefusal.conflict(current: .offered)) { try CasePlanner.mentorAction(.resolve(outcome: nil), on: task, by: MentorID("amira"), now: now).get() }

        let accepted = try? CasePlanner.mentorAction(.accept, on: task, by: MentorID("amira"), now: now).get()
        #expect(accepted?.contains(.cancelOfferExpiry(task: TaskID("t"))) == true)
        #expect(accepted?.contains(.updateCase(CaseID("c"), state: .accepted, progress: nil)) == true)

        var acceptedTask = task
        acceptedTask.state = .accepted
        #expect(throws: MentorActionRefusal.conflict(current: .accepted)) { try CasePlanner.mentorAction(.accept, on: acceptedTask, by: MentorID("amira"), now: now).get() }
        let resolved = try? CasePlanner.mentorAction(.resolve(outcome: "Aftalt møde 010190-1234"), on: acceptedTask, by: MentorID("amira"), now: now).get()
        let reasons = resolved?.compactMap { if case .appendEvent(_, let event) = $0 { event.detail.reason } else { nil } }
        #expect(reasons == ["Aftalt møde [CPR fjernet]"])

        let declined = try? CasePlanner.mentorAction(.decline(reason: "syg"), on: task, by: MentorID("amira"), now: now).get()
        #expect(declined?.contains(.updateCase(CaseID("c"), state: .routing, progress: nil)) == true)
    }
}
