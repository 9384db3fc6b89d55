/// How soon the caller needs a mentor. `urgent` is for a job or placement at risk today.
package enum Urgency: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    case routine
    case soon
    case urgent

    private var rank: Int {
        switch self {
        case .routine: 0
        case .soon: 1
        case .urgent: 2
        }
    }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}
