package import Metrics
package import MentorlineCore
import Synchronization

/// The deliverer's metrics, through swift-metrics with an explicit factory (never the global
/// `MetricsSystem`, so that several daemons in one process each keep their own): the duration of each
/// attempt, by endpoint and outcome, as `mentorline_delivery_duration_seconds`.
///
/// Labels come from bounded sets: configured endpoint ids and the four ``Outcome`` values.
package final class DeliveryMetrics: Sendable {
    /// How an attempt ended, as the `outcome` label says it.
    package enum Outcome: String, Sendable, CaseIterable {
        /// A 2xx answer.
        case delivered
        /// Any other answer (3xx, 4xx, 5xx).
        case rejected
        /// No answer within the endpoint's timeout.
        case timeout
        /// No answer for another reason: refused connection, TLS failure, DNS.
        case error
    }

    package static let durationLabel = "mentorline_delivery_duration_seconds"

    private struct Key: Hashable {
        var endpoint: EndpointID
        var outcome: Outcome
    }

    private let factory: any MetricsFactory
    /// Timers are made once per label set and kept.
    private let timers = Mutex<[Key: Metrics.Timer]>([:])

    package init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// Records nothing.
    package static let none = DeliveryMetrics(factory: NOOPMetricsHandler.instance)

    package func recordAttempt(endpoint: EndpointID, outcome: Outcome, duration: Duration) {
        let key = Key(endpoint: endpoint, outcome: outcome)
        let timer = timers.withLock { timers in
            if let timer = timers[key] { return timer }
            let timer = Metrics.Timer(
                label: Self.durationLabel, dimensions: [("endpoint", endpoint.rawValue), ("outcome", outcome.rawValue)], factory: factory
            )
            timers[key] = timer
            return timer
        }
        let (seconds, attoseconds) = duration.components
        timer.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
