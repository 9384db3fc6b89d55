internal import MentorlineCore
internal import Yams

/// Weekly windows, weekdays and wall-clock times, as the roster and the letter policy write them.
extension YAMLFile {
    /// `{days: [mon, tue], from: "08:00", to: "16:00"}`; days default to every day.
    func weeklyWindow(_ entry: MappingReader) -> WeeklyWindow? {
        var days: Set<Weekday>? = Set(Weekday.allCases)
        if let node = entry.optional("days") {
            days = weekdays(node)
        }
        let from = entry.required("from").flatMap { wallClock($0, for: "from") }
        let to = entry.required("to").flatMap { wallClock($0, for: "to") }
        guard let days, let from, let to else { return nil }
        return WeeklyWindow(days: days, from: from, to: to)
    }

    /// A list of weekdays (`mon` … `sun`), or a range written `mon-fri`.
    func weekdays(_ node: Node) -> Set<Weekday>? {
        guard let items = list(node, for: "days") else { return nil }
        var days: Set<Weekday> = []
        for item in items {
            guard let text = text(item, for: "days") else { return nil }
            let ends = text.split(separator: "-", omittingEmptySubsequences: false).map { Weekday(abbreviation: String($0)) }
            if ends.count == 1, let day = ends[0] {
                days.insert(day)
            } else if ends.count == 2, let first = ends[0], let last = ends[1], first <= last {
                days.formUnion(Weekday.allCases.filter { $0 >= first && $0 <= last })
            } else {
                report("invalid weekday '\(text)' (expected mon, tue, wed, thu, fri, sat, sun or a range such as mon-fri)", at: item)
                return nil
            }
        }
        if days.isEmpty {
            report("'days' needs at least one weekday", at: node)
            return nil
        }
        return days
    }

    /// A quoted `HH:MM` wall-clock time.
    func wallClock(_ node: Node, for key: String) -> WallClockTime? {
        guard let text = text(node, for: key) else { return nil }
        guard let time = WallClockTime(text) else {
            report("invalid time '\(text)' for '\(key)' (expected HH:MM, e.g. \"08:00\")", at: node)
            return nil
        }
        return time
    }
}
