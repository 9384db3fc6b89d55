/// The kinds of webhook message Mentorline sends (the `type` of the payload).
package enum EventType: String, Codable, Sendable, CaseIterable, Hashable {
    /// A mentor is offered a case and asked to accept or decline.
    case taskOffered = "task.offered"
    /// An offer a mentor had is no longer open to them (it expired, or a colleague took the case).
    case taskWithdrawn = "task.withdrawn"
    /// A colleague handed a case over to this mentor, with a note.
    case taskHandedOver = "task.handed_over"
    /// The caller's receipt: the case is registered and when to expect contact.
    case caseReceipt = "case.receipt"
    /// The caller: a mentor booked a meeting or phone appointment with them.
    case caseAppointment = "case.appointment"
    /// The caller: a reminder of that appointment, sent ahead of it within the letter policy.
    case caseAppointmentReminder = "case.appointment_reminder"
    /// The coordinator: a callback promise is about to be missed.
    case casePromiseAtRisk = "case.promise_at_risk"
    /// Ops: nobody could take a case.
    case caseUnroutable = "ops.case_unroutable"
    /// Ops: a message could not be delivered after every retry.
    case messageDead = "ops.message_dead"
    /// Ops: a webhook endpoint was disabled (it answered 410 Gone, or no 2xx for too long); its messages wait.
    case endpointDisabled = "ops.endpoint_disabled"
    /// The caller: their case is booked into an advice-café slot with a volunteer.
    case cafeBooked = "cafe.booked"
    /// The caller: a reminder of that slot, sent ahead of it within the letter policy.
    case cafeReminder = "cafe.reminder"
    /// The caller: their café booking is cancelled (at their request, or the café closed that day).
    case cafeCancelled = "cafe.cancelled"
    /// The caller: their café booking moved to another slot.
    case cafeMoved = "cafe.moved"
    /// A volunteer: a citizen is booked into one of their slots (or moved into it).
    case volunteerBooking = "volunteer.booking"
    /// A volunteer: a booking of theirs was cancelled or moved away; the slot is free again.
    case volunteerBookingCancelled = "volunteer.booking_cancelled"
    /// The caller: a seat at a café talk, or a place on its waiting list.
    case talkRegistered = "talk.registered"
    /// The caller: a seat freed up and is theirs (they moved up from the waiting list).
    case talkSeat = "talk.seat"
    /// The caller: a reminder of their seat at a talk, sent ahead of it within the letter policy.
    case talkReminder = "talk.reminder"
}
