/// The kinds of recipient a deployment maps to webhook endpoints.
package enum RecipientKind: String, Codable, Sendable, CaseIterable, Hashable {
    case mentor
    case ops
}

/// Who a message is for.
package enum MessageRecipient: Hashable, Sendable {
    case mentor(MentorID)
    case ops

    package var kind: RecipientKind {
        switch self {
        case .mentor: .mentor
        case .ops: .ops
        }
    }

    /// The recipient's id within its kind (`amira-haddad`; `ops` for ops).
    package var id: String {
        switch self {
        case .mentor(let id): id.rawValue
        case .ops: "ops"
        }
    }
}
