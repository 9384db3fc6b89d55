internal import Foundation
internal import MentorlineCore
internal import Yams

/// Decodes `roster.yaml` into a ``Roster``: topics, mentors, teams, schedules, escalation policies and
/// routes. Ids are declared as they are read and references checked at the end of the load, so the
/// sections may come in any order.
struct RosterDecoder {
    let file: YAMLFile
    let references: ReferenceTable
    /// For schedules that do not name their own.
    let defaultTimeZone: TimeZone

    func decode(_ root: Node) -> Roster {
        var roster = Roster()
        guard let top = file.mapping(root, for: "roster.yaml", context: "the top level",
                                     keys: ["topics", "mentors", "teams", "schedules", "escalation_policies", "routes", "routing"])
        else { return roster }
        if let node = top.required("topics") {
            for topic in each(node, "topics", context: "topic", keys: ["id", "label"], topic) { roster.topics[topic.id] = topic }
        }
        if let node = top.required("mentors") {
            for mentor in each(node, "mentors", context: "mentor", keys: ["id", "name", "topics", "languages", "capacity", "endpoint", "notify", "urgent_notify"], mentor) {
                roster.mentors[mentor.id] = mentor
            }
        }
        if let node = top.optional("teams") {
            for team in each(node, "teams", context: "team", keys: ["id", "name", "members", "working_hours"], team) { roster.teams[team.id] = team }
        }
        if let node = top.optional("schedules") {
            for schedule in each(node, "schedules", context: "schedule", keys: ["id", "name", "time_zone", "layers"], schedule) {
                roster.schedules[schedule.id] = schedule
            }
        }
        if let node = top.required("escalation_policies") {
            for policy in each(node, "escalation_policies", context: "escalation policy", keys: ["id", "rounds", "levels"], policy) {
                roster.policies[policy.id] = policy
            }
        }
        if let node = top.required("routes") { roster.routes = routes(node) }
        if let node = top.optional("routing") { roster.rules = routingRules(node) }
        return roster
    }

    /// Decodes each mapping of a list with `decode`, dropping the invalid ones (already reported).
    func each<Value>(_ node: Node, _ key: String, context: String, keys: [String], _ decode: (MappingReader) -> Value?) -> [Value] {
        (file.mappings(node, for: key, context: context, keys: keys) ?? []).compactMap(decode)
    }

    /// Reads and declares the entry's `id`.
    func declaredID(_ entry: MappingReader, as kind: ReferenceKind) -> String? {
        guard let node = entry.required("id"), let id = file.identifier(node, for: "id"),
              references.declare(kind, id, at: node, in: file)
        else { return nil }
        return id
    }

    /// Reads a list of ids and records each as a reference to a `kind`.
    func referenceList(_ node: Node, for key: String, to kind: ReferenceKind) -> [String]? {
        guard let items = file.list(node, for: key) else { return nil }
        let ids = items.compactMap { item -> String? in
            guard let id = file.identifier(item, for: key) else { return nil }
            references.refer(to: kind, id, at: item, in: file)
            return id
        }
        return ids.count == items.count ? ids : nil
    }

    /// A list of ISO 639 language codes.
    func languageSet(_ node: Node, for key: String) -> Set<LanguageCode>? {
        guard let items = file.list(node, for: key) else { return nil }
        let codes = items.compactMap { item -> LanguageCode? in
            guard let text = file.text(item, for: key) else { return nil }
            guard let code = LanguageCode(text) else {
                file.report("invalid language code '\(text)' (expected a two- or three-letter ISO 639 code such as 'da')", at: item)
                return nil
            }
            return code
        }
        return codes.count == items.count ? Set(codes) : nil
    }

    // MARK: Topics, mentors, teams

    private func topic(_ entry: MappingReader) -> Topic? {
        let id = declaredID(entry, as: .topic)
        let label = entry.required("label").flatMap { file.text($0, for: "label") }
        guard let id, let label else { return nil }
        return Topic(id: TopicID(id), label: label)
    }

    private func mentor(_ entry: MappingReader) -> Mentor? {
        let id = declaredID(entry, as: .mentor)
        let name = entry.required("name").flatMap { file.text($0, for: "name") }
        let topics = entry.required("topics").flatMap { referenceList($0, for: "topics", to: .topic) }
        let languagesNode = entry.required("languages")
        let languages = languagesNode.flatMap { languageSet($0, for: "languages") }
        if let languagesNode, languages?.isEmpty == true {
            file.report("a mentor needs at least one language", at: languagesNode)
        }
        let capacity = entry.required("capacity").flatMap { file.integer($0, for: "capacity", atLeast: 1) }
        var endpoint: EndpointID?
        if let node = entry.optional("endpoint"), let endpointID = file.identifier(node, for: "endpoint") {
            references.refer(to: .endpoint, endpointID, at: node, in: file)
            endpoint = EndpointID(endpointID)
        }
        var notify: [ContactMethod]? = []
        if let node = entry.optional("notify") { notify = contactMethods(node, for: "notify") }
        var urgentNotify: [ContactMethod]?? = .some(nil)
        if let node = entry.optional("urgent_notify") { urgentNotify = contactMethods(node, for: "urgent_notify").map { $0 } }
        guard let id, let name, let topics, let languages, let capacity, let notify, let urgentNotify else { return nil }
        return Mentor(
            id: MentorID(id), name: name, topics: Set(topics.map(TopicID.init)), languages: languages, capacity: capacity, endpoint: endpoint,
            contactMethods: notify, urgentContactMethods: urgentNotify
        )
    }

    /// `[{endpoint: teams, address: "…", after: 5m}, …]`, in order of their delays.
    private func contactMethods(_ node: Node, for key: String) -> [ContactMethod]? {
        guard let entries = file.mappings(node, for: key, context: "contact method", keys: ["endpoint", "address", "after"]) else { return nil }
        if entries.isEmpty { file.report("'\(key)' needs at least one contact method", at: node) }
        let methods = entries.compactMap { entry -> ContactMethod? in
            var endpoint: EndpointID?
            if let node = entry.required("endpoint"), let id = file.identifier(node, for: "endpoint") {
                references.refer(to: .endpoint, id, at: node, in: file)
                endpoint = EndpointID(id)
            }
            let address = entry.required("address").flatMap { file.text($0, for: "address") }
            var delay: Duration? = .zero
            if let node = entry.optional("after") { delay = file.duration(node, for: "after") }
            guard let endpoint, let address, let delay else { return nil }
            return ContactMethod(endpoint: endpoint, address: address, delay: delay)
        }
        guard methods.count == entries.count, !methods.isEmpty else { return nil }
        var previous = Duration.zero
        for (entry, method) in zip(entries, methods) {
            if method.delay < previous { file.report("contact methods must be listed in order of 'after'", at: entry.node) }
            previous = method.delay
        }
        return methods
    }

    private func team(_ entry: MappingReader) -> Team? {
        let id = declaredID(entry, as: .team)
        let name = entry.required("name").flatMap { file.text($0, for: "name") }
        let membersNode = entry.required("members")
        let members = membersNode.flatMap { referenceList($0, for: "members", to: .mentor) }
        if let membersNode, members?.isEmpty == true {
            file.report("a team needs at least one member", at: membersNode)
        }
        var hours: WorkingHours?? = .some(nil)
        if let node = entry.optional("working_hours") {
            let windows = file.mappings(node, for: "working_hours", context: "working hours", keys: ["days", "from", "to"])
            let decoded = windows?.compactMap(file.weeklyWindow)
            if windows?.isEmpty == true { file.report("'working_hours' needs at least one window", at: node) }
            hours = decoded.flatMap { $0.count == windows?.count && !$0.isEmpty ? WorkingHours(timeZone: defaultTimeZone, windows: $0) : nil }.map { $0 }
        }
        guard let id, let name, let members, !members.isEmpty, let hours else { return nil }
        return Team(id: TeamID(id), name: name, members: members.map(MentorID.init), workingHours: hours)
    }

    // MARK: Schedules

    private func schedule(_ entry: MappingReader) -> Schedule? {
        let id = declaredID(entry, as: .schedule)
        let name = entry.optional("name").flatMap { file.text($0, for: "name") }
        var timeZone: TimeZone? = defaultTimeZone
        if let node = entry.optional("time_zone") { timeZone = file.timeZone(node, for: "time_zone") }
        var layers: [ScheduleLayer]?
        if let node = entry.required("layers"), let entries = file.mappings(node, for: "layers", context: "schedule layer", keys: ["name", "rotation", "handoff", "start", "mentors", "restrictions"]) {
            let decoded = entries.compactMap(layer)
            if let items = file.list(node, for: "layers"), items.isEmpty {
                file.report("a schedule needs at least one layer", at: node)
            } else if decoded.count == entries.count {
                layers = decoded
            }
        }
        guard let id, let timeZone, let layers else { return nil }
        return Schedule(id: ScheduleID(id), name: name ?? id, timeZone: timeZone, layers: layers)
    }

    private func layer(_ entry: MappingReader) -> ScheduleLayer? {
        let rotation = entry.required("rotation").flatMap(rotation)
        var handoff: WallClockTime?
        if let node = entry.required("handoff"), let text = file.text(node, for: "handoff") {
            handoff = WallClockTime(text)
            if handoff == nil { file.report("invalid time '\(text)' for 'handoff' (expected HH:MM, e.g. \"08:00\")", at: node) }
        }
        var start: LocalDate?
        if let node = entry.required("start"), let text = file.text(node, for: "start") {
            start = LocalDate(text)
            if start == nil { file.report("invalid date '\(text)' for 'start' (expected YYYY-MM-DD, e.g. 2026-01-05)", at: node) }
        }
        let mentorsNode = entry.required("mentors")
        let mentors = mentorsNode.flatMap { referenceList($0, for: "mentors", to: .mentor) }
        if let mentorsNode, mentors?.isEmpty == true {
            file.report("a schedule layer needs at least one mentor", at: mentorsNode)
        }
        let name = entry.optional("name").flatMap { file.text($0, for: "name") }
        var restrictions: [WeeklyWindow]? = []
        if let node = entry.optional("restrictions") {
            let windows = file.mappings(node, for: "restrictions", context: "restriction", keys: ["days", "from", "to"])
            let decoded = windows?.compactMap(file.weeklyWindow)
            restrictions = decoded?.count == windows?.count ? decoded : nil
        }
        guard let rotation, let handoff, let start, let mentors, !mentors.isEmpty, let restrictions else { return nil }
        return ScheduleLayer(name: name, mentors: mentors.map(MentorID.init), rotation: rotation, handoff: handoff, start: start, restrictions: restrictions)
    }

    /// `daily`, `weekly`, a number of days (`3d`) or of hours (`12h`).
    private func rotation(_ node: Node) -> Rotation? {
        guard let text = file.text(node, for: "rotation") else { return nil }
        let rotation = Rotation(parsing: text)
        if rotation == nil {
            file.report("invalid rotation '\(text)' (expected daily, weekly, a number of days such as 3d or of hours such as 12h)", at: node)
        }
        return rotation
    }
}
