import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration on SIGHUP (systemd's `ExecReload=`).
struct ReloadService: Service {
    let reload: @Sendable () async -> Void

    func run() async throws {
        for await _ in await UnixSignalsSequence(trapping: .sighup).cancelOnGracefulShutdown() {
            await reload()
        }
    }
}
