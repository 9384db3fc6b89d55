package import MentorlineCore

/// The reloadable part of delivery: where each endpoint is, how to sign for it, how to retry.
package struct DeliveryRuntimeSettings: Sendable {
    package var endpoints: [EndpointID: EndpointTarget]
    package var retry: RetryPolicy
    /// The most messages in flight at once.
    package var maximumInFlight: Int
    /// Builds the ops alert for a dead message.
    package var notifications: Notifications

    package init(endpoints: [EndpointID: EndpointTarget], retry: RetryPolicy, maximumInFlight: Int, notifications: Notifications) {
        self.endpoints = endpoints
        self.retry = retry
        self.maximumInFlight = max(1, maximumInFlight)
        self.notifications = notifications
    }
}

/// One webhook endpoint, ready to post to.
package struct EndpointTarget: Sendable {
    package var url: String
    package var signer: WebhookSigner

    package init(url: String, signer: WebhookSigner) {
        self.url = url
        self.signer = signer
    }
}
