import Foundation
import Logging
import ServiceLifecycle

/// Sends `WATCHDOG=1` every half watchdog interval while the dispatcher and deliverer loops go round
/// (``LoopHeartbeat``: an idle loop still goes round every 30 s; one silent for 2 minutes is stalled),
/// so systemd restarts a daemon whose work has stalled, not only one whose process died.
struct WatchdogService: Service {
    let notifier: SystemdNotifier
    let interval: Duration
    let healthy: @Sendable () async -> Bool
    let logger: Logger

    func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await gracefulShutdown() }
            group.addTask {
                while !Task.isCancelled {
                    if await healthy() {
                        notifier.notify("WATCHDOG=1")
                    } else {
                        logger.warning("Watchdog ping withheld: a service loop has ended or stalled.")
                    }
                    try? await Task.sleep(for: interval)
                }
            }
            await group.next()
            group.cancelAll()
        }
    }
}
