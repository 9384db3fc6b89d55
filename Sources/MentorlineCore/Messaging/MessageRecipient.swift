/// The kinds of recipient, each served by a configured webhook endpoint.
package enum RecipientKind: String, Codable, Sendable, CaseIterable, Hashable {
    case mentor
    case ops
    /// Callers, by what they are: a citizen, a company, a citizen's representative or a colleague.
    case citizen
    case company
    case representative
    case staff
    /// A volunteer of the advice café.
    case volunteer

    /// The kind of recipient a caller of `kind` is.
    package init(_ kind: CallerKind) {
        switch kind {
        case .citizen: self = .citizen
        case .company: self = .company
        case .representative: self = .representative
        case .staff: self = .staff
        }
    }
}

/// Who one message is for.
package enum MessageRecipient: Hashable, Sendable {
    case mentor(MentorID)
    case ops
    case volunteer(VolunteerID)
    /// Whoever made the call; the payload carries their contact details for the gateway.
    case caller(CallerKind)

    package var kind: RecipientKind {
        switch self {
        case .mentor: .mentor
        case .ops: .ops
        case .volunteer: .volunteer
        case .caller(let kind): RecipientKind(kind)
        }
    }

    package var id: String {
        switch self {
        case .mentor(let id): id.rawValue
        case .ops: "ops"
        case .volunteer(let id): id.rawValue
        case .caller: "caller"
        }
    }
}
