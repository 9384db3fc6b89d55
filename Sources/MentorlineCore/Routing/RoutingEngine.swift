/// The routing decision: a pure function from a case's situation and the roster to what to do next.
///
/// The case walks its escalation policy level by level. At each level the targets are expanded into
/// mentors (whoever a schedule has on call now, a team's members, named mentors), the ineligible are
/// set aside (already offered at this level, declined the case, at capacity) and the rest ranked:
/// speaks the case's language, then covers more of its topics, then has fewer open tasks, then comes
/// earlier in the policy. The best is offered the case. A level with nobody left passes to the next;
/// after the last level the policy starts over, `rounds` times in all; then the case is unroutable.
package enum RoutingEngine {
    package static func decide(_ situation: RoutingSituation, roster: Roster) -> RoutingDecision {
        var progress: RoutingProgress
        if let stored = situation.progress, roster.policies[stored.policy] != nil {
            progress = stored
        } else {
            // First decision, or the stored policy vanished in a config reload: route afresh.
            guard let route = roster.route(for: situation.intake) else {
                return .unroutable(reason: "no route matches the case and the roster has no catch-all route", progress: nil, ranking: [])
            }
            progress = RoutingProgress(route: route.id, policy: route.policy)
        }
        guard let policy = roster.policies[progress.policy] else {
            return .unroutable(reason: "escalation policy \(progress.policy) is not in the roster", progress: progress, ranking: [])
        }
        let startedAt = situation.progress.map { ($0.level, $0.round) } ?? (0, 0)
        let rounds = max(policy.rounds, 1)
        var lastRanking: [CandidateAssessment] = []

        while true {
            if progress.level >= policy.levels.count {
                progress.level = 0
                progress.round += 1
                progress.offeredAtLevel = []
            }
            if progress.round >= rounds { break }
            let level = policy.levels[progress.level]
            let ranking = assess(level: level, progress: progress, situation: situation, roster: roster)
            if let best = ranking.first(where: \.eligible) {
                let escalated = (progress.level, progress.round) != startedAt
                progress.offeredAtLevel.append(best.mentor)
                return .offer(.init(
                    mentor: best.mentor, progress: progress, deadline: situation.now + level.acknowledgementTimeout,
                    escalated: escalated, ranking: ranking
                ))
            }
            if !ranking.isEmpty { lastRanking = ranking }
            progress.level += 1
            progress.offeredAtLevel = []
        }
        let times = rounds == 1 ? "once" : "\(rounds) times"
        return .unroutable(
            reason: "every level of policy \(policy.id) was tried \(times) and nobody eligible is left",
            progress: progress, ranking: lastRanking
        )
    }

    /// Every mentor the level names, eligible ones first in rank order, each with its reasons.
    static func assess(level: EscalationLevel, progress: RoutingProgress, situation: RoutingSituation, roster: Roster) -> [CandidateAssessment] {
        var seen: Set<MentorID> = []
        var candidates: [(mentor: Mentor, source: String)] = []
        for target in level.targets {
            switch target {
            case .schedule(let id):
                guard let schedule = roster.schedules[id], let mentorID = schedule.onCall(at: situation.now) else { continue }
                if let mentor = roster.mentors[mentorID], seen.insert(mentorID).inserted {
                    candidates.append((mentor, "on call in \(schedule.name)"))
                }
            case .team(let id):
                guard let team = roster.teams[id] else { continue }
                for mentorID in team.members {
                    if let mentor = roster.mentors[mentorID], seen.insert(mentorID).inserted {
                        candidates.append((mentor, "member of \(team.name)"))
                    }
                }
            case .mentor(let mentorID):
                if let mentor = roster.mentors[mentorID], seen.insert(mentorID).inserted {
                    candidates.append((mentor, "named in policy \(progress.policy)"))
                }
            }
        }

        let intake = situation.intake
        struct Scored {
            var assessment: CandidateAssessment
            var speaksLanguage: Bool
            var coverage: Int
            var openTasks: Int
            var order: Int
        }
        var scored: [Scored] = []
        for (order, candidate) in candidates.enumerated() {
            let mentor = candidate.mentor
            let open = situation.openTasks[mentor.id] ?? 0
            var reasons = [candidate.source]
            var eligible = true
            if progress.offeredAtLevel.contains(mentor.id) {
                eligible = false
                reasons.append("already offered at this level")
            }
            if situation.declinedBy.contains(mentor.id) {
                eligible = false
                reasons.append("declined this case")
            }
            if open >= mentor.capacity {
                eligible = false
                reasons.append("at capacity (\(open) of \(mentor.capacity) open tasks)")
            }
            let speaks = mentor.languages.contains(intake.language)
            reasons.append(speaks ? "speaks \(intake.language)" : "does not speak \(intake.language)")
            let coverage = intake.topics.filter(mentor.topics.contains).count
            if !intake.topics.isEmpty { reasons.append("covers \(coverage) of \(intake.topics.count) topics") }
            reasons.append("\(open) open tasks")
            scored.append(Scored(
                assessment: CandidateAssessment(mentor: mentor.id, eligible: eligible, reasons: reasons),
                speaksLanguage: speaks, coverage: coverage, openTasks: open, order: order
            ))
        }
        scored.sort { lhs, rhs in
            if lhs.assessment.eligible != rhs.assessment.eligible { return lhs.assessment.eligible }
            if lhs.speaksLanguage != rhs.speaksLanguage { return lhs.speaksLanguage }
            if lhs.coverage != rhs.coverage { return lhs.coverage > rhs.coverage }
            if lhs.openTasks != rhs.openTasks { return lhs.openTasks < rhs.openTasks }
            return lhs.order < rhs.order
        }
        return scored.map(\.assessment)
    }
}
