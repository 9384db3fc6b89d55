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
///
/// Once per configuration generation (at start, and after each accepted reload) it first moves or
/// cancels the café bookings the configuration in force displaced (``CasePlanner/rehome(_:occupancy:now:)``).
package final class Dispatcher: Service {
    private let store: any CaseStore
    private let planner: @Sendable () -> CasePlanner
    private let generation: @Sendable () -> Int
    /// The configuration generation whose displaced café bookings have been dealt with.
    private let rehomedGeneration = Mutex<Int?>(nil)
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
    ///   - generation: the generation of the configuration in force (1 at start, +1 per accepted reload).
    ///   - messagesQueued: called after a cycle queued messages (to wake the deliverer).
    package init(
        store: any CaseStore, planner: @escaping @Sendable () -> CasePlanner, generation: @escaping @Sendable () -> Int = { 1 },
        batchSize: @escaping @Sendable () -> Int, now: @escaping @Sendable () -> Date, logger: Logger,
        messagesQueued: @escaping @Sendable () -> Void
    ) {
        self.store = store
        self.planner = planner
        self.generation = generation
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
                let rehomed = await rehomeDisplacedBookings()
                do {
                    let limit = max(1, batchSize())
                    let report = try await cycle(limit: limit)
                    if report.workItems >= limit { continue }
                    let at = now()
                    var next = try await store.nextDispatchWakeup(now: at)
                    // Moving displaced bookings failed: try again in a second, whatever else is due.
                    if !rehomed { next = min(next ?? .distantFuture, at.addingTimeInterval(1)) }
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

    /// Once per configuration generation: the café bookings that no longer hold an open slot (a day closed
    /// in `cafe.yaml`, a session or volunteer removed) are moved to the earliest slot that fits or
    /// cancelled, each with its messages, in one transaction. A booking moved is in an open slot, so a
    /// later run leaves it alone; a run cut short by a stop committed nothing and runs again at start.
    /// Logs counts and booking ids. Returns false when it failed (it is tried again).
    func rehomeDisplacedBookings() async -> Bool {
        // The generation is read before the planner: a planner newer than it only means one more run.
        let generation = self.generation()
        guard rehomedGeneration.withLock({ $0 }) != generation else { return true }
        let planner = self.planner()
        let at = now()
        do {
            let changed = try await store.rehomeBookings(now: at) { occupancy in
                planner.roster.cafes.displaced(occupancy, now: at).map(\.booking.id)
            } plan: { work, occupancy in
                planner.rehome(work, occupancy: occupancy, now: at)
            }
            let orphaned = planner.roster.cafes.orphaned(try await store.cafeOccupancy(now: at), now: at)
            rehomedGeneration.withLock { $0 = generation }
            if !changed.isEmpty {
                let moved = changed.filter { $0.state == .booked }
                let cancelled = changed.filter { $0.state == .cancelled }
                logger.notice("Café bookings the configuration displaced were moved or cancelled.", metadata: [
                    "generation": "\(generation)", "moved": "\(moved.count)", "cancelled": "\(cancelled.count)",
                    "moved_bookings": "\(moved.map(\.id.rawValue).joined(separator: ","))",
                    "cancelled_bookings": "\(cancelled.map(\.id.rawValue).joined(separator: ","))",
                ])
                messagesQueued()
            } else {
                logger.debug("No café booking displaced by the configuration.", metadata: ["generation": "\(generation)"])
            }
            if !orphaned.isEmpty {
                logger.warning("Café bookings of cafés no longer configured; cancel them by hand (mentorctl cafe cancel).", metadata: [
                    "generation": "\(generation)", "bookings": "\(orphaned.map(\.id.rawValue).joined(separator: ","))",
                    "cafes": "\(Set(orphaned.map(\.cafe.rawValue)).sorted().joined(separator: ","))",
                ])
            }
            return true
        } catch {
            logger.error("Moving café bookings after a configuration change failed; retrying shortly.", metadata: [
                "generation": "\(generation)", "error": "\(String(describing: error))",
            ])
            return false
        }
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
