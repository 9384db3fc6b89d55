package import MentorlineCore

/// How notifications leave the daemon: endpoints, who gets which, retries and libcurl limits.
package struct DeliverySettings: Hashable, Sendable {
    package var endpoints: [EndpointID: WebhookEndpoint]
    /// The endpoint for each kind of recipient; a valid configuration names one for every kind.
    package var recipients: [RecipientKind: EndpointID]
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

    /// Where a mentor's notifications go: their own endpoint, else the deployment's mentor endpoint.
    package func endpoint(for mentor: Mentor) -> WebhookEndpoint? {
        mentor.endpoint.flatMap { endpoints[$0] } ?? endpoint(for: .mentor)
    }
}
