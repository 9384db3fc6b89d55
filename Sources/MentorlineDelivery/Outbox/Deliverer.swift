package import Foundation
package import Logging
import MentorlineCore
package import MentorlineStore
import ServiceLifecycle
import Synchronization

/// Delivers the outbox: takes due messages, signs and posts each (up to `maximumInFlight` at once, and
/// up to each endpoint's own `concurrency`), and records the outcomes in batches. A failed attempt is
/// retried on the retry policy's schedule, honouring `Retry-After`; after the last attempt the message
/// is dead and ops are alerted. A letter to the caller's side of a case is only attempted when the
/// letter policy allows it; otherwise it waits, its attempts untouched, for the next allowed instant.
///
/// Endpoints have a health of their own, kept in the store: `410 Gone` disables an endpoint at once,
/// and answering no 2xx for its `disable_after` disables it too (ops are alerted, through the fallback
/// endpoint if the ops endpoint is the one disabled). A disabled endpoint's messages are not attempted:
/// they wait, keeping their attempts, until an operator enables it again.
///
/// Woken by the dispatcher when it queues messages, by the API after an endpoint is enabled or a message
/// replayed, and by its own deliveries finishing; otherwise it sleeps until the next message falls due.
/// On graceful shutdown it starts nothing new and finishes what is in flight.
package final class Deliverer: Service {
    private let store: any CaseStore
    private let transport: any WebhookTransport
    private let settings: @Sendable () -> DeliveryRuntimeSettings
    private let now: @Sendable () -> Date
    private let logger: Logger
    private let metrics: DeliveryMetrics
    private let wakeSignal = WakeSignal()
    private let finished = Mutex<[DeliveryAttempt]>([])
    private let stopping = Atomic<Bool>(false)
    /// Readiness and the watchdog read it.
    package let heartbeat = LoopHeartbeat()

    package init(
        store: any CaseStore, transport: any WebhookTransport, settings: @escaping @Sendable () -> DeliveryRuntimeSettings,
        now: @escaping @Sendable () -> Date, logger: Logger, metrics: DeliveryMetrics = .none
    ) {
        self.store = store
        self.transport = transport
        self.settings = settings
        self.now = now
        self.logger = logger
        self.metrics = metrics
    }

    /// There may be new messages to deliver.
    package func wake() { wakeSignal.signal() }

    package func run() async throws {
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                /// Messages in flight and the endpoint each went to.
                var inFlight: [MessageID: EndpointID] = [:]
                var inFlightPerEndpoint: [EndpointID: Int] = [:]
                while true {
                    heartbeat.beat()
                    let current = settings()
                    let attempts = finished.withLock { attempts in
                        defer { attempts.removeAll(keepingCapacity: true) }
                        return attempts
                    }
                    if !attempts.isEmpty {
                        do {
                            let disabled = try await store.recordDeliveries(attempts, now: now(), health: current.healthRules)
                            for attempt in attempts {
                                if let endpoint = inFlight.removeValue(forKey: attempt.messageID) { inFlightPerEndpoint[endpoint, default: 1] -= 1 }
                            }
                            for state in disabled { logDisabled(state, settings: current) }
                        } catch {
                            // Keep the outcomes (and their messages out of new batches) and try again shortly;
                            // a crash here would only resend what was already delivered.
                            logger.error("Delivery outcomes could not be recorded; retrying.", metadata: [
                                "outcomes": "\(attempts.count)", "error": "\(String(describing: error))",
                            ])
                            finished.withLock { $0.insert(contentsOf: attempts, at: 0) }
                            await wakeSignal.wait(until: .now + .seconds(1))
                            continue
                        }
                    }
                    if stopping.load(ordering: .acquiring) {
                        if inFlight.isEmpty { break }
                        await wakeSignal.wait(until: heartbeat.capped(nil))
                        continue
                    }

                    let capacity = current.maximumInFlight - inFlight.count
                    let startedAt = now()
                    do {
                        if capacity > 0 {
                            var limits: [EndpointID: Int] = [:]
                            for (id, target) in current.endpoints {
                                limits[id] = max(0, target.concurrency - inFlightPerEndpoint[id, default: 0])
                            }
                            let due = try await store.dueMessages(
                                now: startedAt, limits: limits, unconfiguredLimit: capacity, total: capacity, excluding: Set(inFlight.keys)
                            )
                            for message in due {
                                inFlight[message.id] = message.endpoint
                                inFlightPerEndpoint[message.endpoint, default: 0] += 1
                                group.addTask { [self] in
                                    let attempt = await deliver(message, settings: current)
                                    finished.withLock { $0.append(attempt) }
                                    wakeSignal.signal()
                                }
                            }
                            if !due.isEmpty { continue }
                        }
                        let next = try await store.nextMessageDue(after: startedAt)
                        await wakeSignal.wait(until: heartbeat.capped(next.map { ContinuousClock.now + .seconds($0.timeIntervalSince(now())) }))
                    } catch {
                        logger.error("Outbox could not be read; retrying shortly.", metadata: ["error": "\(String(describing: error))"])
                        await wakeSignal.wait(until: .now + .seconds(1))
                    }
                }
            }
        } onGracefulShutdown: {
            self.stopping.store(true, ordering: .releasing)
            self.wakeSignal.signal()
        }
        heartbeat.stop()
    }

    /// One attempt at one message; never throws: every way it can go is an outcome.
    func deliver(_ message: OutboxMessage, settings: DeliveryRuntimeSettings) async -> DeliveryAttempt {
        let started = ContinuousClock.now
        var metadata: Logger.Metadata = [
            "message": "\(message.id)", "endpoint": "\(message.endpoint)", "event": "\(message.eventType)", "attempt": "\(message.attempts + 1)",
        ]
        if let caseID = message.caseID { metadata["case"] = "\(caseID)" }

        if let hold = letterHold(message, settings: settings) {
            metadata["held_until"] = "\(hold.until.ISO8601Format())"
            metadata["held_reason"] = "\(hold.reason?.code ?? "none")"
            logger.info("Letter held by the letter policy; not attempted.", metadata: metadata)
            return DeliveryAttempt(.held(message.id, until: hold.until, reason: hold.reason), endpoint: nil)
        }
        guard let endpoint = settings.endpoints[message.endpoint] else {
            let outcome = failed(message, status: nil, error: "endpoint \(message.endpoint) is not configured", retryAfter: nil, settings: settings, metadata: metadata)
            return DeliveryAttempt(outcome, endpoint: nil)
        }
        let attemptTime = now()
        let headers = endpoint.signer.headers(messageID: message.id.rawValue, timestamp: Int64(attemptTime.timeIntervalSince1970), body: message.payload)
        let request = HTTPPostRequest(
            url: endpoint.url, headers: headers, body: message.payload, timeout: endpoint.timeout, connectTimeout: endpoint.connectTimeout,
            caFile: settings.caFile
        )
        do {
            let response = try await transport.post(request)
            let duration = ContinuousClock.now - started
            metadata["status"] = "\(response.status)"
            metadata["duration_ms"] = "\(duration.milliseconds)"
            if (200..<300).contains(response.status) {
                metrics.recordAttempt(endpoint: message.endpoint, outcome: .delivered, duration: duration)
                metadata["outcome"] = "delivered"
                logger.debug("Message delivered.", metadata: metadata)
                return DeliveryAttempt(.delivered(message.id, status: response.status), endpoint: message.endpoint)
            }
            metrics.recordAttempt(endpoint: message.endpoint, outcome: .rejected, duration: duration)
            if response.status == 410 {
                // The receiver says the endpoint is gone: not this message's failure. It waits, pending, for
                // the endpoint to be enabled again; recording the outcome disables the endpoint.
                logger.warning("Endpoint answered 410 Gone; message waits for the endpoint to be enabled again.", metadata: metadata)
                return DeliveryAttempt(.endpointGone(message.id, status: 410, error: "HTTP 410 Gone"), endpoint: message.endpoint)
            }
            let retryAfter = response.retryAfter.flatMap { RetryAfter.parse($0, now: attemptTime) }
            if let retryAfter { metadata["retry_after_s"] = "\(retryAfter.components.seconds)" }
            let reason = (300..<400).contains(response.status) ? "redirect \(response.status) (redirects are not followed)" : "HTTP \(response.status)"
            let outcome = failed(message, status: response.status, error: reason, retryAfter: retryAfter, settings: settings, metadata: metadata)
            return DeliveryAttempt(outcome, endpoint: message.endpoint)
        } catch {
            let duration = ContinuousClock.now - started
            metadata["duration_ms"] = "\(duration.milliseconds)"
            let isTimeout = (error as? CurlError)?.isTimeout == true
            metrics.recordAttempt(endpoint: message.endpoint, outcome: isTimeout ? .timeout : .error, duration: duration)
            let outcome = failed(message, status: nil, error: String(describing: error), retryAfter: nil, settings: settings, metadata: metadata)
            return DeliveryAttempt(outcome, endpoint: message.endpoint)
        }
    }

    /// Whether the letter policy holds `message` now. Held letters were queued with their release time,
    /// but a retry, a replay or an endpoint enabled again can make a caller's letter due in a quiet period:
    /// checking here, as each is taken, means no path sends one then. The exemption window (a reply to a
    /// call a moment ago) runs from when the message was queued, which for such replies is the call.
    private func letterHold(_ message: OutboxMessage, settings: DeliveryRuntimeSettings) -> (until: Date, reason: HoldReason?)? {
        guard let kind = RecipientKind(rawValue: message.recipientKind), let event = EventType(rawValue: message.eventType) else { return nil }
        guard case .held(let until, let reason) = settings.notifications.letters.timing(of: event, to: kind, receivedAt: message.createdAt, now: now())
        else { return nil }
        return (until, reason)
    }

    private func failed(
        _ message: OutboxMessage, status: Int?, error: String, retryAfter: Duration?, settings: DeliveryRuntimeSettings, metadata: Logger.Metadata
    ) -> DeliveryOutcome {
        let attempts = message.attempts + 1
        let at = now()
        var metadata = metadata
        metadata["error"] = "\(error)"
        if let next = settings.retry.nextAttempt(afterFailedAttempts: attempts, now: at, retryAfter: retryAfter, randomUnit: Double.random(in: 0...1)) {
            metadata["next_attempt"] = "\(next)"
            metadata["outcome"] = "retry"
            logger.warning("Delivery failed; will retry.", metadata: metadata)
            return .retry(message.id, status: status, error: error, nextAttempt: next)
        }
        metadata["outcome"] = "dead"
        logger.error("Delivery failed for the last time; message is dead.", metadata: metadata)
        var alert: MessageDraft?
        // Ops hear of every dead message except their own alerts, which would only loop.
        if message.recipientKind != RecipientKind.ops.rawValue, let type = EventType(rawValue: message.eventType) {
            alert = settings.notifications.messageDead(
                messageID: message.id, caseID: message.caseID, eventType: type, endpoint: message.endpoint, attempts: attempts, lastError: error, at: at
            )
        }
        return .dead(message.id, status: status, error: error, alert: alert)
    }

    /// Says where the alert about a disabled endpoint went; the reason is delivery's own words, never a person's.
    private func logDisabled(_ state: EndpointState, settings: DeliveryRuntimeSettings) {
        let ops = settings.notifications.endpoints.endpoint(for: .ops, event: .endpointDisabled)
        let alertEndpoint = ops == state.endpoint ? (settings.opsFallback ?? ops) : ops
        var metadata: Logger.Metadata = ["endpoint": "\(state.endpoint)", "reason": "\(state.disabledReason ?? "")", "alert_endpoint": "\(alertEndpoint)"]
        if let since = state.failingSince { metadata["failing_since"] = "\(since.ISO8601Format())" }
        if alertEndpoint == state.endpoint {
            logger.critical("Endpoint disabled, and it carries the ops alerts: the alert waits with it. Configure delivery.ops_fallback.", metadata: metadata)
        } else {
            logger.error("Endpoint disabled; its messages wait until it is enabled (mentorctl endpoints enable).", metadata: metadata)
        }
    }
}

extension Duration {
    var milliseconds: Int64 {
        let parts = components
        return parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
    }
}
