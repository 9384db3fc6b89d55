extension RouteTestReport {
    /// The report for a person:
    ///
    /// ```
    /// Routing test at 2026-11-23 10:00 (CET), configuration /etc/mentorline
    /// Not known offline: open tasks, availability, last offers, contact person, schedule overrides.
    ///     Every mentor counts as available with no open tasks; schedules follow their layers alone.
    /// Case:     company caller, topics placement, urgency soon, language da
    /// Route:    everything-else (catch-all)
    /// Policy:   standard (2 rounds)
    /// Decision: offer to amira-haddad (Amira Haddad) at level 1, round 1 (sequential), open until 2026-11-23 10:10 (CET)
    ///
    /// Level 1: schedule mentor-oncall (Mentorvagten); answer within 10m (urgent 3m); sequential
    ///     1. amira-haddad (Amira Haddad): eligible
    ///          on call in Mentorvagten; speaks da; covers 1 of 1 topics; 0 of 6 open tasks; not offered a case before
    /// ```
    package var text: String {
        var lines: [String] = []
        lines.append("Routing test at \(TimeText.format(at, in: zone)), configuration \(configDirectory)")
        lines.append("Not known offline: open tasks, availability, last offers, contact person, schedule overrides.")
        lines.append("    Every mentor counts as available with no open tasks; schedules follow their layers alone.")

        var topics = caseSummary.topics.isEmpty ? "no topics" : "topics " + caseSummary.topics.joined(separator: ", ")
        if !caseSummary.unknownTopics.isEmpty {
            topics += " (not in the roster: \(caseSummary.unknownTopics.joined(separator: ", ")))"
        }
        lines.append("Case:     \(caseSummary.callerKind) caller, \(topics), urgency \(caseSummary.urgency), language \(caseSummary.language)")
        if let route {
            lines.append("Route:    \(route.id)\(route.catchAll ? " (catch-all)" : "")")
        } else {
            lines.append("Route:    none matches (the roster has no catch-all route)")
        }
        if let policy {
            let rounds = policy.rounds == 1 ? "1 round" : "\(policy.rounds) rounds"
            let why = policy.isUrgentPolicy ? ", the route's urgent policy: the case is urgent" : ""
            lines.append("Policy:   \(policy.id) (\(rounds)\(why))")
        }
        lines.append("Decision: \(decisionText)")

        for level in levels {
            lines.append("")
            let targets = level.targets.map(targetText).joined(separator: ", ")
            let urgent = level.urgentAckTimeout.map { " (urgent \($0))" } ?? ""
            lines.append("Level \(level.level): \(targets); answer within \(level.ackTimeout)\(urgent); \(level.strategy)")
            if level.candidates.isEmpty {
                lines.append("    nobody to consider (no one on call in its schedules, and no team members or mentors named)")
            }
            for (rank, candidate) in level.candidates.enumerated() {
                lines.append("    \(rank + 1). \(candidate.mentor) (\(candidate.name)): \(candidate.eligible ? "eligible" : "excluded")")
                lines.append("         " + candidate.reasons.joined(separator: "; "))
            }
        }
        return lines.joined(separator: "\n")
    }

    var decisionText: String {
        switch decision.kind {
        case .offer:
            let mentors = (decision.mentors ?? []).map(mentorText)
            let whom = mentors.count == 1 ? mentors[0] : mentors.joined(separator: ", ") + " at once"
            let deadline = decision.deadline.map { ", open until \(TimeText.format($0, in: zone))" } ?? ""
            return "offer to \(whom) at level \(decision.level ?? 1), round \(decision.round ?? 1) (\(decision.strategy ?? "sequential"))\(deadline)"
        case .wait:
            let until = decision.until.map { TimeText.format($0, in: zone) } ?? "?"
            return "wait until \(until): \(decision.reason ?? "")"
        case .unroutable:
            let fallback = decision.coordinator.map { "the coordinator \(mentorText($0)) is offered it and ops are alerted" }
                ?? "ops are alerted (the roster names no coordinator)"
            return "unroutable: \(decision.reason ?? ""); \(fallback)"
        }
    }

    private func mentorText(_ id: String) -> String {
        mentorNames[id].map { "\(id) (\($0))" } ?? id
    }

    /// `schedule mentor-oncall (Mentorvagten)`.
    private func targetText(_ key: String) -> String {
        let parts = key.split(separator: ":", maxSplits: 1)
        let described = parts.count == 2 ? "\(parts[0]) \(parts[1])" : key
        return targetNames[key].map { "\(described) (\($0))" } ?? described
    }

    package func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .text: text
        case .json: JSONOutput.render(self)
        }
    }
}
