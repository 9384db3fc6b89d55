package import MentorlineCore

/// Who is calling the API, as established by their bearer token.
package enum Principal: Hashable, Sendable {
    /// An intake integration (phone system, web form, operator console), by token name.
    case intake(name: String)
    /// A mentor acting for themselves.
    case mentor(MentorID)
    /// A coordinator or ops, by token name.
    case admin(name: String)
    /// An advice-café volunteer acting for themselves: their bookings, sign-ups and calendar feed.
    case volunteer(VolunteerID)

    /// How the audit trail names this principal.
    package var auditName: String {
        switch self {
        case .intake(let name): "intake:\(name)"
        case .mentor(let id): "mentor:\(id)"
        case .admin(let name): "admin:\(name)"
        case .volunteer(let id): "volunteer:\(id)"
        }
    }
}
