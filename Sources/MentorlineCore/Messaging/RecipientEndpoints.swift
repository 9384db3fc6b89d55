/// Which webhook endpoint carries messages for each recipient: one per kind of recipient, and a
/// mentor's own endpoint where the roster names one.
package struct RecipientEndpoints: Hashable, Sendable {
    package var byKind: [RecipientKind: EndpointID]
    package var mentorOverrides: [MentorID: EndpointID]
    /// Used for a kind with no endpoint of its own (a valid configuration maps every kind).
    package var fallback: EndpointID

    package init(byKind: [RecipientKind: EndpointID], mentorOverrides: [MentorID: EndpointID] = [:], fallback: EndpointID) {
        self.byKind = byKind
        self.mentorOverrides = mentorOverrides
        self.fallback = fallback
    }

    package func endpoint(for recipient: MessageRecipient) -> EndpointID {
        if case .mentor(let id) = recipient, let own = mentorOverrides[id] { return own }
        return byKind[recipient.kind] ?? fallback
    }
}
