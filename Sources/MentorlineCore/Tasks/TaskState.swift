/// Where one offer of a case to one mentor stands.
package enum TaskState: String, Codable, Sendable, CaseIterable, Hashable {
    /// Waiting for the mentor to accept or decline before the deadline.
    case offered
    case accepted
    case declined
    /// The deadline passed without an answer.
    case expired
    case resolved

    /// Whether the task counts toward the mentor's capacity.
    package var isOpen: Bool {
        switch self {
        case .offered, .accepted: true
        case .declined, .expired, .resolved: false
        }
    }
}
