package import Foundation

/// Turns routing decisions, expired offers and mentor actions into the writes that carry them out.
/// Pure: the store supplies what it read, the planner answers with ``CaseChange``s.
package struct CasePlanner: Sendable {
    package var roster: Roster
    package var notifications: Notifications

    package init(roster: Roster, notifications: Notifications) {
        self.roster = roster
        self.notifications = notifications
    }

    /// Decide what happens to a case that needs routing (new, declined or expired).
    ///
    /// - Parameter newTaskID: the id the task gets if the decision is an offer.
    package func route(_ snapshot: CaseSnapshot, openTasks: [MentorID: Int], now: Date, newTaskID: TaskID) -> [CaseChange] {
        let situation = RoutingSituation(
            intake: snapshot.intake, progress: snapshot.progress, declinedBy: snapshot.declinedBy, openTasks: openTasks, now: now
        )
        var changes: [CaseChange] = []
        let decision = RoutingEngine.decide(situation, roster: roster)
        switch decision {
        case .offer(let offer):
            if snapshot.progress == nil {
                changes.append(.appendEvent(snapshot.id, CaseEvent(
                    at: now, kind: .routed, actor: "system",
                    detail: CaseEventDetail(route: offer.progress.route, policy: offer.progress.policy)
                )))
            }
            if offer.escalated {
                changes.append(.appendEvent(snapshot.id, CaseEvent(
                    at: now, kind: .escalated, actor: "system",
                    detail: CaseEventDetail(policy: offer.progress.policy, level: offer.progress.level + 1, round: offer.progress.round + 1)
                )))
            }
            let task = MentorTask(
                id: newTaskID, caseID: snapshot.id, mentor: offer.mentor, level: offer.progress.level, round: offer.progress.round,
                offeredAt: now, deadline: offer.deadline
            )
            changes.append(.insertTask(task))
            changes.append(.updateCase(snapshot.id, state: .offered, progress: offer.progress))
            changes.append(.appendEvent(snapshot.id, CaseEvent(
                at: now, kind: .offered, actor: "system",
                detail: CaseEventDetail(
                    policy: offer.progress.policy, task: task.id, mentor: offer.mentor, level: offer.progress.level + 1,
                    round: offer.progress.round + 1, deadline: offer.deadline, ranking: offer.ranking
                )
            )))
            changes.append(.scheduleOfferExpiry(caseID: snapshot.id, task: task.id, due: offer.deadline))
            changes.append(.enqueue(notifications.taskOffered(task: task, intake: snapshot.intake, at: now)))
        case .unroutable(let reason, let progress, let ranking):
            changes.append(.updateCase(snapshot.id, state: .unroutable, progress: progress ?? snapshot.progress))
            changes.append(.appendEvent(snapshot.id, CaseEvent(
                at: now, kind: .unroutable, actor: "system",
                detail: CaseEventDetail(route: progress?.route, policy: progress?.policy, reason: reason, ranking: ranking)
            )))
            changes.append(.enqueue(notifications.caseUnroutable(caseID: snapshot.id, intake: snapshot.intake, reason: reason, at: now)))
        }
        return changes
    }

    /// An offer's deadline passed: if it is still unanswered, expire it and route the case onward.
    package func expire(
        _ task: MentorTask, of snapshot: CaseSnapshot, openTasks: [MentorID: Int], now: Date, newTaskID: TaskID
    ) -> [CaseChange] {
        guard task.state == .offered else { return [] }
        var expired = task
        expired.state = .expired
        expired.answeredAt = now
        var changes: [CaseChange] = [
            .updateTask(expired),
            .appendEvent(snapshot.id, CaseEvent(
                at: now, kind: .offerExpired, actor: "system",
                detail: CaseEventDetail(task: task.id, mentor: task.mentor, reason: "no answer before the deadline")
            )),
            .enqueue(notifications.taskWithdrawn(task: expired, reason: "expired", at: now)),
        ]
        var load = openTasks
        load[task.mentor, default: 1] -= 1
        changes += route(snapshot, openTasks: load, now: now, newTaskID: newTaskID)
        return changes
    }

    /// A mentor acts on a task: the writes, or why the action is refused.
    package static func mentorAction(
        _ action: MentorAction, on task: MentorTask, by mentor: MentorID, now: Date
    ) -> Result<[CaseChange], MentorActionRefusal> {
        task.applying(action, by: mentor, at: now).map { updated in
            let actor = "mentor:\(mentor)"
            switch action {
            case .accept:
                return [
                    .updateTask(updated),
                    .cancelOfferExpiry(task: task.id),
                    .updateCase(task.caseID, state: .accepted, progress: nil),
                    .appendEvent(task.caseID, CaseEvent(at: now, kind: .accepted, actor: actor, detail: CaseEventDetail(task: task.id, mentor: mentor))),
                ]
            case .decline(let reason):
                return [
                    .updateTask(updated),
                    .cancelOfferExpiry(task: task.id),
                    .updateCase(task.caseID, state: .routing, progress: nil),
                    .appendEvent(task.caseID, CaseEvent(
                        at: now, kind: .declined, actor: actor, detail: CaseEventDetail(task: task.id, mentor: mentor, reason: reason.map(CPRMasking.masked))
                    )),
                ]
            case .resolve(let outcome):
                return [
                    .updateTask(updated),
                    .updateCase(task.caseID, state: .resolved, progress: nil),
                    .appendEvent(task.caseID, CaseEvent(
                        at: now, kind: .resolved, actor: actor, detail: CaseEventDetail(task: task.id, mentor: mentor, reason: outcome.map(CPRMasking.masked))
                    )),
                ]
            }
        }
    }
}
