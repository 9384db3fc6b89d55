/// Sends matching cases to an escalation policy. Rules are tried in order; the first that matches wins,
/// and the last rule of a valid roster is a catch-all, so every case has a route.
package struct RouteRule: Hashable, Sendable {
    package var id: RouteID
    package var match: RouteMatch
    package var policy: PolicyID
    /// The policy for `urgent` cases on this route; nil means `policy`.
    package var urgentPolicy: PolicyID?
    /// Book matching cases into this café's earliest slot; `policy` is then the fallback when no slot
    /// fits (the trail says why).
    package var cafe: CafeID?

    package init(id: RouteID, match: RouteMatch, policy: PolicyID, urgentPolicy: PolicyID? = nil, cafe: CafeID? = nil) {
        self.cafe = cafe
        self.id = id
        self.match = match
        self.policy = policy
        self.urgentPolicy = urgentPolicy
    }

    /// The policy a case of `urgency` follows on this route.
    package func policy(for urgency: Urgency) -> PolicyID {
        urgency == .urgent ? (urgentPolicy ?? policy) : policy
    }
}

/// What a case must look like for a route to apply. An empty set means "any".
package struct RouteMatch: Hashable, Sendable {
    package var callerKinds: Set<CallerKind>
    /// The case matches when it names at least one of these topics.
    package var topics: Set<TopicID>
    package var urgencies: Set<Urgency>
    package var languages: Set<LanguageCode>

    package init(callerKinds: Set<CallerKind> = [], topics: Set<TopicID> = [], urgencies: Set<Urgency> = [], languages: Set<LanguageCode> = []) {
        self.callerKinds = callerKinds
        self.topics = topics
        self.urgencies = urgencies
        self.languages = languages
    }

    /// Matches every case.
    package static let any = RouteMatch()

    package var isCatchAll: Bool { callerKinds.isEmpty && topics.isEmpty && urgencies.isEmpty && languages.isEmpty }

    package func matches(_ intake: CaseIntake) -> Bool {
        (callerKinds.isEmpty || callerKinds.contains(intake.caller.kind))
            && (topics.isEmpty || intake.topics.contains(where: topics.contains))
            && (urgencies.isEmpty || urgencies.contains(intake.urgency))
            && (languages.isEmpty || languages.contains(intake.language))
    }
}
