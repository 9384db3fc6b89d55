import Logging
import MentorlineServer
import ServiceLifecycle

/// Writes when stored tokens were last used to the store every `interval` and once more at graceful
/// shutdown, so authenticating a request never waits for a write.
struct TokenUsageService: Service {
    let tokens: StoredTokenRegistry
    let interval: Duration
    let logger: Logger

    func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await gracefulShutdown() }
            group.addTask {
                // Cancelled at graceful shutdown: the last flush below runs outside this task.
                while (try? await Task.sleep(for: interval)) != nil {
                    await flush()
                }
            }
            await group.next()
            group.cancelAll()
        }
        await flush()
    }

    private func flush() async {
        do {
            try await tokens.flushUses()
        } catch {
            logger.warning("Token use times could not be recorded; keeping them for the next try.", metadata: ["error": "\(String(describing: error))"])
        }
    }
}
