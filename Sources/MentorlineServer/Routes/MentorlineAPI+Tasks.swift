import Foundation
import Hummingbird
import Logging
import MentorlineCore
import MentorlineStore

/// The optional body of a task action: a decline reason or a resolution outcome.
struct TaskActionBody: Decodable {
    var reason: String?
    var outcome: String?

    static let maximumLength = 2000
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
        case .mentor, .intake: throw Problem.forbidden("Task \(id) is not yours.")
        }
        return try JSONResponse.make(TaskView(task))
    }

    /// `POST /v1/tasks/{id}/accept|decline|resolve`, by the mentor the task was offered to.
    func mentorAction(
        _ request: Request, _ context: BasicRequestContext, _ action: (TaskActionBody) -> MentorAction
    ) async throws -> Response {
        guard case .mentor(let mentor) = try authenticate(request) else {
            throw Problem.forbidden("Task actions take the token of the mentor the task was offered to.")
        }
        let id = TaskID(try context.parameters.require("id"))
        let buffer = try await collectBody(request)
        var body = TaskActionBody()
        if buffer.readableBytes > 0 {
            body = try decodeJSON(TaskActionBody.self, from: buffer)
        }
        var problems: [FieldProblem] = []
        if let reason = body.reason, reason.count > TaskActionBody.maximumLength {
            problems.append(FieldProblem(field: "reason", reason: "may be at most \(TaskActionBody.maximumLength) characters"))
        }
        if let outcome = body.outcome, outcome.count > TaskActionBody.maximumLength {
            problems.append(FieldProblem(field: "outcome", reason: "may be at most \(TaskActionBody.maximumLength) characters"))
        }
        guard problems.isEmpty else { throw Problem.invalidFields(problems) }

        let mentorAction = action(body)
        switch try await environment.store.applyMentorAction(mentorAction, to: id, by: mentor, now: environment.now()) {
        case .applied(let task):
            environment.logger.info("Task answered.", metadata: ["task": "\(id)", "case": "\(task.caseID)", "mentor": "\(mentor)", "state": "\(task.state.rawValue)"])
            if case .decline = mentorAction { environment.wakeDispatcher() }
            return try JSONResponse.make(TaskView(task))
        case .notFound:
            throw Problem.notFound("There is no task \(id).")
        case .refused(.notYourTask):
            throw Problem.forbidden("Task \(id) was offered to another mentor.")
        case .refused(.conflict(let current)):
            throw Problem.conflict("Task \(id) is \(current.rawValue); that action is not possible now.")
        }
    }
}
