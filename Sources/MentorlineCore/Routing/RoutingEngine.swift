package import Foundation

/// The routing decision: a pure function from a case's situation and the roster to what to do next.
///
/// The case walks its escalation policy level by level. At each level the targets are expanded into
/// mentors (whoever a schedule has on call now, a team's members, named mentors; on the first level
/// also the case's contact person), the ineligible are set aside with the reason, and the rest ranked:
/// the contact person first, then more of the case's topics covered, then fewer open tasks, then the
/// longest since their last offer, then the policy's order. A sequential level offers the best; a
/// simultaneous one offers every eligible mentor at once. A level with nobody left passes to the next;
/// after the last level the policy starts over, `rounds` times in all; then the case is unroutable.
///
/// Before the first offer a non-urgent case may wait: for its contact person's next shift, or, when
/// nobody the policy names is on duty, for the next opening, each within the roster's bound.
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
            progress = RoutingProgress(
                route: route.id, policy: route.policy(for: situation.intake.urgency),
                waitedForContactPerson: situation.progress?.waitedForContactPerson ?? false,
                waitedForOpening: situation.progress?.waitedForOpening ?? false
            )
        }
        guard let policy = roster.policies[progress.policy], !policy.levels.isEmpty else {
            return .unroutable(reason: "escalation policy \(progress.policy) is not in the roster or has no levels", progress: progress, ranking: [])
        }
        let mayWait = situation.intake.urgency != .urgent && !situation.offeredBefore && progress.isAtStart

        if mayWait, !progress.waitedForContactPerson, let wait = contactPersonWait(situation, progress: progress, policy: policy, roster: roster) {
            return .wait(wait)
        }

        let startedAt = (progress.level, progress.round)
        let rounds = max(policy.rounds, 1)
        var lastRanking: [CandidateAssessment] = []
        var anyoneOnDuty = false
        while true {
            if progress.level >= policy.levels.count {
                progress.level = 0
                progress.round += 1
                progress.offeredAtLevel = []
            }
            if progress.round >= rounds { break }
            let level = policy.levels[progress.level]
            let assessed = assessCandidates(level: level, progress: progress, situation: situation, roster: roster)
            if assessed.contains(where: { !$0.offDuty }) { anyoneOnDuty = true }
            let ranking = assessed.map(\.result)
            let eligible = ranking.filter(\.eligible).map(\.mentor)
            if let best = eligible.first {
                let offered = level.strategy == .sequential ? [best] : eligible
                let escalated = (progress.level, progress.round) != startedAt
                progress.offeredAtLevel += offered
                return .offer(.init(
                    mentors: offered, progress: progress, deadline: situation.now + level.timeout(for: situation.intake.urgency),
                    strategy: level.strategy, escalated: escalated, ranking: ranking
                ))
            }
            if !ranking.isEmpty { lastRanking = ranking }
            progress.level += 1
            progress.offeredAtLevel = []
        }

        // Only when nobody the policy names is at work: a case in a language nobody speaks goes to the
        // coordinator now rather than waiting for tomorrow's shift.
        if mayWait, !anyoneOnDuty, !progress.waitedForOpening,
           let opening = roster.nextOpening(of: policy, after: situation.now, within: roster.rules.openingWait, overrides: situation.overrides) {
            var fresh = RoutingProgress(route: progress.route, policy: progress.policy, waitedForContactPerson: progress.waitedForContactPerson)
            fresh.waitedForOpening = true
            let promise = opening.at + policy.levels[opening.level].timeout(for: situation.intake.urgency)
            return .wait(.init(until: opening.at, promise: promise, reason: .nextOpening, progress: fresh, ranking: lastRanking))
        }
        let times = rounds == 1 ? "once" : "\(rounds) times"
        return .unroutable(
            reason: "every level of policy \(policy.id) was tried \(times) and nobody eligible is left",
            progress: progress, ranking: lastRanking
        )
    }

    /// A wait for the contact person when they are off duty but otherwise able to take the case and
    /// back on duty within the roster's bound.
    static func contactPersonWait(
        _ situation: RoutingSituation, progress: RoutingProgress, policy: EscalationPolicy, roster: Roster
    ) -> RoutingDecision.Wait? {
        guard let contact = situation.contactPerson, let mentor = roster.mentors[contact] else { return nil }
        let assessment = assess(
            mentor, source: "contact person", isContactPerson: true, isNamedTarget: false, situation: situation, roster: roster, progress: progress
        )
        guard !assessment.result.eligible, assessment.offDutyOnly,
              let back = roster.nextDutyStart(of: contact, after: situation.now, within: roster.rules.contactPersonWait, overrides: situation.overrides)
        else { return nil }
        var waited = progress
        waited.waitedForContactPerson = true
        let promise = back + (policy.levels.first?.timeout(for: situation.intake.urgency) ?? .zero)
        return .init(until: back, promise: promise, reason: .contactPerson(contact), progress: waited, ranking: [assessment.result])
    }

    /// Every mentor the level names, eligible ones first in rank order, each with its reasons.
    package static func assess(level: EscalationLevel, progress: RoutingProgress, situation: RoutingSituation, roster: Roster) -> [CandidateAssessment] {
        assessCandidates(level: level, progress: progress, situation: situation, roster: roster).map(\.result)
    }

    static func assessCandidates(level: EscalationLevel, progress: RoutingProgress, situation: RoutingSituation, roster: Roster) -> [Assessment] {
        var seen: Set<MentorID> = []
        var candidates: [(mentor: Mentor, source: String, named: Bool)] = []
        func add(_ id: MentorID, _ source: String, named: Bool = false) {
            if let mentor = roster.mentors[id], seen.insert(id).inserted { candidates.append((mentor, source, named)) }
        }
        if progress.level == 0, progress.round == 0, let contact = situation.contactPerson {
            add(contact, "contact person for this caller")
        }
        for target in level.targets {
            switch target {
            case .schedule(let id):
                guard let schedule = roster.schedules[id], let shift = situation.onCall(in: schedule) else { continue }
                add(shift.mentor, "on call in \(schedule.name)")
            case .team(let id):
                guard let team = roster.teams[id] else { continue }
                for member in team.members { add(member, "member of \(team.name)") }
            case .mentor(let id):
                add(id, "named in policy \(progress.policy)", named: true)
            }
        }

        var assessed = candidates.enumerated().map { order, candidate in
            (order: order, value: assess(
                candidate.mentor, source: candidate.source, isContactPerson: candidate.mentor.id == situation.contactPerson,
                isNamedTarget: candidate.named, situation: situation, roster: roster, progress: progress
            ))
        }
        assessed.sort { lhs, rhs in
            let l = lhs.value, r = rhs.value
            if l.result.eligible != r.result.eligible { return l.result.eligible }
            if l.isContactPerson != r.isContactPerson { return l.isContactPerson }
            if l.coverage != r.coverage { return l.coverage > r.coverage }
            if l.openTasks != r.openTasks { return l.openTasks < r.openTasks }
            if l.lastOffered != r.lastOffered { return (l.lastOffered ?? .distantPast) < (r.lastOffered ?? .distantPast) }
            return lhs.order < rhs.order
        }
        return assessed.map(\.value)
    }

    struct Assessment {
        var result: CandidateAssessment
        var isContactPerson: Bool
        var coverage: Int
        var openTasks: Int
        var lastOffered: Date?
        var offDuty: Bool
        /// Eligible but for being off duty (a contact person worth waiting for).
        var offDutyOnly: Bool
    }

    /// One mentor against every eligibility rule, with a reason for each rule they pass or fail.
    ///
    /// A mentor the policy names directly is offered whatever their schedule says: naming them is the
    /// policy's decision (the coordinator at night, a team lead).
    static func assess(
        _ mentor: Mentor, source: String, isContactPerson: Bool, isNamedTarget: Bool, situation: RoutingSituation, roster: Roster,
        progress: RoutingProgress
    ) -> Assessment {
        let intake = situation.intake
        var reasons = [source]
        var exclusions = 0
        var offDuty = false

        if !isNamedTarget {
            switch roster.duty(of: mentor.id, at: situation.now, overrides: situation.overrides, onCall: situation.onCall) {
            case .onDuty(let because):
                if !source.hasPrefix("on call") { reasons.append(because) }
            case .offDuty:
                offDuty = true
                reasons.append("excluded: off duty (not on call and outside working hours)")
            }
        }
        let availability = situation.availability[mentor.id] ?? .available
        if availability != .available {
            exclusions += 1
            reasons.append("excluded: has set themselves \(availability.rawValue)")
        }
        if mentor.languages.contains(intake.language) {
            reasons.append("speaks \(intake.language)")
        } else {
            exclusions += 1
            reasons.append("excluded: does not speak \(intake.language)")
        }
        let known = intake.topics.filter { roster.topics[$0] != nil }
        let covered = known.filter(mentor.topics.contains)
        if !known.isEmpty {
            if roster.rules.topicCoverage == .all, covered.count < known.count {
                exclusions += 1
                let missing = known.filter { !mentor.topics.contains($0) }.map(\.rawValue).joined(separator: ", ")
                reasons.append("excluded: does not cover \(missing) (every topic is required)")
            } else {
                reasons.append("covers \(covered.count) of \(known.count) topics")
            }
        }
        let open = situation.openTasks[mentor.id] ?? 0
        if open >= mentor.capacity {
            exclusions += 1
            reasons.append("excluded: at capacity (\(open) of \(mentor.capacity) open tasks)")
        } else {
            reasons.append("\(open) of \(mentor.capacity) open tasks")
        }
        if situation.declinedBy.contains(mentor.id) {
            exclusions += 1
            reasons.append("excluded: declined this case")
        }
        if progress.offeredAtLevel.contains(mentor.id) {
            exclusions += 1
            reasons.append("excluded: already offered at this level")
        }
        let lastOffered = situation.lastOfferedAt[mentor.id]
        if let lastOffered {
            let minutes = Int(situation.now.timeIntervalSince(lastOffered) / 60)
            reasons.append("last offered a case \(minutes) min ago")
        } else {
            reasons.append("not offered a case before")
        }
        if isContactPerson { reasons.append("contact person: ranked first when eligible") }
        return Assessment(
            result: CandidateAssessment(mentor: mentor.id, eligible: exclusions == 0 && !offDuty, reasons: reasons),
            isContactPerson: isContactPerson, coverage: covered.count, openTasks: open, lastOffered: lastOffered, offDuty: offDuty,
            offDutyOnly: offDuty && exclusions == 0
        )
    }
}
