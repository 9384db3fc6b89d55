package import Foundation
package import Logging
import MentorlineCore
package import MentorlineStore
import ServiceLifecycle
import Synchronization

/// Delivers the outbox: takes due messages, signs and posts each (up to `maximumInFlight` at once),
/// and records the outcomes in batches. A failed attempt is retried on the retry policy's schedule,
/// honouring `Retry-After`; after the last attempt the message is dead and ops are alerted.
///
/// Woken by the dispatcher when it queues messages and by its own deliveries finishing; otherwise it
/// sleeps until the next message falls due. On graceful shutdown it starts nothing new and finishes
/// what is in flight.
package final class Deliverer: Service {
    private let store: any CaseStore
    private let transport: any WebhookTransport
    private let settings: @Sendable () -> DeliveryRuntimeSettings
    private let now: @Sendable () -> Date
    private let logger: Logger
    private let wakeSignal = WakeSignal()
    private let finished = Mutex<[DeliveryOutcome]>([])
    private let stopping = Atomic<Bool>(false)
    private let heartbeat = Mutex<Date?>(nil)

    package init(
        store: any CaseStore, transport: any WebhookTransport, settings: @escaping @Sendable () -> DeliveryRuntimeSettings,
        now: @escaping @Sendable () -> Date, logger: Logger
    ) {
        self.store = store
        self.transport = transport
        self.settings = settings
        self.now = now
        self.logger = logger
    }

    /// There may be new messages to deliver.
    package func wake() { wakeSignal.signal() }

    /// When the loop last went round, for readiness checks; nil before it starts or after it ends.
    package var lastHeartbeat: Date? { heartbeat.withLock { $0 } }

    package func run() async throws {
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                var inFlight: Set<MessageID> = []
                while true {
                    heartbeat.withLock { $0 = now() }
                    let outcomes = finished.withLock { outcomes in
                        defer { outcomes.removeAll(keepingCapacity: true) }
                        return outcomes
                    }
                    if !outcomes.isEmpty {
                        do {
                            try await store.recordDeliveries(outcomes, now: now())
                            for outcome in outcomes { inFlight.remove(outcome.messageID) }
                        } catch {
                            // Keep the outcomes (and their messages out of new batches) and try again shortly;
                            // a crash here would only resend what was already delivered.
                            logger.error("Delivery outcomes could not be recorded; retrying.", metadata: [
                                "outcomes": "\(outcomes.count)", "error": "\(String(describing: error))",
                            ])
                            finished.withLock { $0.insert(contentsOf: outcomes, at: 0) }
                            await wakeSignal.wait(until: .now + .seconds(1))
                            continue
                        }
                    }
                    if stopping.load(ordering: .acquiring) {
                        if inFlight.isEmpty { break }
                        await wakeSignal.wait(until: nil)
                        continue
                    }

                    let current = settings()
                    let capacity = current.maximumInFlight - inFlight.count
                    let startedAt = now()
                    do {
                        if capacity > 0 {
                            let due = try await store.dueMessages(now: startedAt, limit: capacity, excluding: inFlight)
                            for message in due {
                                inFlight.insert(message.id)
                                group.addTask { [self] in
                                    let outcome = await deliver(message, settings: current)
                                    finished.withLock { $0.append(outcome) }
                                    wakeSignal.signal()
                                }
                            }
                            if !due.isEmpty { continue }
                        }
                        let next = try await store.nextMessageDue(after: startedAt)
                        await wakeSignal.wait(until: next.map { ContinuousClock.now + .seconds($0.timeIntervalSince(now())) })
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
        heartbeat.withLock { $0 = nil }
    }

    /// One attempt at one message; never throws: every way it can go is an outcome.
    func deliver(_ message: OutboxMessage, settings: DeliveryRuntimeSettings) async -> DeliveryOutcome {
        let started = ContinuousClock.now
        var metadata: Logger.Metadata = [
            "message": "\(message.id)", "endpoint": "\(message.endpoint)", "event": "\(message.eventType)", "attempt": "\(message.attempts + 1)",
        ]
        if let caseID = message.caseID { metadata["case"] = "\(caseID)" }

        guard let endpoint = settings.endpoints[message.endpoint] else {
            return failed(message, status: nil, error: "endpoint \(message.endpoint) is not configured", retryAfter: nil, settings: settings, metadata: metadata)
        }
        let attemptTime = now()
        let headers = endpoint.signer.headers(messageID: message.id.rawValue, timestamp: Int64(attemptTime.timeIntervalSince1970), body: message.payload)
        do {
            let response = try await transport.post(HTTPPostRequest(url: endpoint.url, headers: headers, body: message.payload))
            metadata["status"] = "\(response.status)"
            metadata["duration_ms"] = "\((ContinuousClock.now - started).milliseconds)"
            if (200..<300).contains(response.status) {
                metadata["outcome"] = "delivered"
                logger.debug("Message delivered.", metadata: metadata)
                return .delivered(message.id, status: response.status)
            }
            let retryAfter = response.retryAfter.flatMap { RetryAfter.parse($0, now: attemptTime) }
            let reason = (300..<400).contains(response.status) ? "redirect \(response.status) (redirects are not followed)" : "HTTP \(response.status)"
            return failed(message, status: response.status, error: reason, retryAfter: retryAfter, settings: settings, metadata: metadata)
        } catch {
            metadata["duration_ms"] = "\((ContinuousClock.now - started).milliseconds)"
            return failed(message, status: nil, error: String(describing: error), retryAfter: nil, settings: settings, metadata: metadata)
        }
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
}

extension DeliveryOutcome {
    var messageID: MessageID {
        switch self {
        case .delivered(let id, _), .retry(let id, _, _, _), .dead(let id, _, _, _): id
        }
    }
}

extension Duration {
    var milliseconds: Int64 {
        let parts = components
        return parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000
    }
}
