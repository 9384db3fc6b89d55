internal import MentorlineCore
internal import Yams

/// Escalation policies and routes.
extension RosterDecoder {
    func policy(_ entry: MappingReader) -> EscalationPolicy? {
        let id = declaredID(entry, as: .policy)
        var rounds: Int? = ConfigurationDefaults.escalationRounds
        if let node = entry.optional("rounds") { rounds = file.integer(node, for: "rounds", atLeast: 1) }
        var levels: [EscalationLevel]?
        if let node = entry.required("levels"),
           let entries = file.mappings(node, for: "levels", context: "escalation level", keys: ["targets", "ack_timeout", "urgent_ack_timeout", "strategy"]) {
            let decoded = entries.compactMap(level)
            if let items = file.list(node, for: "levels"), items.isEmpty {
                file.report("an escalation policy needs at least one level", at: node)
            } else if decoded.count == entries.count {
                levels = decoded
            }
        }
        guard let id, let rounds, let levels else { return nil }
        return EscalationPolicy(id: PolicyID(id), levels: levels, rounds: rounds)
    }

    private func level(_ entry: MappingReader) -> EscalationLevel? {
        var targets: [EscalationTarget]?
        if let node = entry.required("targets"), let items = file.list(node, for: "targets") {
            let decoded = items.compactMap(target)
            if items.isEmpty {
                file.report("escalation level has no targets", at: node)
            } else if decoded.count == items.count {
                targets = decoded
            }
        }
        let timeout = entry.required("ack_timeout").flatMap { file.duration($0, for: "ack_timeout") }
        var urgentTimeout: Duration??
        if let node = entry.optional("urgent_ack_timeout") { urgentTimeout = file.duration(node, for: "urgent_ack_timeout").map { $0 } } else { urgentTimeout = .some(nil) }
        var strategy: OfferStrategy? = .sequential
        if let node = entry.optional("strategy") { strategy = file.choice(node, for: "strategy", as: OfferStrategy.self, named: "offer strategy") }
        guard let targets, let timeout, let urgentTimeout, let strategy else { return nil }
        return EscalationLevel(targets: targets, acknowledgementTimeout: timeout, urgentAcknowledgementTimeout: urgentTimeout, strategy: strategy)
    }

    /// `{schedule: ID}`, `{team: ID}` or `{mentor: ID}`.
    private func target(_ node: Node) -> EscalationTarget? {
        let kinds: [(key: String, kind: ReferenceKind)] = [("schedule", .schedule), ("team", .team), ("mentor", .mentor)]
        guard let map = file.mapping(node, for: "targets", context: "escalation target", keys: kinds.map(\.key)) else { return nil }
        let present = kinds.filter { map.contains($0.key) }
        guard present.count == 1, let only = present.first, let valueNode = map.optional(only.key) else {
            file.report("an escalation target names exactly one of 'schedule', 'team' or 'mentor'", at: node)
            return nil
        }
        guard let id = file.identifier(valueNode, for: only.key) else { return nil }
        references.refer(to: only.kind, id, at: valueNode, in: file)
        switch only.kind {
        case .schedule: return .schedule(ScheduleID(id))
        case .team: return .team(TeamID(id))
        case .mentor: return .mentor(MentorID(id))
        case .topic, .policy, .route, .endpoint, .token, .cafe, .volunteer, .talk: return nil
        }
    }

    // MARK: Routing rules

    /// The `routing:` section: coordinator, topic coverage and the bounds of waits.
    func routingRules(_ node: Node) -> RoutingRules {
        var rules = RoutingRules()
        guard let map = file.mapping(node, for: "routing", context: "routing", keys: [
            "coordinator", "topic_coverage", "contact_person_wait", "opening_wait", "promise_alert_lead",
        ]) else { return rules }
        if let node = map.optional("coordinator"), let id = file.identifier(node, for: "coordinator") {
            references.refer(to: .mentor, id, at: node, in: file)
            rules.coordinator = MentorID(id)
        }
        if let node = map.optional("topic_coverage"), let coverage = file.choice(node, for: "topic_coverage", as: TopicCoverage.self, named: "topic coverage") {
            rules.topicCoverage = coverage
        }
        if let node = map.optional("contact_person_wait"), let wait = file.duration(node, for: "contact_person_wait") { rules.contactPersonWait = wait }
        if let node = map.optional("opening_wait"), let wait = file.duration(node, for: "opening_wait") { rules.openingWait = wait }
        if let node = map.optional("promise_alert_lead"), let lead = file.duration(node, for: "promise_alert_lead") { rules.promiseAlertLead = lead }
        return rules
    }

    // MARK: Routes

    /// The routes in order, checking that exactly one catch-all ends them.
    func routes(_ node: Node) -> [RouteRule] {
        guard let entries = file.mappings(node, for: "routes", context: "route", keys: ["id", "match", "policy", "urgent_policy", "cafe"]) else { return [] }
        var rules: [RouteRule] = []
        var catchAll: (id: String, line: Int)?
        for entry in entries {
            let id = declaredID(entry, as: .route)
            var match: RouteMatch? = .any
            if let node = entry.optional("match") { match = self.match(node) }
            var policy: PolicyID?
            if let node = entry.required("policy"), let policyID = file.identifier(node, for: "policy") {
                references.refer(to: .policy, policyID, at: node, in: file)
                policy = PolicyID(policyID)
            }
            var urgentPolicy: PolicyID?
            if let node = entry.optional("urgent_policy"), let policyID = file.identifier(node, for: "urgent_policy") {
                references.refer(to: .policy, policyID, at: node, in: file)
                urgentPolicy = PolicyID(policyID)
            }
            var cafe: CafeID?
            if let node = entry.optional("cafe"), let cafeID = file.identifier(node, for: "cafe") {
                references.refer(to: .cafe, cafeID, at: node, in: file)
                cafe = CafeID(cafeID)
            }
            let name = id.map { "route '\($0)'" } ?? "this route"
            if let catchAll {
                file.report("\(name) is never reached: the catch-all route '\(catchAll.id)' (line \(catchAll.line)) before it matches every case", at: entry.node)
            } else if match?.isCatchAll == true {
                catchAll = (id ?? "?", entry.node.mark?.line ?? 1)
            }
            if let id, let match, let policy { rules.append(RouteRule(id: RouteID(id), match: match, policy: policy, urgentPolicy: urgentPolicy, cafe: cafe)) }
        }
        if let last = entries.last, catchAll == nil {
            file.report("the last route must be a catch-all (a route without 'match') so that every case has a route", at: last.node)
        } else if entries.isEmpty, let items = file.list(node, for: "routes"), items.isEmpty {
            file.report("no routes: add at least a catch-all route (one without 'match')", at: node)
        }
        return rules
    }

    private func match(_ node: Node) -> RouteMatch? {
        guard let map = file.mapping(node, for: "match", context: "route match", keys: ["caller_kinds", "topics", "urgency", "languages"]) else { return nil }
        var match = RouteMatch()
        var valid = true
        if let node = map.optional("caller_kinds") {
            if let items = file.list(node, for: "caller_kinds") {
                let kinds = items.compactMap { file.choice($0, for: "caller_kinds", as: CallerKind.self, named: "caller kind") }
                if kinds.count == items.count { match.callerKinds = Set(kinds) } else { valid = false }
            } else { valid = false }
        }
        if let node = map.optional("topics") {
            if let topics = referenceList(node, for: "topics", to: .topic) { match.topics = Set(topics.map(TopicID.init)) } else { valid = false }
        }
        if let node = map.optional("urgency") {
            if let items = file.list(node, for: "urgency") {
                let urgencies = items.compactMap { file.choice($0, for: "urgency", as: Urgency.self, named: "urgency") }
                if urgencies.count == items.count { match.urgencies = Set(urgencies) } else { valid = false }
            } else { valid = false }
        }
        if let node = map.optional("languages") {
            if let languages = languageSet(node, for: "languages") { match.languages = languages } else { valid = false }
        }
        return valid ? match : nil
    }
}
