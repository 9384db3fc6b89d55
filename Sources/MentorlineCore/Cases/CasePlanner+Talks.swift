package import Foundation

extension CasePlanner {
    /// Register a case's citizen for a talk: a seat while there are any, else a place on the waiting
    /// list; the citizen is told which. A seat also gets its reminder (``Notifications/talkReminder``).
    ///
    /// - Parameter registrations: the talk's registrations that are not cancelled.
    package func registerForTalk(
        _ snapshot: CaseSnapshot, talk id: TalkID, registrations: [TalkRegistration], by actor: String, now: Date
    ) -> Result<[CaseChange], CafeRefusal> {
        guard let talk = roster.cafes.talks[id], let cafe = roster.cafes.cafes[talk.cafe] else { return .failure(CafeRefusal(.invalid, "there is no talk \(id)")) }
        guard talk.interval(in: cafe.timeZone).start > now else { return .failure(CafeRefusal(.conflict, "talk \(id) has begun")) }
        guard !registrations.contains(where: { $0.caseID == snapshot.id }) else {
            return .failure(CafeRefusal(.conflict, "case \(snapshot.id) is registered for talk \(id) already"))
        }
        let registration = TalkRegistration(
            id: IdentifierGenerator().make(RegistrationKind.self, at: now), talk: id, caseID: snapshot.id,
            state: TalkSeating.stateForNew(talk, active: registrations), createdAt: now, updatedBy: actor
        )
        let position = TalkSeating.position(of: registration, among: registrations + [registration])
        let reason = position.map { "on the waiting list for \"\(talk.title)\" (number \($0))" } ?? "a seat at \"\(talk.title)\""
        var changes: [CaseChange] = [
            .insertRegistration(registration),
            .appendEvent(snapshot.id, CaseEvent(
                at: now, kind: .talkRegistered, actor: actor, detail: CaseEventDetail(reason: reason, cafe: cafe.id, talk: id, registration: registration.id)
            )),
        ]
        changes += letters(
            notifications.talkNotice(
                .talkRegistered, talk: talk, cafe: cafe, waitingPosition: position, caseID: snapshot.id, intake: snapshot.intake,
                representative: snapshot.representative, receivedAt: snapshot.receivedAt, at: now
            ),
            caseID: snapshot.id, now: now
        )
        if registration.state == .seated { changes += talkReminder(registration, talk: talk, cafe: cafe, snapshot: snapshot, now: now) }
        return .success(changes)
    }

    /// The reminder of a seat at a talk, with its line in the trail (or why none is sent: the talk is too near).
    func talkReminder(_ registration: TalkRegistration, talk: Talk, cafe: Cafe, snapshot: CaseSnapshot, now: Date) -> [CaseChange] {
        letters(
            notifications.talkReminder(
                talk: talk, cafe: cafe, registration: registration.id, caseID: snapshot.id, intake: snapshot.intake,
                representative: snapshot.representative, receivedAt: snapshot.receivedAt, at: now
            ),
            caseID: snapshot.id, now: now
        )
    }

    /// Cancel a registration; its reminder, if it has not gone (`reminderPending`), is withdrawn. When it
    /// held a seat, the longest waiting (`next`, with its case) moves up and is told, and gets the seat's
    /// reminder if there is still time for it.
    package func cancelTalkRegistration(
        _ registration: TalkRegistration, registrations: [TalkRegistration], next: CaseSnapshot?, reminderPending: Bool = false, by actor: String,
        now: Date
    ) -> Result<[CaseChange], CafeRefusal> {
        guard registration.state != .cancelled else { return .failure(CafeRefusal(.conflict, "registration \(registration.id) is cancelled already")) }
        guard let talk = roster.cafes.talks[registration.talk], let cafe = roster.cafes.cafes[talk.cafe] else {
            return .failure(CafeRefusal(.invalid, "talk \(registration.talk) is not configured"))
        }
        var cancelled = registration
        cancelled.state = .cancelled
        cancelled.updatedAt = now
        cancelled.updatedBy = actor
        var changes: [CaseChange] = [
            .updateRegistration(cancelled),
            .appendEvent(registration.caseID, CaseEvent(
                at: now, kind: .talkCancelled, actor: actor,
                detail: CaseEventDetail(reason: "registration for \"\(talk.title)\" cancelled", cafe: cafe.id, talk: talk.id, registration: registration.id)
            )),
        ]
        if reminderPending {
            changes.append(.withdrawPendingMessagesAbout(registration.caseID, .talkReminder, subject: registration.id.rawValue))
            changes.append(.appendEvent(registration.caseID, CaseEvent(
                at: now, kind: .letter, actor: "system",
                detail: CaseEventDetail(reason: "talk.reminder withdrawn before it went", talk: talk.id, registration: registration.id)
            )))
        }
        if var promoted = TalkSeating.movesUp(after: registration, talk: talk, active: registrations), let next, next.id == promoted.caseID {
            promoted.state = .seated
            promoted.updatedAt = now
            promoted.updatedBy = "system"
            changes.append(.updateRegistration(promoted))
            changes.append(.appendEvent(next.id, CaseEvent(
                at: now, kind: .talkMovedUp, actor: "system",
                detail: CaseEventDetail(reason: "moved up from the waiting list to a seat at \"\(talk.title)\"", cafe: cafe.id, talk: talk.id, registration: promoted.id)
            )))
            changes += letters(
                notifications.talkNotice(
                    .talkSeat, talk: talk, cafe: cafe, waitingPosition: nil, caseID: next.id, intake: next.intake, representative: next.representative,
                    receivedAt: next.receivedAt, at: now
                ),
                caseID: next.id, now: now
            )
            changes += talkReminder(promoted, talk: talk, cafe: cafe, snapshot: next, now: now)
        }
        return .success(changes)
    }
}
