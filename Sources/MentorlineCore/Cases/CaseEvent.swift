package import Foundation

/// One entry of a case's append-only audit trail: what happened, when, who did it and why.
package struct CaseEvent: Hashable, Sendable, Codable {
    package var at: Date
    package var kind: CaseEventKind
    /// `system`, `intake:<token name>`, `mentor:<id>`, `admin:<token name>`.
    package var actor: String
    package var detail: CaseEventDetail

    package init(at: Date, kind: CaseEventKind, actor: String, detail: CaseEventDetail = CaseEventDetail()) {
        self.at = at
        self.kind = kind
        self.actor = actor
        self.detail = detail
    }
}

package enum CaseEventKind: String, Codable, Sendable, CaseIterable, Hashable {
    case received
    case routed
    /// The caller was told when to expect contact (or why no receipt could be sent).
    case promised
    case waiting
    case offered
    case declined
    case offerExpired = "offer_expired"
    case withdrawn
    case escalated
    case accepted
    case handedOff = "handed_off"
    case contactPersonSet = "contact_person_set"
    case contactPersonCleared = "contact_person_cleared"
    case promiseAtRisk = "promise_at_risk"
    case resolved
    case reopened
    /// A mentor booked an appointment with the caller's side.
    case appointmentBooked = "appointment_booked"
    /// A message to the caller's side was queued, held by the letter policy, or not sent: `reason` says which.
    case letter
    case unroutable
    /// Booked into a café slot: where, when, with which volunteer.
    case cafeBooked = "cafe_booked"
    /// A café route found no slot; `reason` says why, and the route's fallback policy takes the case.
    case cafeNoSlot = "cafe_no_slot"
    case bookingMoved = "booking_moved"
    case bookingCancelled = "booking_cancelled"
    case bookingAttended = "booking_attended"
    case bookingNoShow = "booking_no_show"
    /// A seat at a talk, or a place on its waiting list; moved up; cancelled.
    case talkRegistered = "talk_registered"
    case talkMovedUp = "talk_moved_up"
    case talkCancelled = "talk_cancelled"
}

/// The facts behind an event; which fields are set depends on the kind.
package struct CaseEventDetail: Hashable, Sendable, Codable {
    package var route: RouteID?
    package var policy: PolicyID?
    package var task: TaskID?
    package var mentor: MentorID?
    package var level: Int?
    package var round: Int?
    package var deadline: Date?
    package var reason: String?
    /// For offers: every candidate considered, in rank order, with the reasons.
    package var ranking: [CandidateAssessment]?
    /// For waits: until when.
    package var until: Date?
    /// For handoffs: who received the case; for contact-person changes: whose role it is.
    package var toMentor: MentorID?
    /// A handoff's note, with CPR-like numbers masked.
    package var note: String?
    /// For contact-person changes: `citizen:<reference>` or `company:<CVR>`.
    package var subject: String?
    /// For offers: `offer`, `coordinator` or `handoff`; and the level's strategy.
    package var purpose: TaskPurpose?
    package var strategy: OfferStrategy?
    /// For café events: the booking, café and volunteer; `until` is the slot's start.
    package var booking: BookingID?
    package var cafe: CafeID?
    package var volunteer: VolunteerID?
    /// For talk events: the talk and the registration.
    package var talk: TalkID?
    package var registration: RegistrationID?

    package init(
        route: RouteID? = nil, policy: PolicyID? = nil, task: TaskID? = nil, mentor: MentorID? = nil, level: Int? = nil,
        round: Int? = nil, deadline: Date? = nil, reason: String? = nil, ranking: [CandidateAssessment]? = nil, until: Date? = nil,
        toMentor: MentorID? = nil, note: String? = nil, subject: String? = nil, purpose: TaskPurpose? = nil, strategy: OfferStrategy? = nil,
        booking: BookingID? = nil, cafe: CafeID? = nil, volunteer: VolunteerID? = nil, talk: TalkID? = nil, registration: RegistrationID? = nil
    ) {
        self.talk = talk
        self.registration = registration
        self.booking = booking
        self.cafe = cafe
        self.volunteer = volunteer
        self.route = route
        self.policy = policy
        self.task = task
        self.mentor = mentor
        self.level = level
        self.round = round
        self.deadline = deadline
        self.reason = reason
        self.ranking = ranking
        self.until = until
        self.toMentor = toMentor
        self.note = note
        self.subject = subject
        self.purpose = purpose
        self.strategy = strategy
    }
}
