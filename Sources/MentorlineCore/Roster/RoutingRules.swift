/// Deployment-wide routing choices from the `routing:` section of `roster.yaml`.
package struct RoutingRules: Hashable, Sendable {
    /// Offered every case that no policy could place (with an ops alert), and alerted when a callback
    /// promise is about to be missed. Nil: ops alone are alerted.
    package var coordinator: MentorID?
    package var topicCoverage: TopicCoverage
    /// The longest a non-urgent case waits for its contact person's next shift.
    package var contactPersonWait: Duration
    /// The longest a non-urgent case waits for the next opening when nobody is on duty now.
    package var openingWait: Duration
    /// How long before a callback promise falls due the coordinator is alerted if nobody has the case.
    package var promiseAlertLead: Duration

    package init(
        coordinator: MentorID? = nil, topicCoverage: TopicCoverage = .best, contactPersonWait: Duration = .seconds(24 * 3600),
        openingWait: Duration = .seconds(72 * 3600), promiseAlertLead: Duration = .seconds(10 * 60)
    ) {
        self.coordinator = coordinator
        self.topicCoverage = topicCoverage
        self.contactPersonWait = contactPersonWait
        self.openingWait = openingWait
        self.promiseAlertLead = promiseAlertLead
    }
}

/// How a case's topics decide who may take it.
package enum TopicCoverage: String, Hashable, Sendable, CaseIterable {
    /// Only mentors covering every topic of the case (that the taxonomy knows) are eligible.
    case all
    /// Everyone is eligible; those covering more of the case's topics rank higher.
    case best
}
