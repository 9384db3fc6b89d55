package import Foundation

/// What a mentor (or, where allowed, an admin) can do with a task.
package enum MentorAction: Hashable, Sendable {
    case accept
    case decline(reason: String?)
    /// Pass an accepted case to a colleague, with a note; optionally make them the contact person.
    case handoff(to: MentorID, note: String?, transferContactPerson: Bool)
    case resolve(outcome: String?)
    /// Take a resolved case up again.
    case reopen(reason: String?)
    /// Book a meeting or call with the caller's side of an accepted case: they get a confirmation and a reminder.
    case appointment(Appointment)

    /// The name used in URLs, logs and the audit trail.
    package var name: String {
        switch self {
        case .accept: "accept"
        case .decline: "decline"
        case .handoff: "handoff"
        case .resolve: "resolve"
        case .reopen: "reopen"
        case .appointment: "appointment"
        }
    }

    /// Whether an admin may do it on the mentor's behalf (a coordinator moving or reopening a case).
    /// Accepting and declining stay with the mentor offered the case.
    package var adminMayAct: Bool {
        switch self {
        case .handoff, .reopen, .resolve, .appointment: true
        case .accept, .decline: false
        }
    }
}

/// Who acts on a task.
package enum TaskActor: Hashable, Sendable {
    case mentor(MentorID)
    case admin(name: String)

    /// As written in the audit trail: `mentor:<id>` or `admin:<token name>`.
    package var auditName: String {
        switch self {
        case .mentor(let id): "mentor:\(id)"
        case .admin(let name): "admin:\(name)"
        }
    }
}

/// Why a mentor's action was refused.
package enum MentorActionRefusal: Error, Hashable, Sendable {
    /// The task belongs to another mentor, or an admin may not do this on a mentor's behalf.
    case notYourTask
    /// The action does not fit the task's state (accepting a declined task, resolving an offered one).
    case conflict(current: TaskState)
    /// The handoff names nobody who can take it (unknown mentor, or the mentor themselves).
    case invalidHandoff(String)
    /// The case's personal data was erased under the retention rule: it is kept for statistics only.
    case caseErased
}

extension MentorTask {
    /// The task after `action` by `actor` at `now`, or why it is refused.
    ///
    /// An offer can be accepted until the dispatcher has marked it expired, even a moment past its
    /// deadline: the mentor who picks up late is still the right person, and the dispatcher only moves
    /// on once the expiry is recorded.
    package func applying(_ action: MentorAction, by actor: TaskActor, at now: Date) -> Result<MentorTask, MentorActionRefusal> {
        switch actor {
        case .mentor(let id): guard id == mentor else { return .failure(.notYourTask) }
        case .admin: guard action.adminMayAct else { return .failure(.notYourTask) }
        }
        var next = self
        switch (action, state) {
        case (.accept, .offered):
            next.state = .accepted
            next.answeredAt = now
        case (.decline, .offered):
            next.state = .declined
            next.answeredAt = now
        case (.handoff(let to, _, _), .accepted):
            guard to != mentor else { return .failure(.invalidHandoff("a task cannot be handed to the mentor who has it")) }
            next.state = .handedOff
        case (.resolve, .accepted):
            next.state = .resolved
            next.resolvedAt = now
        case (.reopen, .resolved):
            next.state = .accepted
            next.resolvedAt = nil
        case (.appointment, .accepted):
            break
        case (.accept, _), (.decline, _), (.handoff, _), (.resolve, _), (.reopen, _), (.appointment, _):
            return .failure(.conflict(current: state))
        }
        return .success(next)
    }
}
