import Synchronization

/// Wakes one waiting loop: "there may be new work". Signals that arrive while nobody waits are
/// remembered (once), so a signal is never lost between a loop's check and its wait.
package final class WakeSignal: Sendable {
    private struct State {
        var pending = false
        var waiter: (id: UInt64, continuation: CheckedContinuation<Void, Never>)?
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())

    package init() {}

    package func signal() {
        let waiter = state.withLock { state in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil as CheckedContinuation<Void, Never>?
            }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume()
    }

    /// Returns when signalled (at once if a signal is pending), when `deadline` passes, or when the
    /// task is cancelled. Only one task may wait at a time.
    package func wait(until deadline: ContinuousClock.Instant?) async {
        guard let deadline else {
            await waitForSignal()
            return
        }
        if state.withLock({ state in defer { state.pending = false }; return state.pending }) { return }
        guard deadline > .now else { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForSignal() }
            group.addTask { try? await Task.sleep(until: deadline, clock: .continuous) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForSignal() async {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.pending || Task.isCancelled {
                        state.pending = false
                        return true
                    }
                    state.waiter = (id, continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                guard let waiter = state.waiter, waiter.id == id else { return nil as CheckedContinuation<Void, Never>? }
                state.waiter = nil
                return waiter.continuation
            }
            waiter?.resume()
        }
    }
}
