package import Foundation

extension Notifications {
    /// The caller's notice of a talk registration (`talk.registered`: a seat, or a place on the waiting
    /// list) or of moving up to a seat (`talk.seat`), through the letter policy like every caller-facing message.
    package func talkNotice(
        _ event: EventType, talk: Talk, cafe: Cafe, waitingPosition: Int?, caseID: CaseID, intake: CaseIntake, representative: Representative?,
        receivedAt: Date, at now: Date
    ) -> CallerMessages {
        let start = talk.interval(in: cafe.timeZone).start
        let values: @Sendable (Date) -> TemplateValues = { sent in
            var values: TemplateValues = [
                "case_id": .text(caseID.rawValue), "title": .text(talk.title), "cafe": .text(cafe.name), "address": .text(cafe.address),
                "time": .text(dayAndClock(start, in: cafe.timeZone)), "waiting": .flag(waitingPosition != nil),
            ]
            if let waitingPosition { values["position"] = .text("\(waitingPosition)") }
            return values
        }
        return toCaller(
            CallerEvent(type: event, values: values), caseID: caseID, intake: intake, representative: representative, receivedAt: receivedAt, at: now
        )
    }

    /// The caller's reminder of their seat at a talk, queued now to go at the latest time the letter
    /// policy allows before ``LetterRules/reminderLead`` (earlier, never later), as a café booking's
    /// reminder is. Each draft names `registration` as its subject, so that cancelling the registration
    /// withdraws this reminder and no other.
    package func talkReminder(
        talk: Talk, cafe: Cafe, registration: RegistrationID, caseID: CaseID, intake: CaseIntake, representative: Representative?,
        receivedAt: Date, at now: Date
    ) -> CallerMessages {
        let start = talk.interval(in: cafe.timeZone).start
        let values: @Sendable (Date) -> TemplateValues = { _ in
            [
                "case_id": .text(caseID.rawValue), "title": .text(talk.title), "cafe": .text(cafe.name), "address": .text(cafe.address),
                "time": .text(dayAndClock(start, in: cafe.timeZone)),
            ]
        }
        var messages = toCaller(
            CallerEvent(type: .talkReminder, values: values, appointment: Appointment(at: start, place: "\(cafe.name), \(cafe.address)"), isReminder: true),
            caseID: caseID, intake: intake, representative: representative, receivedAt: receivedAt, at: now
        )
        for index in messages.drafts.indices { messages.drafts[index].subject = registration.rawValue }
        return messages
    }
}
