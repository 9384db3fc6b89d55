/// Who is offered a case, in which order, and how long each has to answer.
package struct EscalationPolicy: Hashable, Sendable {
    package var id: PolicyID
    package var levels: [EscalationLevel]
    /// How many times the whole list of levels is run before the case is unroutable (at least 1).
    package var rounds: Int

    package init(id: PolicyID, levels: [EscalationLevel], rounds: Int = 1) {
        self.id = id
        self.levels = levels
        self.rounds = rounds
    }
}

/// One step of an escalation policy.
package struct EscalationLevel: Hashable, Sendable {
    package var targets: [EscalationTarget]
    /// How long an offered mentor has to accept before the offer passes on.
    package var acknowledgementTimeout: Duration
    /// A shorter timeout for `urgent` cases; nil means `acknowledgementTimeout`.
    package var urgentAcknowledgementTimeout: Duration?
    package var strategy: OfferStrategy

    package init(
        targets: [EscalationTarget], acknowledgementTimeout: Duration, urgentAcknowledgementTimeout: Duration? = nil,
        strategy: OfferStrategy = .sequential
    ) {
        self.targets = targets
        self.acknowledgementTimeout = acknowledgementTimeout
        self.urgentAcknowledgementTimeout = urgentAcknowledgementTimeout
        self.strategy = strategy
    }

    /// The time an offer of a case of `urgency` stays open at this level.
    package func timeout(for urgency: Urgency) -> Duration {
        urgency == .urgent ? (urgentAcknowledgementTimeout ?? acknowledgementTimeout) : acknowledgementTimeout
    }
}

/// How a level offers a case.
package enum OfferStrategy: String, Hashable, Sendable, Codable, CaseIterable {
    /// One mentor at a time, best first, each holding the case for the level's timeout.
    case sequential
    /// Every eligible mentor at once; the first to accept takes it and the others are withdrawn.
    case simultaneous
}

/// Whom a level offers cases to.
package enum EscalationTarget: Hashable, Sendable {
    /// Whoever the schedule has on call at the moment of the offer.
    case schedule(ScheduleID)
    /// Every member of the team, in the team's order (only inside the team's working hours, if set).
    case team(TeamID)
    /// One named mentor.
    case mentor(MentorID)
}
