package import Foundation

/// The messages of one caller-facing event, one per addressee, and what the case's trail says of each.
package struct CallerMessages: Hashable, Sendable {
    package var drafts: [MessageDraft] = []
    /// One line per addressee: sent, held until when and why, or not sent and why.
    package var notes: [String] = []
}

extension Notifications {
    struct CallerMessageData: Encodable, Sendable {
        enum CodingKeys: String, CodingKey {
            case caseId = "case_id"
            case recipient
            case to
            case text
            case language
            case expectContactBy = "expect_contact_by"
            case appointmentAt = "appointment_at"
            case place
        }

        var caseId: CaseID
        var recipient: RecipientReference
        /// The one person the gateway delivers to: never the citizen when a representative acts instead.
        var to: Addressee
        var text: String
        var language: LanguageCode
        var expectContactBy: Date?
        var appointmentAt: Date?
        var place: String?
    }

    /// What a caller-facing event is about, beyond its text.
    package struct CallerEvent: Sendable {
        package var type: EventType
        /// The template values for a message sent at the given instant.
        package var values: @Sendable (Date) -> TemplateValues
        package var expectContactBy: Date?
        package var appointment: Appointment?
        /// Whether this is the reminder of `appointment`, timed by ``LetterRules/reminder(to:appointment:now:)``.
        package var isReminder = false
    }

    /// Every caller-facing message is built here: addressed by the representative rule
    /// (``CaseIntake/addressees(registered:mode:)``) and timed by the letter policy.
    ///
    /// - Parameters:
    ///   - representative: the representative registered for the citizen on an earlier case, if any.
    ///   - receivedAt: when the case came in, for the exemption of replies to a call just made.
    package func toCaller(
        _ event: CallerEvent, caseID: CaseID, intake: CaseIntake, representative: Representative?, receivedAt: Date, at now: Date
    ) -> CallerMessages {
        var result = CallerMessages()
        let name = event.type.rawValue
        for addressee in intake.addressees(registered: representative, mode: letters.representation) {
            let kind = addressee.kind.rawValue
            guard let endpoint = endpoints.callerEndpoint(for: addressee.kind, event: event.type) else {
                result.notes.append("\(name) not sent to the \(kind): no endpoint is configured for \(kind) messages")
                continue
            }
            var sendAt: Date?
            var hold: HoldReason?
            var note: String
            if event.isReminder, let appointment = event.appointment {
                guard let at = letters.reminder(to: addressee.kind, appointment: appointment.at, now: now) else {
                    result.notes.append(
                        "\(name) not sent to the \(kind): the letter policy allows no instant between now and "
                            + "\(letters.reminderLead) before the appointment at \(stamp(appointment.at))"
                    )
                    continue
                }
                sendAt = at
                let wanted = appointment.at.addingTimeInterval(-letters.reminderLead.timeInterval)
                note = "\(name) to the \(kind) at \(stamp(at))" + (at < wanted ? ", moved earlier by the letter policy" : "")
            } else {
                switch letters.timing(of: event.type, to: addressee.kind, receivedAt: receivedAt, now: now) {
                case .now:
                    note = "\(name) to the \(kind)"
                case .exempt:
                    note = "\(name) to the \(kind), exempt from the letter policy as a reply to the call"
                case .held(let until, let reason):
                    sendAt = until
                    hold = reason
                    note = "\(name) to the \(kind) held until \(stamp(until))" + (reason.map { ": \($0)" } ?? "")
                }
            }
            let recipient = MessageRecipient.caller(addressee.callerKind)
            var draft = message(
                event.type, to: recipient, endpoint: endpoint, caseID: caseID, taskID: nil, language: intake.language,
                values: event.values(sendAt ?? now), at: now
            ) { text in
                CallerMessageData(
                    caseId: caseID, recipient: RecipientReference(recipient), to: addressee, text: text.text, language: text.language,
                    expectContactBy: event.expectContactBy, appointmentAt: event.appointment?.at, place: event.appointment?.place
                )
            }
            draft.notBefore = sendAt
            draft.hold = hold
            result.notes.append(note)
            result.drafts.append(draft)
        }
        return result
    }

    /// The caller's receipt with the callback promise.
    package func caseReceipt(
        caseID: CaseID, intake: CaseIntake, representative: Representative?, receivedAt: Date, promise: Date?, at now: Date
    ) -> CallerMessages {
        let values: @Sendable (Date) -> TemplateValues = { _ in
            var values: TemplateValues = ["case_id": .text(caseID.rawValue), "promise": .flag(promise != nil)]
            if let promise { values["promise_time"] = .text(dayAndClock(promise)) }
            return values
        }
        return toCaller(
            CallerEvent(type: .caseReceipt, values: values, expectContactBy: promise), caseID: caseID, intake: intake,
            representative: representative, receivedAt: receivedAt, at: now
        )
    }

    /// The caller's confirmation of an appointment with their mentor, and its reminder (queued now, to
    /// go at the latest time the letter policy allows before ``LetterRules/reminderLead``).
    package func caseAppointment(
        caseID: CaseID, intake: CaseIntake, representative: Representative?, receivedAt: Date, appointment: Appointment, mentorName: String,
        at now: Date
    ) -> CallerMessages {
        let values: @Sendable (Date) -> TemplateValues = { _ in
            var values: TemplateValues = [
                "case_id": .text(caseID.rawValue), "mentor": .text(mentorName), "time": .text(dayAndClock(appointment.at)),
                "phone_call": .flag(appointment.place == nil),
            ]
            if let place = appointment.place { values["place"] = .text(place) }
            return values
        }
        var messages = toCaller(
            CallerEvent(type: .caseAppointment, values: values, appointment: appointment), caseID: caseID, intake: intake,
            representative: representative, receivedAt: receivedAt, at: now
        )
        let reminders = toCaller(
            CallerEvent(type: .caseAppointmentReminder, values: values, appointment: appointment, isReminder: true), caseID: caseID,
            intake: intake, representative: representative, receivedAt: receivedAt, at: now
        )
        messages.drafts += reminders.drafts
        messages.notes += reminders.notes
        return messages
    }
}
