package import Foundation

/// Turns routing decisions, timers and mentor actions into the writes that carry them out.
/// Pure: the store supplies what it read, the planner answers with ``CaseChange``s.
package struct CasePlanner: Sendable {
    package var roster: Roster
    package var notifications: Notifications

    package init(roster: Roster, notifications: Notifications) {
        self.roster = roster
        self.notifications = notifications
    }

    /// The context with what is the same for every case of a batch worked out once: who is on call.
    package func prepare(_ context: DispatchContext, now: Date) -> DispatchContext {
        var prepared = context
        prepared.onCall = roster.onCall(at: now, overrides: context.overrides)
        return prepared
    }

    /// Decide what happens to a case that needs routing (new, declined, expired, or done waiting).
    ///
    /// - Parameter makeTaskID: gives the id of each task the decision creates.
    package func route(_ snapshot: CaseSnapshot, context: DispatchContext, now: Date, makeTaskID: () -> TaskID) -> [CaseChange] {
        let situation = RoutingSituation(
            intake: snapshot.intake, progress: snapshot.progress, declinedBy: snapshot.declinedBy, openTasks: context.openTasks,
            lastOfferedAt: context.lastOfferedAt, availability: context.availability, overrides: context.overrides,
            contactPerson: snapshot.contactPerson, offeredBefore: snapshot.offeredBefore, now: now, onCall: context.onCall
        )
        let id = snapshot.id
        let isFirstDecision = snapshot.state == .received
        var changes: [CaseChange] = []
        if isFirstDecision, let attempt = cafeAttempt(snapshot, context: context, now: now) {
            switch attempt {
            case .booked(let booked): return booked
            case .noSlot(let trail): changes += trail
            }
        }
        let decision = RoutingEngine.decide(situation, roster: roster)
        if isFirstDecision, let progress = decision.progress {
            changes.append(.appendEvent(id, CaseEvent(at: now, kind: .routed, actor: "system", detail: CaseEventDetail(route: progress.route, policy: progress.policy))))
        }
        let promise: Date?
        switch decision {
        case .offer(let offer):
            if offer.escalated {
                changes.append(.appendEvent(id, CaseEvent(
                    at: now, kind: .escalated, actor: "system",
                    detail: CaseEventDetail(policy: offer.progress.policy, level: offer.progress.level + 1, round: offer.progress.round + 1)
                )))
            }
            changes.append(.updateCase(id, state: .offered, progress: offer.progress))
            for (index, mentor) in offer.mentors.enumerated() {
                let task = MentorTask(
                    id: makeTaskID(), caseID: id, mentor: mentor, level: offer.progress.level, round: offer.progress.round,
                    offeredAt: now, deadline: offer.deadline
                )
                changes.append(.insertTask(task))
                changes.append(.appendEvent(id, CaseEvent(
                    at: now, kind: .offered, actor: "system",
                    detail: CaseEventDetail(
                        policy: offer.progress.policy, task: task.id, mentor: mentor, level: offer.progress.level + 1,
                        round: offer.progress.round + 1, deadline: offer.deadline, ranking: index == 0 ? offer.ranking : nil,
                        purpose: .offer, strategy: offer.strategy
                    )
                )))
                changes.append(.schedule(CaseTimer(kind: .offerExpiry, caseID: id, task: task.id, due: offer.deadline)))
                changes += notify(task, intake: snapshot.intake, now: now)
            }
            promise = offer.deadline
        case .wait(let wait):
            changes.append(.updateCase(id, state: .waiting, progress: wait.progress))
            changes.append(.appendEvent(id, CaseEvent(
                at: now, kind: .waiting, actor: "system",
                detail: CaseEventDetail(
                    policy: wait.progress.policy, mentor: wait.reason.mentor, reason: wait.reason.description, ranking: wait.ranking, until: wait.until
                )
            )))
            changes.append(.schedule(CaseTimer(kind: .waitOver, caseID: id, due: wait.until)))
            promise = wait.promise
        case .unroutable(let reason, let progress, let ranking):
            changes += unroutable(snapshot, reason: reason, progress: progress, ranking: ranking, now: now, makeTaskID: makeTaskID)
            promise = nil
        }
        if isFirstDecision { changes += receipt(snapshot, promise: promise, now: now) }
        return changes
    }

    /// The first offer through each of the mentor's contact methods: those due now are queued, the
    /// later ones become timers that send only if the offer is still open then.
    func notify(_ task: MentorTask, intake: CaseIntake, now: Date) -> [CaseChange] {
        let methods = roster.mentors[task.mentor]?.contactMethods(for: intake.urgency) ?? []
        guard !methods.isEmpty else {
            return [.enqueue(notifications.taskOffered(task: task, intake: intake, method: nil, at: now))]
        }
        return methods.enumerated().map { step, method in
            method.delay <= .zero
                ? .enqueue(notifications.taskOffered(task: task, intake: intake, method: method, at: now))
                : .schedule(CaseTimer(kind: .notifyStep, caseID: task.caseID, task: task.id, step: step, due: task.offeredAt + method.delay))
        }
    }

    /// Nobody could take the case: the coordinator is offered it (without a deadline) and ops alerted.
    func unroutable(
        _ snapshot: CaseSnapshot, reason: String, progress: RoutingProgress?, ranking: [CandidateAssessment], now: Date, makeTaskID: () -> TaskID
    ) -> [CaseChange] {
        let id = snapshot.id
        let coordinator = roster.rules.coordinator.flatMap { roster.mentors[$0] != nil ? $0 : nil }
        var changes: [CaseChange] = [
            .updateCase(id, state: .unroutable, progress: progress ?? snapshot.progress),
            .appendEvent(id, CaseEvent(
                at: now, kind: .unroutable, actor: "system",
                detail: CaseEventDetail(route: progress?.route, policy: progress?.policy, reason: reason, ranking: ranking)
            )),
        ]
        if let coordinator {
            let task = MentorTask(
                // After the last round `progress.round` is one past it; the task keeps the last one tried.
                id: makeTaskID(), caseID: id, mentor: coordinator, purpose: .coordinator, level: 0,
                round: max((progress?.round ?? 1) - 1, 0), offeredAt: now, deadline: now
            )
            changes.append(.insertTask(task))
            changes.append(.appendEvent(id, CaseEvent(
                at: now, kind: .offered, actor: "system",
                detail: CaseEventDetail(task: task.id, mentor: coordinator, reason: "fallback: the coordinator takes cases nobody else could", purpose: .coordinator)
            )))
            changes += notify(task, intake: snapshot.intake, now: now)
        }
        changes.append(.enqueue(notifications.caseUnroutable(caseID: id, intake: snapshot.intake, reason: reason, coordinator: coordinator, at: now)))
        return changes
    }

    /// The caller's receipt with the callback promise, and a timer to warn the coordinator before the
    /// promise is missed.
    func receipt(_ snapshot: CaseSnapshot, promise: Date?, now: Date) -> [CaseChange] {
        let id = snapshot.id
        var changes: [CaseChange] = []
        if let promise {
            changes.append(.setPromise(id, promise))
            let remaining = promise.timeIntervalSince(now)
            let lead = min(roster.rules.promiseAlertLead.timeInterval, remaining / 2)
            changes.append(.schedule(CaseTimer(kind: .promiseCheck, caseID: id, due: promise.addingTimeInterval(-lead))))
        }
        let messages = notifications.caseReceipt(
            caseID: id, intake: snapshot.intake, representative: snapshot.representative, receivedAt: snapshot.receivedAt, promise: promise, at: now
        )
        let reason = messages.drafts.isEmpty ? "no receipt sent" : "receipt queued"
        changes.append(.appendEvent(id, CaseEvent(at: now, kind: .promised, actor: "system", detail: CaseEventDetail(deadline: promise, reason: reason))))
        changes += letters(messages, caseID: id, now: now)
        return changes
    }
}

extension CasePlanner {
    /// The messages of a caller-facing event queued, each with its line in the case's trail.
    func letters(_ messages: CallerMessages, caseID: CaseID, now: Date) -> [CaseChange] {
        var changes: [CaseChange] = []
        for note in messages.notes {
            changes.append(.appendEvent(caseID, CaseEvent(at: now, kind: .letter, actor: "system", detail: CaseEventDetail(reason: note))))
        }
        for draft in messages.drafts {
            changes.append(.enqueue(draft))
        }
        return changes
    }
}

extension RoutingDecision {
    /// The progress the decision stores, if any.
    var progress: RoutingProgress? {
        switch self {
        case .offer(let offer): offer.progress
        case .wait(let wait): wait.progress
        case .unroutable(_, let progress, _): progress
        }
    }
}

extension WaitReason {
    var mentor: MentorID? {
        if case .contactPerson(let mentor) = self { return mentor }
        return nil
    }
}
