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

    package init(targets: [EscalationTarget], acknowledgementTimeout: Duration) {
        self.targets = targets
        self.acknowledgementTimeout = acknowledgementTimeout
    }
}

/// Whom a level offers cases to.
package enum EscalationTarget: Hashable, Sendable {
    /// Whoever the schedule has on call at the moment of the offer.
    case schedule(ScheduleID)
    /// Every member of the team, in the team's order.
    case team(TeamID)
    /// One named mentor.
    case mentor(MentorID)
}
