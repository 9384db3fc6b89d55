package import Foundation
package import Logging
package import MentorlineCore
import MentorlineDelivery
package import MentorlineStore
import ServiceLifecycle
import Synchronization

/// The retention rule's daily job: erases the personal data of cases closed longer ago than the
/// retention period, once a day at `retention.run_at`, and at start when the daemon was down at that
/// time (the last run is stored). Logs counts and case ids only, never personal data.
///
/// Between runs it sleeps until the next scheduled instant of the injected clock; ``wake()`` makes it
/// work the schedule out again (a reload, or a test that moved its clock).
package final class RetentionService: Service {
    /// The rule and its schedule in force.
    package struct Settings: Sendable {
        package var policy: RetentionPolicy
        package var schedule: DailyRun

        package init(policy: RetentionPolicy, schedule: DailyRun) {
            self.policy = policy
            self.schedule = schedule
        }
    }

    private let store: any CaseStore
    private let settings: @Sendable () -> Settings
    private let now: @Sendable () -> Date
    private let logger: Logger
    private let wakeSignal = WakeSignal()
    private let stopping = Atomic<Bool>(false)

    /// How long to wait after a failed run before trying again.
    static let retryDelay: Duration = .seconds(60)

    /// - Parameter settings: read before each run, so a reload applies.
    package init(store: any CaseStore, settings: @escaping @Sendable () -> Settings, now: @escaping @Sendable () -> Date, logger: Logger) {
        self.store = store
        self.settings = settings
        self.now = now
        self.logger = logger
    }

    /// The schedule or the clock may have changed: work out the next run again.
    package func wake() { wakeSignal.signal() }

    package func run() async throws {
        await withGracefulShutdownHandler {
            while !stopping.load(ordering: .acquiring) {
                do {
                    let schedule = settings().schedule
                    if schedule.isDue(lastRun: try await store.lastRetentionRun(), now: now()) {
                        _ = try await runNow(actor: RetentionPolicy.dailyJobActor)
                    }
                    guard !stopping.load(ordering: .acquiring) else { break }
                    let at = now()
                    let next = settings().schedule.next(after: at)
                    logger.debug("Next retention run scheduled.", metadata: ["at": "\(next)"])
                    await wakeSignal.wait(until: ContinuousClock.now + .seconds(next.timeIntervalSince(at)))
                } catch {
                    logger.error("Retention run failed; retrying shortly.", metadata: ["error": "\(String(describing: error))"])
                    await wakeSignal.wait(until: ContinuousClock.now + Self.retryDelay)
                }
            }
        } onGracefulShutdown: {
            self.stopping.store(true, ordering: .releasing)
            self.wakeSignal.signal()
        }
    }

    /// Applies the rule now, as `actor` (`system` for the daily run, `admin:<token name>`), and logs
    /// what it did.
    package func runNow(actor: String) async throws -> RetentionReport {
        let settings = settings()
        let report = try await store.runRetention(policy: settings.policy, now: now(), actor: actor)
        logger.notice("Retention run finished.", metadata: [
            "erased": "\(report.erased.count)", "held_back": "\(report.heldBack.count)", "cutoff": "\(report.cutoff)", "actor": "\(actor)",
        ])
        if !report.erased.isEmpty {
            logger.info("Personal data erased.", metadata: ["cases": "\(report.erased.map(\.caseID.rawValue).joined(separator: ","))"])
        }
        for held in report.heldBack {
            logger.warning("Case due for erasure kept: messages still wait to be delivered.", metadata: [
                "case": "\(held.caseID)", "pending_messages": "\(held.pendingMessages)",
            ])
        }
        return report
    }
}
