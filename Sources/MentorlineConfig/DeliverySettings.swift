package import MentorlineCore

/// How notifications leave the daemon: endpoints, who gets which, retries and libcurl limits.
package struct DeliverySettings: Hashable, Sendable {
    package var endpoints: [EndpointID: WebhookEndpoint]
    /// The endpoint for each kind of recipient; a valid configuration names one for every kind.
    package var recipients: [RecipientKind: EndpointID]
    package var retry: RetryPolicy
    package var connectTimeout: Duration
    /// The whole request, connect included.
    package var requestTimeout: Duration
    /// Requests in flight at once across all endpoints.
    package var maxInFlight: Int

    package init(
        endpoints: [EndpointID: WebhookEndpoint] = [:],
        recipients: [RecipientKind: EndpointID] = [:],
        retry: RetryPolicy = ConfigurationDefaults.retry,
        connectTimeout: Duration = ConfigurationDefaults.connectTimeout,
        requestTimeout: Duration = ConfigurationDefaults.requestTimeout,
        maxInFlight: Int = ConfigurationDefaults.maxInFlight
    ) {
        self.endpoints = endpoints
        self.recipients = recipients
        self.retry = retry
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.maxInFlight = maxInFlight
    }

    /// The endpoint serving `kind`.
    package func endpoint(for kind: RecipientKind) -> WebhookEndpoint? {
        recipients[kind].flatMap { endpoints[$0] }
    }

    /// Where a mentor's notifications go: their own endpoint, else the deployment's mentor endpoint.
    package func endpoint(for mentor: Mentor) -> WebhookEndpoint? {
        mentor.endpoint.flatMap { endpoints[$0] } ?? endpoint(for: .mentor)
    }
}
