import Foundation
package import MentorlineCore
package import MentorlineStore

/// The reloadable part of delivery: where each endpoint is, how to sign for it, its limits, how to retry.
package struct DeliveryRuntimeSettings: Sendable {
    package var endpoints: [EndpointID: EndpointTarget]
    package var retry: RetryPolicy
    /// The most messages in flight at once, across endpoints.
    package var maximumInFlight: Int
    /// Builds the ops alerts for a dead message and a disabled endpoint.
    package var notifications: Notifications
    /// A CA bundle replacing the system's for https endpoints.
    package var caFile: String?
    /// Carries the ops alert about the ops endpoint itself being disabled.
    package var opsFallback: EndpointID?

    package init(
        endpoints: [EndpointID: EndpointTarget], retry: RetryPolicy, maximumInFlight: Int, notifications: Notifications, caFile: String? = nil,
        opsFallback: EndpointID? = nil
    ) {
        self.endpoints = endpoints
        self.retry = retry
        self.maximumInFlight = max(1, maximumInFlight)
        self.notifications = notifications
        self.caFile = caFile
        self.opsFallback = opsFallback
    }

    /// When failures disable each endpoint, and the alert when one is: `ops.endpoint_disabled` through
    /// the ops endpoint, or through `opsFallback` when the ops endpoint is the one disabled.
    package var healthRules: EndpointHealthRules {
        let notifications = self.notifications
        let fallback = self.opsFallback
        return EndpointHealthRules(disableAfter: endpoints.compactMapValues(\.disableAfter)) { state in
            var alert = notifications.endpointDisabled(
                endpoint: state.endpoint, reason: state.disabledReason ?? "disabled", failingSince: state.failingSince, at: state.disabledAt ?? state.lastFailureAt ?? Date()
            )
            if alert.endpoint == state.endpoint, let fallback { alert.endpoint = fallback }
            return alert
        }
    }
}

/// One webhook endpoint, ready to post to.
package struct EndpointTarget: Sendable {
    package var url: String
    package var signer: WebhookSigner
    /// The whole request; nil takes the client's default.
    package var timeout: Duration?
    /// Connecting; nil takes the client's default.
    package var connectTimeout: Duration?
    /// The most messages in flight to this endpoint at once.
    package var concurrency: Int
    /// Answering no 2xx for this long disables the endpoint; nil: only `410 Gone` does.
    package var disableAfter: Duration?

    package init(
        url: String, signer: WebhookSigner, timeout: Duration? = nil, connectTimeout: Duration? = nil, concurrency: Int = .max,
        disableAfter: Duration? = nil
    ) {
        self.url = url
        self.signer = signer
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.concurrency = max(1, concurrency)
        self.disableAfter = disableAfter
    }
}
