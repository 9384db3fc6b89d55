/// How long each mentor's turn in a layer lasts, counted in wall-clock time from the layer's first
/// handoff: `days(1)` hands off at the handoff time every day, `hours(12)` at the handoff time and
/// twelve wall-clock hours later. A turn spanning a DST change is an hour shorter or longer.
package enum Rotation: Hashable, Sendable {
    case days(Int)
    case hours(Int)

    package static let daily = Rotation.days(1)
    package static let weekly = Rotation.days(7)

    /// Parses `daily`, `weekly`, `3d` or `12h` (a positive count whose length in seconds fits in an `Int`).
    package init?(parsing text: String) {
        switch text {
        case "daily": self = .daily
        case "weekly": self = .weekly
        default:
            guard let unit = text.last, let count = Int(text.dropLast()), count >= 1 else { return nil }
            let secondsPerUnit: Int
            switch unit {
            case "d": secondsPerUnit = 86400
            case "h": secondsPerUnit = 3600
            default: return nil
            }
            // A count from a configuration file must not make `wallClockSeconds` overflow.
            guard !count.multipliedReportingOverflow(by: secondsPerUnit).overflow else { return nil }
            self = unit == "d" ? .days(count) : .hours(count)
        }
    }

    /// The length of one turn in wall-clock seconds.
    package var wallClockSeconds: Int {
        switch self {
        case .days(let count): count * 86400
        case .hours(let count): count * 3600
        }
    }
}
