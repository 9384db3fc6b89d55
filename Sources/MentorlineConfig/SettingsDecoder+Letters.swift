internal import Foundation
internal import MentorlineCore
internal import Yams

/// Decodes the `letters:` section: when messages to citizens, representatives and companies may go.
extension SettingsDecoder {
    func letters(_ node: Node, timeZone: TimeZone) -> LetterRules {
        var rules = LetterRules.standard(timeZone: timeZone)
        guard let map = file.mapping(node, for: "letters", context: "letters", keys: [
            "citizens", "companies", "exempt", "representative", "reminder_lead",
        ]) else { return rules }
        if let node = map.optional("citizens") { rules.citizens = policy(node, for: "citizens", base: rules.citizens) }
        if let node = map.optional("companies") { rules.companies = policy(node, for: "companies", base: rules.companies) }
        if let node = map.optional("exempt") { rules.exemptions = exemptions(node) }
        if let node = map.optional("representative"),
           let mode = file.choice(node, for: "representative", as: RepresentationMode.self, named: "representative mode") {
            rules.representation = mode
        }
        if let node = map.optional("reminder_lead"), let lead = file.duration(node, for: "reminder_lead") { rules.reminderLead = lead }
        return rules
    }

    /// One policy; keys left out keep the shipped default's value.
    private func policy(_ node: Node, for key: String, base: LetterPolicy) -> LetterPolicy {
        var policy = base
        guard let map = file.mapping(node, for: key, context: "letters.\(key)", keys: [
            "quiet", "daily_window", "office_hours", "holidays", "closed_dates",
        ]) else { return policy }
        if let node = map.optional("quiet"), let items = file.list(node, for: "quiet") {
            let spans = items.compactMap(quietSpan)
            if spans.count == items.count { policy.quietSpans = spans }
        }
        if let node = map.optional("daily_window"),
           let window = file.mapping(node, for: "daily_window", context: "letters.\(key).daily_window", keys: ["from", "to"]) {
            let from = window.required("from").flatMap { file.wallClock($0, for: "from") }
            let to = window.required("to").flatMap { file.wallClock($0, for: "to") }
            if let from, let to {
                if let daily = DailyWindow(from: from, to: to) {
                    policy.dailyWindow = daily
                } else {
                    file.report("'daily_window' must end after it starts on the same day, found \(from)–\(to)", at: node)
                }
            }
        }
        if let node = map.optional("office_hours") {
            let windows = file.mappings(node, for: "office_hours", context: "office hours", keys: ["days", "from", "to"])
            let decoded = windows?.compactMap(file.weeklyWindow)
            if let decoded, decoded.count == windows?.count { policy.allowedWeekly = decoded }
        }
        if let node = map.optional("holidays") { policy.holidays = holidays(node, base: policy.holidays) }
        if let node = map.optional("closed_dates"), let items = file.list(node, for: "closed_dates") {
            var dates: Set<LocalDate> = []
            for item in items {
                guard let text = file.text(item, for: "closed_dates") else { continue }
                if let date = LocalDate(text) {
                    dates.insert(date)
                } else {
                    file.report("invalid date '\(text)' in 'closed_dates' (expected YYYY-MM-DD)", at: item)
                }
            }
            policy.closedDates = dates
        }
        for problem in policy.problems() {
            file.report("letters.\(key): \(problem)", at: node)
        }
        return policy
    }

    /// `{from: fri 12:00, to: mon 08:00}`.
    private func quietSpan(_ node: Node) -> WeeklySpan? {
        guard let map = file.mapping(node, for: "quiet", context: "quiet period", keys: ["from", "to"]),
              let fromNode = map.required("from"), let from = file.text(fromNode, for: "from"),
              let toNode = map.required("to"), let to = file.text(toNode, for: "to")
        else { return nil }
        guard let span = WeeklySpan(from: from, to: to) else {
            file.report(
                "invalid quiet period '\(from)' to '\(to)' (expected a weekday and a time each, such as from: fri 12:00, to: mon 08:00, "
                    + "and two different moments)",
                at: node
            )
            return nil
        }
        return span
    }

    /// `true`, `false`, or `{enabled: true, constitution_day: true, christmas_eve: false, new_years_eve: true}`.
    private func holidays(_ node: Node, base: HolidayCalendar) -> HolidayCalendar {
        var calendar = base
        if case .scalar(let scalar) = node, let enabled = Bool(scalar.string) {
            calendar.enabled = enabled
            return calendar
        }
        let customs = DanishHoliday.allCases.filter(\.isClosedByCustom)
        guard let map = file.mapping(node, for: "holidays", context: "holidays", keys: ["enabled"] + customs.map(\.rawValue)) else {
            return calendar
        }
        if let node = map.optional("enabled"), let enabled = flag(node, for: "enabled") { calendar.enabled = enabled }
        for day in customs {
            guard let node = map.optional(day.rawValue), let closed = flag(node, for: day.rawValue) else { continue }
            if closed { calendar.customDays.insert(day) } else { calendar.customDays.remove(day) }
        }
        return calendar
    }

    /// `[{event: case.receipt, within: 15m}]`.
    private func exemptions(_ node: Node) -> [EventType: Duration] {
        guard let entries = file.mappings(node, for: "exempt", context: "exemption", keys: ["event", "within"]) else { return [:] }
        var result: [EventType: Duration] = [:]
        for entry in entries {
            let event = entry.required("event").flatMap { eventType($0, for: "event") }
            let within = entry.required("within").flatMap { file.duration($0, for: "within") }
            guard let event, let within else { continue }
            guard event.isCallerFacing else {
                file.report("'\(event.rawValue)' is not a message to citizens or companies; only those can be exempt", at: entry.node)
                continue
            }
            result[event] = within
        }
        return result
    }

    func eventType(_ node: Node, for key: String) -> EventType? {
        file.choice(node, for: key, as: EventType.self, named: "event type")
    }

    private func flag(_ node: Node, for key: String) -> Bool? {
        guard let text = file.text(node, for: key) else { return nil }
        guard let value = Bool(text) else {
            file.report("'\(key)' must be true or false, found '\(text)'", at: node)
            return nil
        }
        return value
    }
}
