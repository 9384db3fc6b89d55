/// Which webhook endpoint carries messages for each recipient kind, and for some event types of a
/// kind (a citizen's receipt by SMS, their appointment by digital post).
package struct RecipientEndpoints: Hashable, Sendable {
    package var byKind: [RecipientKind: EndpointID]
    /// Per recipient kind, event types that go through another endpoint than the kind's.
    package var byEvent: [RecipientKind: [EventType: EndpointID]]
    package var mentorOverrides: [MentorID: EndpointID]
    /// Volunteers with their own endpoint (`cafe.yaml`).
    package var volunteerOverrides: [VolunteerID: EndpointID] = [:]
    package var fallback: EndpointID

    package init(
        byKind: [RecipientKind: EndpointID], byEvent: [RecipientKind: [EventType: EndpointID]] = [:],
        mentorOverrides: [MentorID: EndpointID] = [:], fallback: EndpointID
    ) {
        self.byKind = byKind
        self.byEvent = byEvent
        self.mentorOverrides = mentorOverrides
        self.fallback = fallback
    }

    /// The endpoint for mentors and ops, which always have one (the fallback at worst).
    package func endpoint(for recipient: MessageRecipient, event: EventType) -> EndpointID {
        if case .mentor(let id) = recipient, let own = mentorOverrides[id] { return own }
        if case .volunteer(let id) = recipient, let own = volunteerOverrides[id] { return own }
        return byEvent[recipient.kind]?[event] ?? byKind[recipient.kind] ?? fallback
    }

    /// The endpoint for a caller-side message, or nil when the deployment configured none for the kind:
    /// a citizen's letter never goes through the mentors' gateway by default.
    package func callerEndpoint(for kind: RecipientKind, event: EventType) -> EndpointID? {
        byEvent[kind]?[event] ?? byKind[kind]
    }

    /// Every endpoint that can carry a message of `event`, for checking its texts against channel limits.
    package func endpoints(carrying event: EventType) -> Set<EndpointID> {
        var result: Set<EndpointID> = []
        for kind in event.recipientKinds {
            if let endpoint = byEvent[kind]?[event] ?? byKind[kind] {
                result.insert(endpoint)
            } else if kind == .mentor || kind == .ops || kind == .volunteer {
                result.insert(fallback)
            }
            if kind == .mentor { result.formUnion(mentorOverrides.values) }
            if kind == .volunteer { result.formUnion(volunteerOverrides.values) }
        }
        return result
    }
}
