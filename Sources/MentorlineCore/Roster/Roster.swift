/// Everything routing needs to know about people and rules, as loaded from `roster.yaml`.
/// A `Roster` handed to Core has been validated: every reference in it resolves.
package struct Roster: Hashable, Sendable {
    package var topics: [TopicID: Topic]
    package var mentors: [MentorID: Mentor]
    package var teams: [TeamID: Team]
    package var schedules: [ScheduleID: Schedule]
    package var policies: [PolicyID: EscalationPolicy]
    /// In order; the last is a catch-all.
    package var routes: [RouteRule]
    package var rules: RoutingRules
    /// The advice cafés, their volunteers and talks (`cafe.yaml`); routes may book cases into them.
    package var cafes = CafeDirectory()

    package init(
        topics: [TopicID: Topic] = [:], mentors: [MentorID: Mentor] = [:], teams: [TeamID: Team] = [:],
        schedules: [ScheduleID: Schedule] = [:], policies: [PolicyID: EscalationPolicy] = [:], routes: [RouteRule] = [],
        rules: RoutingRules = RoutingRules()
    ) {
        self.topics = topics
        self.mentors = mentors
        self.teams = teams
        self.schedules = schedules
        self.policies = policies
        self.routes = routes
        self.rules = rules
    }

    /// The first route whose match accepts the case; nil only for a roster without a catch-all.
    package func route(for intake: CaseIntake) -> RouteRule? {
        routes.first { $0.match.matches(intake) }
    }
}
