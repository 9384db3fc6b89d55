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
/// - `mentorline_cases{state}`: cases by state; `mentorline_queue_depth`: cases waiting for a person
///   (received, routing, offered, waiting, unroutable); `mentorline_queue_oldest_wait_seconds`: how long
///   the longest-waiting of them has waited.
/// - `mentorline_offers_total`, `mentorline_escalations_total`, `mentorline_unroutable_cases_total`:
///   counters from the cases' trails (so they survive restarts).
/// - `mentorline_offer_accept_seconds`: a histogram of the time from an offer to its acceptance.
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
    /// Counters kept in the store, set to its count at each scrape, by name after `mentorline_`.
    private let counters: [String: Counter]
    private let timeToAccept: DurationHistogram

    /// Offer to acceptance, from a minute to a day.
    static let acceptBuckets: [Duration] = [
        .seconds(30), .seconds(60), .seconds(120), .seconds(300), .seconds(600), .seconds(900), .seconds(1800), .seconds(3600),
        .seconds(7200), .seconds(4 * 3600), .seconds(8 * 3600), .seconds(24 * 3600),
    ]
    /// Which trail events each counter counts.
    static let counterEvents: [String: CaseEventKind] = [
        "offers_total": .offered, "escalations_total": .escalated, "unroutable_cases_total": .unroutable,
    ]

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
        "cases": "Cases by state.",
        "queue_depth": "Cases waiting for a person: received, routing, offered, waiting or unroutable.",
        "queue_oldest_wait_seconds": "How long the longest-waiting case has waited for a person.",
        "offers_total": "Offers made to mentors.",
        "escalations_total": "Cases escalated to a next level of their policy.",
        "unroutable_cases_total": "Times a case was found unroutable (the coordinator offered it, ops alerted).",
        "offer_accept_seconds": "Time from an offer to its acceptance.",
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
        let registry = self.registry
        counters = Dictionary(uniqueKeysWithValues: Self.counterEvents.keys.map { name in
            (name, registry.makeCounter(descriptor: Self.descriptor(name)))
        })
        timeToAccept = registry.makeDurationHistogram(descriptor: Self.descriptor("offer_accept_seconds"), buckets: Self.acceptBuckets)
    }

    /// A mentor accepted an offer `duration` after it was made.
    package func offerAccepted(after duration: Duration) {
        timeToAccept.record(max(.zero, duration))
    }

    /// Reads the store's counts into the gauges and renders every series in the Prometheus text format.
    package func scrape() async throws -> [UInt8] {
        let counts = try await store.messageCounts()
        let states = try await store.endpointStates()
        let scrapedAt = now()
        let held = try await store.heldLetterCounts(now: scrapedAt)
        let statistics = try await store.caseStatistics()
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
        for state in CaseState.allCases { set("cases", [("state", state.rawValue)], Double(statistics.cases[state, default: 0])) }
        set("queue_depth", [], Double(statistics.queueDepth))
        set("queue_oldest_wait_seconds", [], statistics.oldestWait(at: scrapedAt))

        // Setting and emitting under one lock: two scrapes at once cannot interleave their values.
        return gauges.withLock { gauges in
            for (name, counter) in counters {
                counter.reset()
                counter.increment(by: Int64(Self.counterEvents[name].flatMap { statistics.events[$0] } ?? 0))
            }
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
