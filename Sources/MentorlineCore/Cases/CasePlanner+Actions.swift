package import Foundation

extension CasePlanner {
    /// A mentor (or an admin, where allowed) acts on a task: the writes, or why the action is refused.
    ///
    /// Accepting withdraws the case's other open offers and makes the mentor the contact person for the
    /// case's citizen and company. Declining the last open offer sends the case back to routing.
    package func mentorAction(
        _ action: MentorAction, on task: MentorTask, of snapshot: CaseSnapshot, by actor: TaskActor, now: Date, makeTaskID: () -> TaskID
    ) -> Result<[CaseChange], MentorActionRefusal> {
        // What is left of an erased case is statistics: reopening it would reopen a case nobody can read.
        guard snapshot.erasedAt == nil else { return .failure(.caseErased) }
        let updated: MentorTask
        switch task.applying(action, by: actor, at: now) {
        case .success(let task): updated = task
        case .failure(let refusal): return .failure(refusal)
        }
        let id = task.caseID
        let who = actor.auditName
        // An appointment leaves the task as it is.
        var changes: [CaseChange] = updated == task ? [] : [.updateTask(updated)]
        switch action {
        case .accept:
            changes.append(.cancelTaskTimers(task.id))
            for other in snapshot.openOffers where other.id != task.id && other.state == .offered {
                var withdrawn = other
                withdrawn.state = .withdrawn
                withdrawn.answeredAt = now
                changes += [
                    .updateTask(withdrawn),
                    .cancelTaskTimers(other.id),
                    .appendEvent(id, CaseEvent(
                        at: now, kind: .withdrawn, actor: "system",
                        detail: CaseEventDetail(task: other.id, mentor: other.mentor, reason: "\(task.mentor) accepted first")
                    )),
                    .enqueue(notifications.taskWithdrawn(task: withdrawn, reason: .takenByColleague, at: now)),
                ]
            }
            changes.append(.updateCase(id, state: .accepted, progress: nil))
            changes.append(.cancelCaseTimers(id, kind: .promiseCheck))
            changes.append(.appendEvent(id, CaseEvent(at: now, kind: .accepted, actor: who, detail: CaseEventDetail(task: task.id, mentor: task.mentor))))
            changes += contactPerson(task.mentor, for: snapshot, by: who, now: now, reason: "accepted the case")
        case .decline(let reason):
            changes.append(.cancelTaskTimers(task.id))
            changes.append(.appendEvent(id, CaseEvent(
                at: now, kind: .declined, actor: who, detail: CaseEventDetail(task: task.id, mentor: task.mentor, reason: reason.map(CPRMasking.masked))
            )))
            let othersOpen = snapshot.openOffers.contains { $0.id != task.id && $0.state == .offered }
            // The coordinator's fallback offer declined leaves the case unroutable, with ops already alerted.
            if !othersOpen, task.purpose != .coordinator {
                changes.append(.updateCase(id, state: .routing, progress: nil))
            }
        case .handoff(let target, let note, let transfer):
            guard let receiver = roster.mentors[target] else {
                return .failure(.invalidHandoff("no mentor '\(target)' in the roster"))
            }
            let masked = note.map(CPRMasking.masked)
            let handed = MentorTask(
                id: makeTaskID(), caseID: id, mentor: receiver.id, state: .accepted, purpose: .handoff, level: task.level, round: task.round,
                offeredAt: now, deadline: now, answeredAt: now, handedFrom: task.mentor, note: masked
            )
            changes.append(.insertTask(handed))
            changes.append(.appendEvent(id, CaseEvent(
                at: now, kind: .handedOff, actor: who,
                detail: CaseEventDetail(task: handed.id, mentor: task.mentor, toMentor: receiver.id, note: masked)
            )))
            let fromName = roster.mentors[task.mentor]?.name ?? task.mentor.rawValue
            changes.append(.enqueue(notifications.taskHandedOver(
                task: handed, from: task.mentor, fromName: fromName, intake: snapshot.intake, contactPerson: transfer, at: now
            )))
            if transfer { changes += contactPerson(receiver.id, for: snapshot, by: who, now: now, reason: "handed over with the contact-person role") }
        case .resolve(let outcome):
            changes.append(.updateCase(id, state: .resolved, progress: nil))
            changes.append(.cancelCaseTimers(id, kind: .promiseCheck))
            changes.append(.appendEvent(id, CaseEvent(
                at: now, kind: .resolved, actor: who, detail: CaseEventDetail(task: task.id, mentor: task.mentor, reason: outcome.map(CPRMasking.masked))
            )))
        case .appointment(let appointment):
            var booked = appointment
            booked.place = appointment.place.map(CPRMasking.masked)
            changes.append(.appendEvent(id, CaseEvent(
                at: now, kind: .appointmentBooked, actor: who, detail: CaseEventDetail(task: task.id, mentor: task.mentor, until: booked.at)
            )))
            let mentorName = roster.mentors[task.mentor]?.name ?? task.mentor.rawValue
            changes += letters(
                notifications.caseAppointment(
                    caseID: id, intake: snapshot.intake, representative: snapshot.representative, receivedAt: snapshot.receivedAt,
                    appointment: booked, mentorName: mentorName, at: now
                ),
                caseID: id, now: now
            )
        case .reopen(let reason):
            changes.append(.updateCase(id, state: .accepted, progress: nil))
            changes.append(.appendEvent(id, CaseEvent(
                at: now, kind: .reopened, actor: who, detail: CaseEventDetail(task: task.id, mentor: task.mentor, reason: reason.map(CPRMasking.masked))
            )))
        }
        return .success(changes)
    }

    /// Makes `mentor` the contact person for each subject of the case that does not have them already.
    func contactPerson(_ mentor: MentorID, for snapshot: CaseSnapshot, by actor: String, now: Date, reason: String) -> [CaseChange] {
        ContactSubject.of(snapshot.intake).filter { snapshot.contactPersons[$0] != mentor }.flatMap { subject -> [CaseChange] in
            [
                .setContactPerson(subject, mentor, by: actor),
                .appendEvent(snapshot.id, CaseEvent(
                    at: now, kind: .contactPersonSet, actor: actor, detail: CaseEventDetail(reason: reason, toMentor: mentor, subject: subject.description)
                )),
            ]
        }
    }
}
