package import MentorlineCore

/// How notifications leave the daemon: endpoints, who gets which, retries and libcurl limits.
package struct DeliverySettings: Hashable, Sendable {
    package var endpoints: [EndpointID: WebhookEndpoint]
    /// The endpoint for each kind of recipient; a valid configuration names one for every kind.
    package var recipients: [RecipientKind: EndpointID]
    /// Per recipient kind, event types carried by another endpoint than the kind's.
    package var recipientsByEvent: [RecipientKind: [EventType: EndpointID]] = [:]
    package var retry: RetryPolicy
    /// The default for endpoints that set no `connect_timeout`.
    package var connectTimeout: Duration
    /// The whole request, connect included; the default for endpoints that set no `timeout`.
    package var requestTimeout: Duration
    /// Requests in flight at once across all endpoints; the default for endpoints that set no `concurrency`.
    package var maxInFlight: Int
    /// The default for endpoints that set no `disable_after`.
    package var disableAfter: Duration
    /// A CA bundle (PEM) that replaces the system's for https endpoints: the absolute path of the file.
    package var caFile: String?
    /// Carries the ops alert when the ops endpoint itself is the one disabled.
    package var opsFallback: EndpointID?

    package init(
        endpoints: [EndpointID: WebhookEndpoint] = [:],
        recipients: [RecipientKind: EndpointID] = [:],
        retry: RetryPolicy = ConfigurationDefaults.retry,
        connectTimeout: Duration = ConfigurationDefaults.connectTimeout,
        requestTimeout: Duration = ConfigurationDefaults.requestTimeout,
        maxInFlight: Int = ConfigurationDefaults.maxInFlight,
        disableAfter: Duration = ConfigurationDefaults.disableAfter,
        caFile: String? = nil,
        opsFallback: EndpointID? = nil
    ) {
        self.endpoints = endpoints
        self.recipients = recipients
        self.retry = retry
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.maxInFlight = maxInFlight
        self.disableAfter = disableAfter
        self.caFile = caFile
        self.opsFallback = opsFallback
    }

    /// The endpoint serving `kind`.
    package func endpoint(for kind: RecipientKind) -> WebhookEndpoint? {
        recipients[kind].flatMap { endpoints[$0] }
    }

    /// Which endpoint carries each message, with each mentor's own endpoint where they named one.
    package func recipientEndpoints(roster: Roster) -> RecipientEndpoints {
        var overrides: [MentorID: EndpointID] = [:]
        for mentor in roster.mentors.values {
            if let endpoint = mentor.endpoint { overrides[mentor.id] = endpoint }
        }
        let fallback = recipients[.mentor] ?? endpoints.keys.sorted().first ?? EndpointID("none")
        var endpoints = RecipientEndpoints(byKind: recipients, byEvent: recipientsByEvent, mentorOverrides: overrides, fallback: fallback)
        for volunteer in roster.cafes.volunteers.values {
            if let endpoint = volunteer.endpoint { endpoints.volunteerOverrides[volunteer.id] = endpoint }
        }
        return endpoints
    }

    /// The shortest text limit among the endpoints that can carry `event`, or nil when none has one.
    /// Mentors' contact methods count for offers.
    package func textLimit(for event: EventType, roster: Roster) -> Int? {
        var carriers = recipientEndpoints(roster: roster).endpoints(carrying: event)
        if event == .taskOffered {
            for mentor in roster.mentors.values {
                for method in mentor.contactMethods + (mentor.urgentContactMethods ?? []) { carriers.insert(method.endpoint) }
            }
        }
        return carriers.compactMap { endpoints[$0]?.maxTextLength }.min()
    }

    /// Where a mentor's notifications go: their own endpoint, else the deployment's mentor endpoint.
    package func endpoint(for mentor: Mentor) -> WebhookEndpoint? {
        mentor.endpoint.flatMap { endpoints[$0] } ?? endpoint(for: .mentor)
    }
}
