/// A day of the week, numbered as ISO 8601 does (Monday 1 … Sunday 7).
package enum Weekday: Int, CaseIterable, Comparable, Hashable, Sendable, Codable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// The weekday of a calendar date.
    package init(_ date: LocalDate) {
        self = Weekday(rawValue: date.isoWeekday)!
    }

    /// Three-letter English abbreviation as written in the configuration (`mon` … `sun`).
    package var abbreviation: String {
        switch self {
        case .monday: "mon"
        case .tuesday: "tue"
        case .wednesday: "wed"
        case .thursday: "thu"
        case .friday: "fri"
        case .saturday: "sat"
        case .sunday: "sun"
        }
    }

    /// Parses `mon` … `sun` (case-insensitive).
    package init?(abbreviation: String) {
        guard let day = Weekday.allCases.first(where: { $0.abbreviation == abbreviation.lowercased() }) else { return nil }
        self = day
    }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
