/// Where a case is in its life. See ARCHITECTURE.md, "Case lifecycle".
package enum CaseState: String, Codable, Sendable, CaseIterable, Hashable {
    /// Stored, waiting for the dispatcher's first decision.
    case received
    /// Between offers: a decline or an expired offer sends it back here.
    case routing
    /// Offered to a mentor (or several at once) who has not answered yet.
    case offered
    /// Held until a known instant: the contact person's next shift, or the next opening.
    case waiting
    /// A mentor took it.
    case accepted
    case resolved
    /// Nobody could take it: the coordinator has been offered it and ops alerted.
    case unroutable
    /// Booked into an advice-café slot with a volunteer (until attended, no-show or cancelled).
    case booked

    /// Whether the case still needs someone to act on it.
    package var isOpen: Bool {
        switch self {
        case .received, .routing, .offered, .waiting, .accepted, .unroutable, .booked: true
        case .resolved: false
        }
    }
}
