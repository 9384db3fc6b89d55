package import Foundation

/// Why a café booking was cancelled, as the citizen's `cafe.cancelled` letter says it.
package enum CafeCancellation: Hashable, Sendable {
    /// At the citizen's request (through staff or an intake integration).
    case requested
    /// The café is closed that day; `reason` is the closure's reason or the holiday's Danish name.
    case closed(reason: String)
    /// The café changed its sessions or volunteers, and no other slot fitted the case.
    case rearranged
}

extension Notifications {
    /// What a café message is about: the booking, its café and its volunteer.
    package struct CafeContext: Sendable {
        package var booking: CafeBooking
        package var cafe: Cafe
        package var volunteer: Volunteer?

        package init(booking: CafeBooking, cafe: Cafe, volunteer: Volunteer?) {
            self.booking = booking
            self.cafe = cafe
            self.volunteer = volunteer
        }
    }

    /// The values of a caller's café message sent at `sent` (relative day names depend on it).
    func cafeValues(_ context: CafeContext, intake: CaseIntake, sent: Date) -> TemplateValues {
        var values: TemplateValues = [
            "case_id": .text(context.booking.caseID.rawValue), "cafe": .text(context.cafe.name), "address": .text(context.cafe.address),
            "time": .text(dayAndClock(context.booking.start, in: context.cafe.timeZone)),
        ]
        if let volunteer = context.volunteer {
            values["volunteer"] = .text(volunteer.name)
            values["organisation"] = .text(volunteer.organisation)
        }
        if !intake.topics.isEmpty { values["topics"] = .text(topicLabels(intake)) }
        return values
    }

    /// The caller's confirmation of a café booking (`cafe.booked`, or `cafe.moved` after a reschedule),
    /// and its reminder, queued now to go at the latest time the letter policy allows before
    /// ``LetterRules/reminderLead``. Both go through ``toCaller(_:caseID:intake:representative:receivedAt:at:)``.
    package func cafeBooking(
        _ event: EventType, _ context: CafeContext, caseID: CaseID, intake: CaseIntake, representative: Representative?, receivedAt: Date,
        at now: Date
    ) -> CallerMessages {
        let values: @Sendable (Date) -> TemplateValues = { sent in cafeValues(context, intake: intake, sent: sent) }
        let appointment = Appointment(at: context.booking.start, place: "\(context.cafe.name), \(context.cafe.address)")
        var messages = toCaller(
            CallerEvent(type: event, values: values, appointment: appointment), caseID: caseID, intake: intake,
            representative: representative, receivedAt: receivedAt, at: now
        )
        let reminders = toCaller(
            CallerEvent(type: .cafeReminder, values: values, appointment: appointment, isReminder: true), caseID: caseID, intake: intake,
            representative: representative, receivedAt: receivedAt, at: now
        )
        messages.drafts += reminders.drafts
        messages.notes += reminders.notes
        return messages
    }

    /// The caller's notice that a café booking is cancelled: at their request, because the café closed
    /// that day, or because it changed its sessions or volunteers and no other slot fitted; through the
    /// letter policy like every caller-facing message.
    package func cafeCancelled(
        _ context: CafeContext, cancellation: CafeCancellation, caseID: CaseID, intake: CaseIntake, representative: Representative?,
        receivedAt: Date, at now: Date
    ) -> CallerMessages {
        let booking = context.booking
        let cafe = context.cafe
        let values: @Sendable (Date) -> TemplateValues = { sent in
            var values: TemplateValues = [
                "case_id": .text(caseID.rawValue), "cafe": .text(cafe.name), "time": .text(dayAndClock(booking.start, in: cafe.timeZone)),
                "closed": .flag(false), "changed": .flag(false),
            ]
            switch cancellation {
            case .requested:
                break
            case .closed(let reason):
                values["closed"] = .flag(true)
                values["reason"] = .text(reason)
            case .rearranged:
                values["changed"] = .flag(true)
            }
            return values
        }
        return toCaller(
            CallerEvent(type: .cafeCancelled, values: values), caseID: caseID, intake: intake, representative: representative,
            receivedAt: receivedAt, at: now
        )
    }

    struct VolunteerBookingData: Encodable, Sendable {
        enum CodingKeys: String, CodingKey {
            case bookingId = "booking_id"
            case caseId = "case_id"
            case recipient
            case address
            case text
            case cafe
            case start
            case end
            case topics
            case language
            case citizen
            case moved
        }

        var bookingId: BookingID
        var caseId: CaseID
        var recipient: RecipientReference
        var address: String?
        var text: String
        var cafe: CafeID
        var start: Date
        var end: Date
        var topics: [TopicID]?
        var language: LanguageCode?
        /// Only where the deployment lets volunteers see names (`volunteers_see_names`).
        var citizen: String?
        var moved: Bool
    }

    /// Tell a volunteer a citizen is booked into their slot (`moved`: moved there from another slot).
    /// Names the citizen only when `showName`; otherwise the case reference is all they get.
    package func volunteerBooking(_ context: CafeContext, intake: CaseIntake, moved: Bool, showName: Bool, at now: Date) -> MessageDraft {
        let booking = context.booking
        let recipient = MessageRecipient.volunteer(booking.volunteer)
        var values: TemplateValues = [
            "booking_id": .text(booking.id.rawValue), "case_id": .text(booking.caseID.rawValue), "cafe": .text(context.cafe.name),
            "time": .text(dayAndClock(booking.start, in: context.cafe.timeZone)), "moved": .flag(moved),
        ]
        if !intake.topics.isEmpty { values["topics"] = .text(topicLabels(intake)) }
        if intake.language != .danish { values["language"] = .text(intake.language.rawValue) }
        if showName { values["citizen"] = .text(intake.caller.name) }
        return message(
            .volunteerBooking, to: recipient, endpoint: endpoints.endpoint(for: recipient, event: .volunteerBooking), caseID: booking.caseID,
            taskID: nil, values: values, at: now
        ) { text in
            VolunteerBookingData(
                bookingId: booking.id, caseId: booking.caseID, recipient: RecipientReference(recipient), address: context.volunteer?.address,
                text: text.text, cafe: booking.cafe, start: booking.start, end: booking.end, topics: intake.topics, language: intake.language,
                citizen: showName ? intake.caller.name : nil, moved: moved
            )
        }
    }

    /// Tell a volunteer a booking of theirs is off (cancelled, or `moved` to another slot or volunteer):
    /// the slot is free again.
    package func volunteerBookingCancelled(_ context: CafeContext, moved: Bool, at now: Date) -> MessageDraft {
        let booking = context.booking
        let recipient = MessageRecipient.volunteer(booking.volunteer)
        let values: TemplateValues = [
            "booking_id": .text(booking.id.rawValue), "case_id": .text(booking.caseID.rawValue), "cafe": .text(context.cafe.name),
            "time": .text(dayAndClock(booking.start, in: context.cafe.timeZone)), "moved": .flag(moved),
        ]
        return message(
            .volunteerBookingCancelled, to: recipient, endpoint: endpoints.endpoint(for: recipient, event: .volunteerBookingCancelled),
            caseID: booking.caseID, taskID: nil, values: values, at: now
        ) { text in
            VolunteerBookingData(
                bookingId: booking.id, caseId: booking.caseID, recipient: RecipientReference(recipient), address: context.volunteer?.address,
                text: text.text, cafe: booking.cafe, start: booking.start, end: booking.end, topics: nil, language: nil, citizen: nil, moved: moved
            )
        }
    }
}
