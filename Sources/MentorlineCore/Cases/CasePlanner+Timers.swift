package import Foundation

extension CasePlanner {
    /// An offer's deadline passed: if it is still unanswered, expire it, and once no offer of the case
    /// is open any more (the last of a simultaneous level), route the case onward.
    package func expire(
        _ task: MentorTask, of snapshot: CaseSnapshot, context: DispatchContext, now: Date, makeTaskID: () -> TaskID
    ) -> [CaseChange] {
        guard task.state == .offered, task.purpose == .offer else { return [] }
        var expired = task
        expired.state = .expired
        expired.answeredAt = now
        var changes: [CaseChange] = [
            .updateTask(expired),
            .cancelTaskTimers(task.id),
            .appendEvent(snapshot.id, CaseEvent(
                at: now, kind: .offerExpired, actor: "system",
                detail: CaseEventDetail(task: task.id, mentor: task.mentor, reason: "no answer before the deadline")
            )),
            .enqueue(notifications.taskWithdrawn(task: expired, reason: .expired, at: now)),
        ]
        let othersOpen = snapshot.openOffers.contains { $0.id != task.id && $0.state == .offered }
        guard !othersOpen, snapshot.state == .offered else { return changes }
        var context = context
        context.openTasks[task.mentor, default: 1] -= 1
        var next = snapshot
        next.offeredBefore = true
        next.openOffers = []
        changes += route(next, context: context, now: now, makeTaskID: makeTaskID)
        return changes
    }

    /// A later contact method of an offer falls due: send it if the offer is still open.
    package func notifyStep(_ task: MentorTask, step: Int, of snapshot: CaseSnapshot, now: Date) -> [CaseChange] {
        guard task.state == .offered else { return [] }
        let methods = roster.mentors[task.mentor]?.contactMethods(for: snapshot.intake.urgency) ?? []
        // A reload may have shortened the list; the first method then stands in.
        let method = methods.indices.contains(step) ? methods[step] : methods.first
        return [.enqueue(notifications.taskOffered(task: task, intake: snapshot.intake, method: method, at: now))]
    }

    /// A wait is over: route the case again (it does not wait a second time for the same reason).
    package func waitOver(_ snapshot: CaseSnapshot, context: DispatchContext, now: Date, makeTaskID: () -> TaskID) -> [CaseChange] {
        guard snapshot.state == .waiting else { return [] }
        var next = snapshot
        next.state = .routing
        return route(next, context: context, now: now, makeTaskID: makeTaskID)
    }

    /// Shortly before the promise falls due: if nobody has taken the case, warn the coordinator.
    package func promiseCheck(_ snapshot: CaseSnapshot, now: Date) -> [CaseChange] {
        guard let promise = snapshot.promisedBy else { return [] }
        switch snapshot.state {
        case .accepted, .resolved, .booked:
            return []
        case .received, .routing, .offered, .waiting, .unroutable:
            let coordinator = roster.rules.coordinator.flatMap { roster.mentors[$0] != nil ? $0 : nil }
            return [
                .appendEvent(snapshot.id, CaseEvent(
                    at: now, kind: .promiseAtRisk, actor: "system",
                    detail: CaseEventDetail(
                        mentor: coordinator, deadline: promise,
                        reason: "nobody has taken the case and the caller was promised contact by then; \(coordinator.map { "coordinator \($0)" } ?? "ops") alerted"
                    )
                )),
                .enqueue(notifications.promiseAtRisk(
                    caseID: snapshot.id, intake: snapshot.intake, state: snapshot.state, promisedBy: promise, coordinator: coordinator, at: now
                )),
            ]
        }
    }
}
