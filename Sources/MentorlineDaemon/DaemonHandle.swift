import ServiceLifecycle
import Synchronization

/// Control over a running daemon from outside its service group: wait for it to listen, reload it,
/// stop it. `mentorlined` itself is controlled by signals; tests use this.
package final class DaemonHandle: Sendable {
    private struct State {
        var port: Int?
        var waiters: [CheckedContinuation<Int, any Error>] = []
        var group: ServiceGroup?
        var reload: (@Sendable () async -> Bool)?
        var wake: (@Sendable () -> Void)?
        var failure: (any Error)?
    }

    private let state = Mutex(State())

    package init() {}

    /// The port the HTTP server listens on, once it does.
    package func waitUntilListening() async throws -> Int {
        try await withCheckedThrowingContinuation { continuation in
            let ready: Result<Int, any Error>? = state.withLock { state in
                if let port = state.port { return .success(port) }
                if let failure = state.failure { return .failure(failure) }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }

    /// Reloads the configuration as SIGHUP would; returns whether the new one was taken.
    package func reload() async -> Bool {
        guard let reload = state.withLock({ $0.reload }) else { return false }
        return await reload()
    }

    /// The daemon's clock jumped (a test moved its controllable clock): every service that sleeps until
    /// a time of that clock (dispatcher timers, delivery retries, the retention job) works it out again.
    package func clockChanged() {
        state.withLock { $0.wake }?()
    }

    /// Starts a graceful shutdown, as SIGTERM would.
    package func shutdown() async {
        await state.withLock { $0.group }?.triggerGracefulShutdown()
    }

    func attach(group: ServiceGroup, reload: @escaping @Sendable () async -> Bool, wake: @escaping @Sendable () -> Void) {
        state.withLock { state in
            state.group = group
            state.reload = reload
            state.wake = wake
        }
    }

    func listening(on port: Int) {
        let waiters = state.withLock { state in
            state.port = port
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: port) }
    }

    /// The daemon ended before it listened (invalid config, unusable state directory…).
    func failed(_ error: any Error) {
        let waiters = state.withLock { state in
            state.failure = error
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(throwing: error) }
    }
}
