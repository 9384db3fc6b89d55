package import Foundation
package import Logging
package import MentorlineCore
package import MentorlineDelivery
package import MentorlineStore
import ServiceLifecycle
import Synchronization

/// Routes cases: one loop, woken by new work (intake commits, declines) and by the earliest due
/// timer, never polling. Each cycle takes a batch of due work, asks Core's ``CasePlanner`` what to
/// do with each item, and writes the decisions, audit entries, timers and messages in one transaction.
package final class Dispatcher: Service {
    private let store: any CaseStore
    private let planner: @Sendable () -> CasePlanner
    private let batchSize: @Sendable () -> Int
    private let now: @Sendable () -> Date
    private let logger: Logger
    private let messagesQueued: @Sendable () -> Void
    private let wakeSignal = WakeSignal()
    private let stopping = Atomic<Bool>(false)
    /// Readiness and the watchdog read it.
    package let heartbeat = LoopHeartbeat()

    /// - Parameters:
    ///   - planner: the planner for the configuration in force (read each cycle, so reloads apply).
    ///   - messagesQueued: called after a cycle queued messages (to wake the deliverer).
    package init(
        store: any CaseStore, planner: @escaping @Sendable () -> CasePlanner, batchSize: @escaping @Sendable () -> Int,
        now: @escaping @Sendable () -> Date, logger: Logger, messagesQueued: @escaping @Sendable () -> Void
    ) {
        self.store = store
        self.planner = planner
        self.batchSize = batchSize
        self.now = now
        self.logger = logger
        self.messagesQueued = messagesQueued
    }

    /// There may be new work.
    package func wake() { wakeSignal.signal() }

    package func run() async throws {
        await withGracefulShutdownHandler {
            while !stopping.load(ordering: .acquiring) {
                heartbeat.beat()
                do {
                    let limit = max(1, batchSize())
                    let report = try await cycle(limit: limit)
                    if report.workItems >= limit { continue }
                    let at = now()
                    let next = try await store.nextDispatchWakeup(now: at)
                    await wakeSignal.wait(until: heartbeat.capped(next.map { ContinuousClock.now + .seconds($0.timeIntervalSince(at)) }))
                } catch {
                    logger.error("Dispatch cycle failed; retrying shortly.", metadata: ["error": "\(String(describing: error))"])
                    await wakeSignal.wait(until: .now + .seconds(1))
                }
            }
        } onGracefulShutdown: {
            self.stopping.store(true, ordering: .releasing)
            self.wakeSignal.signal()
        }
        heartbeat.stop()
    }

    /// One transaction's worth of work.
    func cycle(limit: Int) async throws -> DispatchReport {
        let planner = self.planner()
        let at = now()
        let report = try await store.dispatch(now: at, limit: limit, prepare: { planner.prepare($0, now: at) }) { work, context, makeTaskID in
            switch work {
            case .route(let snapshot):
                return planner.route(snapshot, context: context, now: at, makeTaskID: makeTaskID)
            case .timer(let timer, let task, let snapshot):
                switch timer.kind {
                case .offerExpiry:
                    guard let task else { return [] }
                    return planner.expire(task, of: snapshot, context: context, now: at, makeTaskID: makeTaskID)
                case .notifyStep:
                    guard let task, let step = timer.step else { return [] }
                    return planner.notifyStep(task, step: step, of: snapshot, now: at)
                case .waitOver:
                    return planner.waitOver(snapshot, context: context, now: at, makeTaskID: makeTaskID)
                case .promiseCheck:
                    return planner.promiseCheck(snapshot, now: at)
                }
            }
        }
        for task in report.expired {
            logger.info("Offer expired.", metadata: ["case": "\(task.caseID)", "task": "\(task.id)", "mentor": "\(task.mentor)"])
        }
        for task in report.offers {
            logger.info("Case offered.", metadata: [
                "case": "\(task.caseID)", "task": "\(task.id)", "mentor": "\(task.mentor)", "level": "\(task.level + 1)",
            ])
        }
        for id in report.unroutable {
            logger.warning("Case unroutable; coordinator offered it, ops alerted.", metadata: ["case": "\(id)"])
        }
        for booking in report.booked {
            logger.info("Case booked into café.", metadata: [
                "case": "\(booking.caseID)", "booking": "\(booking.id)", "cafe": "\(booking.cafe)", "volunteer": "\(booking.volunteer)",
            ])
        }
        for id in report.waiting {
            logger.info("Case waiting.", metadata: ["case": "\(id)"])
        }
        for id in report.setAside {
            logger.error("Stored case could not be read; set aside as unroutable. Inspect it by hand.", metadata: ["case": "\(id)"])
        }
        if report.messagesQueued > 0 { messagesQueued() }
        return report
    }
}
