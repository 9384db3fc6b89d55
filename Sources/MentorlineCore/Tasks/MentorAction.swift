package import Foundation

/// What a mentor can do with a task.
package enum MentorAction: Hashable, Sendable {
    case accept
    case decline(reason: String?)
    case resolve(outcome: String?)
}

/// Why a mentor's action was refused.
package enum MentorActionRefusal: Error, Hashable, Sendable {
    /// The task was offered to another mentor.
    case notYourTask
    /// The action does not fit the task's state (accepting a declined task, resolving an offered one).
    case conflict(current: TaskState)
}

extension MentorTask {
    /// The task after `action` by `mentor` at `now`, or why it is refused.
    ///
    /// An offer can be accepted until the dispatcher has marked it expired, even a moment past its
    /// deadline: the mentor who picks up late is still the right person, and the dispatcher only moves
    /// on once the expiry is recorded.
    package func applying(_ action: MentorAction, by mentor: MentorID, at now: Date) -> Result<MentorTask, MentorActionRefusal> {
        guard mentor == self.mentor else { return .failure(.notYourTask) }
        var next = self
        switch (action, state) {
        case (.accept, .offered):
            next.state = .accepted
            next.answeredAt = now
        case (.decline, .offered):
            next.state = .declined
            next.answeredAt = now
        case (.resolve, .accepted):
            next.state = .resolved
            next.resolvedAt = now
        case (.accept, _), (.decline, _), (.resolve, _):
            return .failure(.conflict(current: state))
        }
        return .success(next)
    }
}
