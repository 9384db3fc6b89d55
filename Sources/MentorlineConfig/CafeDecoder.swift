internal import Foundation
internal import MentorlineCore
internal import Yams

/// Decodes `cafe.yaml` into a ``CafeDirectory``: cafés with their weekly sessions, slot length, notice,
/// horizon, closures and holidays; volunteers with their topics, languages and weekdays; talks. Topics
/// and endpoints are checked against the other files at the end of the load, like every reference.
struct CafeDecoder {
    let file: YAMLFile
    let references: ReferenceTable
    /// For cafés that do not name their own.
    let defaultTimeZone: TimeZone
    /// The letter policy's holiday calendar: a café with `holidays: true` closes on these days.
    let holidays: HolidayCalendar

    func decode(_ root: Node) -> CafeDirectory {
        var directory = CafeDirectory()
        guard let top = file.mapping(root, for: "cafe.yaml", context: "the top level", keys: ["cafes", "volunteers", "talks", "volunteers_see_names"])
        else { return directory }
        if let node = top.required("cafes") {
            for cafe in each(node, "cafes", context: "café", keys: Self.cafeKeys, cafe) { directory.cafes[cafe.id] = cafe }
        }
        if let node = top.optional("volunteers") {
            for (volunteer, entry) in eachWithNode(node, "volunteers", context: "volunteer", keys: Self.volunteerKeys, volunteer) {
                directory.volunteers[volunteer.id] = volunteer
                guard let cafe = directory.cafes[volunteer.cafe] else { continue }
                let open = Set(cafe.sessions.map(\.weekday))
                for day in volunteer.weekdays.subtracting(open).sorted() {
                    file.report("volunteer '\(volunteer.id)' staffs \(day.abbreviation), but café '\(cafe.id)' has no session then", at: entry.optional("weekdays") ?? entry.node)
                }
            }
        }
        if let node = top.optional("talks") {
            for (talk, entry) in eachWithNode(node, "talks", context: "talk", keys: Self.talkKeys, talk) {
                guard let cafe = directory.cafes[talk.cafe] else { directory.talks[talk.id] = talk; continue }
                guard cafe.sessions(on: talk.date).contains(where: { $0.contains(from: talk.from, to: talk.to) }) else {
                    let sessions = cafe.sessions(on: talk.date).map(\.description)
                    file.report(
                        "talk '\(talk.id)' on \(talk.date) \(talk.from)–\(talk.to) is not within a session of café '\(cafe.id)' "
                            + "(\(sessions.isEmpty ? "no session that weekday" : "sessions that day: " + sessions.joined(separator: ", ")))",
                        at: entry.node
                    )
                    continue
                }
                if let closed = cafe.closure(on: talk.date) {
                    file.report("talk '\(talk.id)' is on \(talk.date), when café '\(cafe.id)' is \(closed)", at: entry.node)
                    continue
                }
                directory.talks[talk.id] = talk
            }
        }
        if let node = top.optional("volunteers_see_names") {
            switch file.text(node, for: "volunteers_see_names") {
            case "true": directory.volunteersSeeNames = true
            case "false": directory.volunteersSeeNames = false
            case let other?: file.report("expected true or false for 'volunteers_see_names', found '\(other)'", at: node)
            case nil: break
            }
        }
        return directory
    }

    static let cafeKeys = ["id", "name", "address", "time_zone", "sessions", "slot_length", "minimum_notice", "horizon", "holidays", "closures"]
    static let volunteerKeys = ["id", "name", "organisation", "cafe", "topics", "languages", "weekdays", "endpoint", "address"]
    static let talkKeys = ["id", "cafe", "title", "date", "from", "to", "seats"]

    private func each<Value>(_ node: Node, _ key: String, context: String, keys: [String], _ decode: (MappingReader) -> Value?) -> [Value] {
        (file.mappings(node, for: key, context: context, keys: keys) ?? []).compactMap(decode)
    }

    private func eachWithNode<Value>(
        _ node: Node, _ key: String, context: String, keys: [String], _ decode: (MappingReader) -> Value?
    ) -> [(Value, MappingReader)] {
        (file.mappings(node, for: key, context: context, keys: keys) ?? []).compactMap { entry in decode(entry).map { ($0, entry) } }
    }

    private func declaredID(_ entry: MappingReader, as kind: ReferenceKind) -> String? {
        guard let node = entry.required("id"), let id = file.identifier(node, for: "id"), references.declare(kind, id, at: node, in: file) else { return nil }
        return id
    }

    private func date(_ node: Node, for key: String) -> LocalDate? {
        guard let text = file.text(node, for: key) else { return nil }
        guard let date = LocalDate(text) else {
            file.report("invalid date '\(text)' for '\(key)' (expected YYYY-MM-DD, e.g. 2026-12-03)", at: node)
            return nil
        }
        return date
    }

    // MARK: Cafés

    private func cafe(_ entry: MappingReader) -> Cafe? {
        let id = declaredID(entry, as: .cafe)
        let name = entry.required("name").flatMap { file.text($0, for: "name") }
        let address = entry.required("address").flatMap { file.text($0, for: "address") }
        var timeZone: TimeZone? = defaultTimeZone
        if let node = entry.optional("time_zone") { timeZone = file.timeZone(node, for: "time_zone") }
        var sessions: [CafeSession]?
        if let node = entry.required("sessions"), let entries = file.mappings(node, for: "sessions", context: "session", keys: ["day", "from", "to"]) {
            let decoded = entries.compactMap(session)
            if entries.isEmpty {
                file.report("a café needs at least one session", at: node)
            } else if decoded.count == entries.count {
                sessions = decoded
            }
        }
        var slotLength: Duration? = .seconds(30 * 60)
        if let node = entry.optional("slot_length") { slotLength = file.duration(node, for: "slot_length") }
        var notice: Duration? = .seconds(2 * 3600)
        if let node = entry.optional("minimum_notice") { notice = file.duration(node, for: "minimum_notice") }
        var horizon: Duration? = .seconds(21 * 86400)
        if let node = entry.optional("horizon") { horizon = file.duration(node, for: "horizon") }
        var calendar: HolidayCalendar?? = .some(holidays)
        if let node = entry.optional("holidays") {
            switch file.text(node, for: "holidays") {
            case "true": calendar = .some(holidays)
            case "false": calendar = .some(nil)
            case let other?:
                file.report("expected true or false for 'holidays', found '\(other)'", at: node)
                calendar = nil
            case nil: calendar = nil
            }
        }
        var closures: [CafeClosure]? = []
        if let node = entry.optional("closures"),
           let entries = file.mappings(node, for: "closures", context: "closure", keys: ["date", "from", "to", "reason"]) {
            let decoded = entries.compactMap { closure($0, cafe: CafeID(id ?? "?")) }
            closures = decoded.count == entries.count ? decoded : nil
        }
        if let sessions, let slotLength, let node = entry.optional("slot_length") ?? entry.optional("sessions") {
            for session in sessions where session.to.secondsSinceMidnight - session.from.secondsSinceMidnight < Int(slotLength.components.seconds) {
                file.report("session \(session.description) is shorter than the slot length", at: node)
            }
        }
        if let notice, let horizon, notice >= horizon, let node = entry.optional("horizon") ?? entry.optional("minimum_notice") {
            file.report("'horizon' must be longer than 'minimum_notice'", at: node)
        }
        guard let id, let name, let address, let timeZone, let sessions, let slotLength, let notice, let horizon, let calendar, let closures else {
            return nil
        }
        return Cafe(
            id: CafeID(id), name: name, address: address, timeZone: timeZone, sessions: sessions, slotLength: slotLength, minimumNotice: notice,
            horizon: horizon, closures: closures, holidays: calendar
        )
    }

    /// `{day: tue, from: "13:00", to: "16:00"}`.
    private func session(_ entry: MappingReader) -> CafeSession? {
        var day: Weekday?
        if let node = entry.required("day"), let text = file.text(node, for: "day") {
            day = Weekday(abbreviation: text)
            if day == nil { file.report("invalid weekday '\(text)' (expected mon, tue, wed, thu, fri, sat or sun)", at: node) }
        }
        let from = entry.required("from").flatMap { file.wallClock($0, for: "from") }
        let to = entry.required("to").flatMap { file.wallClock($0, for: "to") }
        guard let day, let from, let to else { return nil }
        guard from < to else {
            file.report("a session must end after it starts (\(from)–\(to)); sessions do not run past midnight", at: entry.node)
            return nil
        }
        return CafeSession(weekday: day, from: from, to: to)
    }

    /// `{date: 2026-12-29, reason: …}` or `{from: 2026-07-06, to: 2026-07-31, reason: …}`.
    private func closure(_ entry: MappingReader, cafe: CafeID) -> CafeClosure? {
        let reason = entry.required("reason").flatMap { file.text($0, for: "reason") }
        var first: LocalDate?
        var last: LocalDate?
        if let node = entry.optional("date") {
            if entry.contains("from") || entry.contains("to") {
                file.report("a closure names either 'date' or 'from' and 'to'", at: entry.node)
                return nil
            }
            first = date(node, for: "date")
            last = first
        } else {
            first = entry.required("from").flatMap { date($0, for: "from") }
            last = entry.required("to").flatMap { date($0, for: "to") }
            if let first, let last, last < first {
                file.report("a closure must end on or after its first day (\(first) to \(last))", at: entry.node)
                return nil
            }
        }
        guard let reason, let first, let last else { return nil }
        return CafeClosure(cafe: cafe, first: first, last: last, reason: reason)
    }

    // MARK: Volunteers and talks

    private func volunteer(_ entry: MappingReader) -> Volunteer? {
        let id = declaredID(entry, as: .volunteer)
        let name = entry.required("name").flatMap { file.text($0, for: "name") }
        let organisation = entry.required("organisation").flatMap { file.text($0, for: "organisation") }
        var cafe: CafeID?
        if let node = entry.required("cafe"), let cafeID = file.identifier(node, for: "cafe") {
            references.refer(to: .cafe, cafeID, at: node, in: file)
            cafe = CafeID(cafeID)
        }
        var topics: [TopicID]?
        if let node = entry.required("topics"), let items = file.list(node, for: "topics") {
            let ids = items.compactMap { item -> TopicID? in
                guard let id = file.identifier(item, for: "topics") else { return nil }
                references.refer(to: .topic, id, at: item, in: file)
                return TopicID(id)
            }
            if items.isEmpty { file.report("a volunteer advises on at least one topic", at: node) } else if ids.count == items.count { topics = ids }
        }
        var languages: Set<LanguageCode>?
        if let node = entry.required("languages"), let items = file.list(node, for: "languages") {
            let codes = items.compactMap { item -> LanguageCode? in
                guard let text = file.text(item, for: "languages") else { return nil }
                guard let code = LanguageCode(text) else {
                    file.report("invalid language code '\(text)' (expected a two- or three-letter ISO 639 code such as 'da')", at: item)
                    return nil
                }
                return code
            }
            if items.isEmpty { file.report("a volunteer needs at least one language", at: node) } else if codes.count == items.count { languages = Set(codes) }
        }
        var weekdays: Set<Weekday>? = []
        if let node = entry.optional("weekdays") { weekdays = file.weekdays(node) }
        var endpoint: EndpointID?
        if let node = entry.optional("endpoint"), let endpointID = file.identifier(node, for: "endpoint") {
            references.refer(to: .endpoint, endpointID, at: node, in: file)
            endpoint = EndpointID(endpointID)
        }
        let address = entry.optional("address").flatMap { file.text($0, for: "address") }
        guard let id, let name, let organisation, let cafe, let topics, let languages, let weekdays else { return nil }
        let topicSet: Set<TopicID> = Set(topics)
        return Volunteer(
            id: VolunteerID(id), name: name, organisation: organisation, cafe: cafe, topics: topicSet, languages: languages, weekdays: weekdays,
            endpoint: endpoint, address: address
        )
    }

    private func talk(_ entry: MappingReader) -> Talk? {
        let id = declaredID(entry, as: .talk)
        var cafe: CafeID?
        if let node = entry.required("cafe"), let cafeID = file.identifier(node, for: "cafe") {
            references.refer(to: .cafe, cafeID, at: node, in: file)
            cafe = CafeID(cafeID)
        }
        let title = entry.required("title").flatMap { file.text($0, for: "title") }
        let day = entry.required("date").flatMap { self.date($0, for: "date") }
        let from = entry.required("from").flatMap { file.wallClock($0, for: "from") }
        let to = entry.required("to").flatMap { file.wallClock($0, for: "to") }
        let seats = entry.required("seats").flatMap { file.integer($0, for: "seats", atLeast: 1) }
        guard let id, let cafe, let title, let day, let from, let to, let seats else { return nil }
        guard from < to else {
            file.report("a talk must end after it starts (\(from)–\(to))", at: entry.node)
            return nil
        }
        return Talk(id: TalkID(id), cafe: cafe, title: title, date: day, from: from, to: to, seats: seats)
    }
}
