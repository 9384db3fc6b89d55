package import Foundation
package import MentorlineCore
package import MentorlineDelivery
package import MentorlineStore
import Prometheus
import Synchronization

/// The daemon's Prometheus metrics: a registry this daemon owns (never a process-wide bootstrap, so
/// that several daemons in one test process each count their own), the swift-metrics factory the
/// deliverer records into, and the gauges read from the store at each scrape.
///
/// Series (labels from bounded sets: endpoint ids from the configuration and outbox, states, outcomes):
/// - `mentorline_messages{endpoint,state}`: messages in the outbox by endpoint and state (pending,
///   delivered, dead), from the store's counts at scrape time.
/// - `mentorline_delivery_duration_seconds{endpoint,outcome}`: a histogram of delivery attempts
///   (outcome: delivered, rejected, timeout, error).
/// - `mentorline_endpoint_enabled{endpoint}`: 1 while delivery may send to the endpoint, 0 disabled.
/// - `mentorline_endpoint_up{endpoint}`: 1 when enabled and its latest attempt (if any) got a 2xx, else 0.
/// - `mentorline_held_letters{reason}`: pending letters the letter policy holds now, by reason (every
///   reason has a series, at 0 if need be).
/// - `mentorline_build_info{version}`: always 1.
package final class DaemonMetrics: Sendable {
    /// Delivery durations from 5 ms to 30 s (endpoint timeouts default to 15 s).
    static let durationBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
        .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(15), .seconds(30),
    ]

    private let registry = PrometheusCollectorRegistry()
    private let store: any CaseStore
    private let configuredEndpoints: @Sendable () -> [EndpointID]
    private let now: @Sendable () -> Date
    /// The gauges set at the last scrape, by name and labels; a series that is gone is unregistered.
    private let gauges = Mutex<[GaugeKey: Gauge]>([:])
    /// For the deliverer's histogram.
    package let delivery: DeliveryMetrics

    private struct GaugeKey: Hashable {
        var name: String
        var labels: [String]
    }

    /// The help text of each gauge, by its name after `mentorline_`.
    private static let help = [
        "messages": "Messages in the outbox by endpoint and state.",
        "endpoint_enabled": "1 while delivery may send to the endpoint, 0 while it is disabled.",
        "endpoint_up": "1 when the endpoint is enabled and its latest attempt got a 2xx answer, else 0.",
        "held_letters": "Pending letters the letter policy holds, by reason.",
        "build_info": "The running Mentorline version; always 1.",
    ]

    /// `mentorline_<name>` with its help text.
    private static func descriptor(_ name: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "mentorline", metricName: name, unitName: "", helpText: help[name] ?? "")
    }

    package init(
        store: any CaseStore, version: String, now: @escaping @Sendable () -> Date, configuredEndpoints: @escaping @Sendable () -> [EndpointID]
    ) {
        self.store = store
        self.now = now
        self.configuredEndpoints = configuredEndpoints
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[DeliveryMetrics.durationLabel] = Self.durationBuckets
        self.delivery = DeliveryMetrics(factory: factory)
        registry.makeGauge(descriptor: Self.descriptor("build_info"), labels: [("version", version)]).set(to: 1)
    }

    /// Reads the store's counts into the gauges and renders every series in the Prometheus text format.
    package func scrape() async throws -> [UInt8] {
        let counts = try await store.messageCounts()
        let states = try await store.endpointStates()
        let held = try await store.heldLetterCounts(now: now())
        let configured = configuredEndpoints()

        var values: [GaugeKey: (labels: [(String, String)], value: Double)] = [:]
        func set(_ name: String, _ labels: [(String, String)], _ value: Double) {
            values[GaugeKey(name: name, labels: labels.flatMap { [$0.0, $0.1] })] = (labels, value)
        }
        // Every configured endpoint has every state, at 0 if need be, so that rates and alerts see a series.
        for endpoint in configured {
            for state in OutboxState.allCases { set("messages", [("endpoint", endpoint.rawValue), ("state", state.rawValue)], 0) }
        }
        for count in counts {
            set("messages", [("endpoint", count.endpoint.rawValue), ("state", count.state.rawValue)], Double(count.count))
        }
        let stateByEndpoint = Dictionary(states.map { ($0.endpoint, $0) }, uniquingKeysWith: { $1 })
        for endpoint in configured {
            let state = stateByEndpoint[endpoint] ?? .fresh(endpoint)
            set("endpoint_enabled", [("endpoint", endpoint.rawValue)], state.enabled ? 1 : 0)
            set("endpoint_up", [("endpoint", endpoint.rawValue)], state.isHealthy ? 1 : 0)
        }
        for reason in HoldReason.codes { set("held_letters", [("reason", reason)], 0) }
        for (reason, count) in held { set("held_letters", [("reason", reason)], Double(count)) }

        // Setting and emitting under one lock: two scrapes at once cannot interleave their values.
        return gauges.withLock { gauges in
            for (key, entry) in values {
                let gauge = gauges[key] ?? registry.makeGauge(descriptor: Self.descriptor(key.name), labels: entry.labels)
                gauges[key] = gauge
                gauge.set(entry.value)
            }
            for (key, gauge) in gauges where values[key] == nil {
                registry.unregisterGauge(gauge)
                gauges[key] = nil
            }
            return registry.emitToBuffer()
        }
    }
}
