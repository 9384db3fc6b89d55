import Foundation
import Hummingbird
import Logging
import MentorlineCore
import MentorlineStore

/// The optional body of a task action: a decline or reopen reason, a resolution outcome, or a handoff.
struct TaskActionBody: Decodable {
    var reason: String?
    var outcome: String?
    /// Handoff: the receiving mentor, a note for them, and whether the contact-person role goes too.
    var to: String?
    var note: String?
    var contactPerson: Bool?
    /// Appointment: when (ISO 8601, or wall clock in the deployment's zone) and where (none: a phone call).
    var at: String?
    var place: String?

    enum CodingKeys: String, CodingKey {
        case reason, outcome, to, note, at, place
        case contactPerson = "contact_person"
    }

    static let maximumLength = 2000

    func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for (field, value) in [("reason", reason), ("outcome", outcome), ("note", note), ("place", place)] {
            if let value, value.count > Self.maximumLength {
                problems.append(FieldProblem(field: field, reason: "may be at most \(Self.maximumLength) characters"))
            }
        }
        return problems
    }
}

extension MentorlineAPI {
    /// `GET /v1/tasks/{id}`: the mentor it was offered to, or admin.
    @Sendable func showTask(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let principal = try authenticate(request)
        let id = TaskID(try context.parameters.require("id"))
        guard let task = try await environment.store.task(id) else { throw Problem.notFound("There is no task \(id).") }
        switch principal {
        case .admin: break
        case .mentor(let mentor) where mentor == task.mentor: break
        case .mentor, .intake, .volunteer: throw Problem.forbidden("Task \(id) is not yours.")
        }
        return try JSONResponse.make(TaskView(task))
    }

    /// `POST /v1/tasks/{id}/accept|decline|handoff|resolve|reopen`: by the mentor the task is for; an
    /// admin (a coordinator) may also hand off, resolve and reopen.
    func mentorAction(
        _ request: Request, _ context: BasicRequestContext, _ action: (TaskActionBody) throws -> MentorAction
    ) async throws -> Response {
        let actor: TaskActor
        switch try authenticate(request) {
        case .mentor(let mentor): actor = .mentor(mentor)
        case .admin(let name): actor = .admin(name: name)
        case .intake, .volunteer: throw Problem.forbidden("Task actions take the token of the mentor the task was offered to, or an admin token.")
        }
        let id = TaskID(try context.parameters.require("id"))
        let buffer = try await collectBody(request)
        var body = TaskActionBody()
        if buffer.readableBytes > 0 {
            body = try decodeJSON(TaskActionBody.self, from: buffer)
        }
        let problems = body.problems()
        guard problems.isEmpty else { throw Problem.invalidFields(problems) }
        let mentorAction = try action(body)
        let task = try await perform(mentorAction, on: id, by: actor, consumingLink: nil)
        return try JSONResponse.make(TaskView(task))
    }

    /// The handoff body: `to` is required and must name a mentor.
    static func handoff(_ body: TaskActionBody) throws -> MentorAction {
        guard let to = body.to, !to.isEmpty else {
            throw Problem.invalidFields([FieldProblem(field: "to", reason: "is required: the id of the mentor taking the case over")])
        }
        return .handoff(to: MentorID(to), note: body.note, transferContactPerson: body.contactPerson ?? false)
    }

    /// The appointment body: `at` is required, in the future and within a year.
    func appointment(_ body: TaskActionBody) throws -> MentorAction {
        let now = environment.now()
        let timeZone = environment.settings().planner.notifications.timeZone
        guard let text = body.at, let at = InstantParsing.parse(text, in: timeZone) else {
            throw Problem.invalidFields([FieldProblem(field: "at", reason: "is required: when, such as 2026-12-03T10:30 (local time) or with an offset")])
        }
        guard at > now, at.timeIntervalSince(now) <= 366 * 86400 else {
            throw Problem.invalidFields([FieldProblem(field: "at", reason: "must be in the future and within a year")])
        }
        let place = body.place?.trimmingCharacters(in: .whitespacesAndNewlines)
        return .appointment(Appointment(at: at, place: place?.isEmpty == false ? place : nil))
    }

    /// Applies an action through the store and the planner in force; throws the matching problem when refused.
    func perform(_ action: MentorAction, on id: TaskID, by actor: TaskActor, consumingLink: String?) async throws -> MentorTask {
        let planner = environment.settings().planner
        let result = try await environment.store.applyMentorAction(to: id, consumingLink: consumingLink, now: environment.now()) { task, snapshot, makeTaskID in
            planner.mentorAction(action, on: task, of: snapshot, by: actor, now: environment.now(), makeTaskID: makeTaskID)
        }
        switch result {
        case .applied(let task, let created):
            if case .accept = action, task.state == .accepted {
                environment.offerAccepted(.seconds((task.answeredAt ?? environment.now()).timeIntervalSince(task.offeredAt)))
            }
            environment.logger.info("Task action applied.", metadata: [
                "task": "\(id)", "case": "\(task.caseID)", "action": "\(action.name)", "actor": "\(actor.auditName)", "state": "\(task.state.rawValue)",
            ])
            for handed in created {
                environment.logger.info("Task handed over.", metadata: ["task": "\(handed.id)", "case": "\(handed.caseID)", "mentor": "\(handed.mentor)"])
            }
            // Declines send the case back to routing; accepts and handoffs queue messages.
            environment.wakeDispatcher()
            return task
        case .notFound:
            throw Problem.notFound("There is no task \(id).")
        case .refused(.notYourTask):
            throw Problem.forbidden("Task \(id) was offered to another mentor, or this action is the mentor's own.")
        case .refused(.conflict(let current)):
            throw Problem.conflict("Task \(id) is \(current.rawValue); that action is not possible now.")
        case .refused(.invalidHandoff(let why)):
            throw Problem.invalidFields([FieldProblem(field: "to", reason: why)])
        case .refused(.caseErased):
            throw Problem.gone("The case of task \(id) was erased under the retention rule; it can no longer be changed.")
        case .linkAlreadyUsed:
            throw Problem.gone("This link has already been used.")
        }
    }
}
