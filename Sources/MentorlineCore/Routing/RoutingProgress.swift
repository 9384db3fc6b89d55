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
    /// The case has already waited for its contact person; it does not wait twice.
    package var waitedForContactPerson: Bool
    /// The case has already waited for the next opening; it does not wait twice.
    package var waitedForOpening: Bool

    package init(
        route: RouteID, policy: PolicyID, level: Int = 0, round: Int = 0, offeredAtLevel: [MentorID] = [],
        waitedForContactPerson: Bool = false, waitedForOpening: Bool = false
    ) {
        self.route = route
        self.policy = policy
        self.level = level
        self.round = round
        self.offeredAtLevel = offeredAtLevel
        self.waitedForContactPerson = waitedForContactPerson
        self.waitedForOpening = waitedForOpening
    }

    enum CodingKeys: String, CodingKey {
        case route, policy, level, round, offeredAtLevel, waitedForContactPerson, waitedForOpening
    }

    /// Progress stored before the wait flags existed reads as "has not waited".
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        route = try container.decode(RouteID.self, forKey: .route)
        policy = try container.decode(PolicyID.self, forKey: .policy)
        level = try container.decode(Int.self, forKey: .level)
        round = try container.decode(Int.self, forKey: .round)
        offeredAtLevel = try container.decode([MentorID].self, forKey: .offeredAtLevel)
        waitedForContactPerson = try container.decodeIfPresent(Bool.self, forKey: .waitedForContactPerson) ?? false
        waitedForOpening = try container.decodeIfPresent(Bool.self, forKey: .waitedForOpening) ?? false
    }

    /// Whether nothing has been tried yet: first level, first round, nobody offered.
    package var isAtStart: Bool { level == 0 && round == 0 && offeredAtLevel.isEmpty }
}
