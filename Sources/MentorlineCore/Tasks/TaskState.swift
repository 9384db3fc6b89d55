/// Where one offer of a case to one mentor stands.
package enum TaskState: String, Codable, Sendable, CaseIterable, Hashable {
    /// Waiting for the mentor to accept or decline before the deadline.
    case offered
    case accepted
    case declined
    /// The deadline passed without an answer.
    case expired
    /// Another mentor took the case first (a simultaneous offer), or the offer was called back.
    case withdrawn
    /// The mentor passed the case to a colleague, whose own task carries it on.
    case handedOff = "handed_off"
    case resolved

    /// Whether the task counts toward the mentor's capacity.
    package var isOpen: Bool {
        switch self {
        case .offered, .accepted: true
        case .declined, .expired, .withdrawn, .handedOff, .resolved: false
        }
    }
}

/// Why a task exists.
package enum TaskPurpose: String, Codable, Sendable, CaseIterable, Hashable {
    /// An offer made by the escalation policy.
    case offer
    /// The coordinator's fallback offer of a case nobody else could take; it does not expire.
    case coordinator
    /// A colleague handed the case over.
    case handoff
}
