/// How far a case has come through its escalation policy; stored with the case.
package struct RoutingProgress: Hashable, Sendable, Codable {
    package var route: RouteID
    package var policy: PolicyID
    /// Index into the policy's levels.
    package var level: Int
    /// How many times the policy's levels have been run through before this one (0 on the first).
    package var round: Int
    /// Mentors already offered the case at this level in this round.
    package var offeredAtLevel: [MentorID]

    package init(route: RouteID, policy: PolicyID, level: Int = 0, round: Int = 0, offeredAtLevel: [MentorID] = []) {
        self.route = route
        self.policy = policy
        self.level = level
        self.round = round
        self.offeredAtLevel = offeredAtLevel
    }
}
