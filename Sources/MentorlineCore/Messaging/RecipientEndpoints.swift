/// Which webhook endpoint carries messages for each recipient.
package struct RecipientEndpoints: Hashable, Sendable {
    package var byKind: [RecipientKind: EndpointID]
    package var mentorOverrides: [MentorID: EndpointID]
    package var fallback: EndpointID

    package init(byKind: [RecipientKind: EndpointID], mentorOverrides: [MentorID: EndpointID] = [:], fallback: EndpointID) {
        self.byKind = byKind
        self.mentorOverrides = mentorOverrides
        self.fallback = fallback
    }

    /// The endpoint for mentors and ops, which always have one (the fallback at worst).
    package func endpoint(for recipient: MessageRecipient) -> EndpointID {
        if case .mentor(let id) = recipient, let own = mentorOverrides[id] { return own }
        return byKind[recipient.kind] ?? fallback
    }

    /// The endpoint for a caller's messages, or nil when the deployment configured none for their kind:
    /// a citizen's receipt never goes through the mentors' gateway by default.
    package func callerEndpoint(for kind: CallerKind) -> EndpointID? {
        byKind[RecipientKind(kind)]
    }
}
