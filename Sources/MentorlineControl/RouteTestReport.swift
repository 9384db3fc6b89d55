package import Foundation
package import MentorlineConfig
package import MentorlineCore

/// `mentorctl routes test`: what the routing engine decides for a case on a configuration, offline.
///
/// The case is routed as a new case at `at` by the same `RoutingEngine.decide` the dispatcher calls,
/// with nothing from the store: nobody has open tasks or was offered a case before, every mentor is
/// available, there is no contact person, and schedules have no runtime overrides. For each level of
/// the chosen policy the report also lists every mentor it names, ranked, with every reason.
package struct RouteTestReport: Encodable, Sendable {
    package struct CaseSummary: Encodable, Sendable {
        package var callerKind: String
        package var topics: [String]
        /// Topics the roster does not know (they match no route's topic list and count for nobody).
        package var unknownTopics: [String]
        package var urgency: String
        package var language: String

        enum CodingKeys: String, CodingKey {
            case topics, urgency, language
            case callerKind = "caller_kind"
            case unknownTopics = "unknown_topics"
        }
    }

    package struct RouteInfo: Encodable, Sendable {
        package var id: String
        package var catchAll: Bool

        enum CodingKeys: String, CodingKey {
            case id
            case catchAll = "catch_all"
        }
    }

    package struct PolicyInfo: Encodable, Sendable {
        package var id: String
        /// True when the case is urgent and the route names an `urgent_policy`: this is it.
        package var isUrgentPolicy: Bool
        package var rounds: Int

        enum CodingKeys: String, CodingKey {
            case id, rounds
            case isUrgentPolicy = "urgent_policy"
        }
    }

    package struct Decision: Encodable, Sendable {
        package enum Kind: String, Encodable, Sendable {
            case offer, wait, unroutable
        }

        package var kind: Kind
        /// `offer`: best first; one for a sequential level.
        package var mentors: [String]?
        /// `offer`: 1-based, as the case's audit trail counts.
        package var level: Int?
        package var round: Int?
        package var strategy: String?
        /// `offer`: when the offer passes on if nobody accepts.
        package var deadline: Date?
        /// `wait`: when the case is routed again.
        package var until: Date?
        /// `wait` and `unroutable`: why.
        package var reason: String?
        /// `unroutable`: offered the case as a fallback (ops are alerted too); nil when none is configured.
        package var coordinator: String?
    }

    package struct Candidate: Encodable, Sendable {
        package var mentor: String
        package var name: String
        package var eligible: Bool
        package var reasons: [String]
    }

    package struct Level: Encodable, Sendable {
        /// 1-based.
        package var level: Int
        /// `schedule:ID`, `team:ID`, `mentor:ID`.
        package var targets: [String]
        package var ackTimeout: String
        package var urgentAckTimeout: String?
        package var strategy: String
        /// Eligible first, in rank order; then the excluded.
        package var candidates: [Candidate]

        enum CodingKeys: String, CodingKey {
            case level, targets, strategy, candidates
            case ackTimeout = "ack_timeout"
            case urgentAckTimeout = "urgent_ack_timeout"
        }
    }

    /// What the offline test cannot know, as the JSON lists it.
    package static let notKnown = ["open_tasks", "availability", "last_offered", "contact_person", "schedule_overrides"]

    package var configDirectory: String
    package var at: Date
    package var timeZone: String
    package var notKnown: [String] = Self.notKnown
    package var caseSummary: CaseSummary
    package var route: RouteInfo?
    package var policy: PolicyInfo?
    package var decision: Decision
    package var levels: [Level]

    /// Display helpers, not encoded.
    var zone: TimeZone
    var targetNames: [String: String]
    var mentorNames: [String: String]

    enum CodingKeys: String, CodingKey {
        case at, route, policy, decision, levels
        case configDirectory = "config_directory"
        case timeZone = "time_zone"
        case notKnown = "not_known"
        case caseSummary = "case"
    }

    package init(intake: CaseIntake, configuration: MentorlineConfiguration, at instant: Date) {
        let roster = configuration.roster
        let situation = RoutingSituation(intake: intake, progress: nil, now: instant)
        let decision = RoutingEngine.decide(situation, roster: roster)
        let route = roster.route(for: intake)

        configDirectory = configuration.directory.path
        at = instant
        zone = configuration.timeZone
        timeZone = configuration.timeZone.identifier
        caseSummary = CaseSummary(
            callerKind: intake.caller.kind.rawValue, topics: intake.topics.map(\.rawValue),
            unknownTopics: intake.topics.filter { roster.topics[$0] == nil }.map(\.rawValue),
            urgency: intake.urgency.rawValue, language: intake.language.rawValue
        )
        self.route = route.map { RouteInfo(id: $0.id.rawValue, catchAll: $0.match.isCatchAll) }

        var levels: [Level] = []
        var policyInfo: PolicyInfo?
        if let route {
            let policyID = route.policy(for: intake.urgency)
            if let policy = roster.policies[policyID] {
                policyInfo = PolicyInfo(
                    id: policyID.rawValue, isUrgentPolicy: intake.urgency == .urgent && route.urgentPolicy != nil, rounds: max(policy.rounds, 1)
                )
                for (index, level) in policy.levels.enumerated() {
                    let progress = RoutingProgress(route: route.id, policy: policyID, level: index)
                    let ranking = RoutingEngine.assess(level: level, progress: progress, situation: situation, roster: roster)
                    levels.append(Level(
                        level: index + 1, targets: level.targets.map(Self.targetKey), ackTimeout: TimeText.format(level.acknowledgementTimeout),
                        urgentAckTimeout: level.urgentAcknowledgementTimeout.map(TimeText.format), strategy: level.strategy.rawValue,
                        candidates: ranking.map { assessment in
                            Candidate(
                                mentor: assessment.mentor.rawValue, name: roster.mentors[assessment.mentor]?.name ?? assessment.mentor.rawValue,
                                eligible: assessment.eligible, reasons: assessment.reasons
                            )
                        }
                    ))
                }
            }
        }
        policy = policyInfo
        self.levels = levels
        self.decision = Self.decision(decision, roster: roster)

        var targetNames: [String: String] = [:]
        for (id, schedule) in roster.schedules { targetNames["schedule:\(id)"] = schedule.name }
        for (id, team) in roster.teams { targetNames["team:\(id)"] = team.name }
        for (id, mentor) in roster.mentors { targetNames["mentor:\(id)"] = mentor.name }
        self.targetNames = targetNames
        mentorNames = Dictionary(uniqueKeysWithValues: roster.mentors.map { ($0.key.rawValue, $0.value.name) })
    }

    static func targetKey(_ target: EscalationTarget) -> String {
        switch target {
        case .schedule(let id): "schedule:\(id)"
        case .team(let id): "team:\(id)"
        case .mentor(let id): "mentor:\(id)"
        }
    }

    static func decision(_ decision: RoutingDecision, roster: Roster) -> Decision {
        switch decision {
        case .offer(let offer):
            return Decision(
                kind: .offer, mentors: offer.mentors.map(\.rawValue), level: offer.progress.level + 1, round: offer.progress.round + 1,
                strategy: offer.strategy.rawValue, deadline: offer.deadline
            )
        case .wait(let wait):
            return Decision(kind: .wait, until: wait.until, reason: wait.reason.description)
        case .unroutable(let reason, _, _):
            // As the planner does it: the coordinator is offered the case when the roster names one.
            let coordinator = roster.rules.coordinator.flatMap { roster.mentors[$0] != nil ? $0.rawValue : nil }
            return Decision(kind: .unroutable, reason: reason, coordinator: coordinator)
        }
    }
}
