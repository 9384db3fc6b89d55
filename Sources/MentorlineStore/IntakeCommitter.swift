package import Logging
import ServiceLifecycle
import Synchronization

/// Group commit for intake: concurrent `submit` calls are gathered and written in one transaction,
/// and each caller is answered only after that transaction has committed. One fsync then serves many
/// calls, which is what lets a single SQLite file take thousands of durable intakes per second.
///
/// While one batch is being written, new submissions queue up and form the next batch, so batches
/// grow with load and shrink to one under light load (no added latency when idle).
package final class IntakeCommitter: Service {
    private struct Waiting {
        var submission: IntakeSubmission
        var continuation: CheckedContinuation<IntakeOutcome, any Error>
    }

    private struct State {
        var queue: [Waiting] = []
        var batchesCommitted = 0
        var submissionsCommitted = 0
        /// The run loop, parked until there is work.
        var parked: CheckedContinuation<Void, Never>?
        var accepting = true
    }

    private let store: any CaseStore
    private let maximumBatch: Int
    private let logger: Logger
    private let committed: @Sendable (Int) -> Void
    private let state = Mutex(State())

    /// - Parameters:
    ///   - maximumBatch: the most submissions one transaction takes.
    ///   - committed: called after each batch commits with the number of new cases (to wake the dispatcher).
    package init(store: any CaseStore, maximumBatch: Int = 512, logger: Logger, committed: @escaping @Sendable (Int) -> Void) {
        self.store = store
        self.maximumBatch = max(1, maximumBatch)
        self.logger = logger
        self.committed = committed
    }

    /// How many transactions have committed and how many submissions they carried, since start.
    package var committedCounts: (batches: Int, submissions: Int) {
        state.withLock { ($0.batchesCommitted, $0.submissionsCommitted) }
    }

    /// Stores the intake durably and returns what became of it; throws ``StoreError`` with
    /// `shuttingDown` once the daemon has stopped taking intake, or the database's error.
    package func submit(_ submission: IntakeSubmission) async throws -> IntakeOutcome {
        try await withCheckedThrowingContinuation { continuation in
            let result: (accepted: Bool, parked: CheckedContinuation<Void, Never>?) = state.withLock { state in
                guard state.accepting else { return (false, nil) }
                state.queue.append(Waiting(submission: submission, continuation: continuation))
                defer { state.parked = nil }
                return (true, state.parked)
            }
            if result.accepted {
                result.parked?.resume()
            } else {
                continuation.resume(throwing: StoreError(.shuttingDown, "intake is closed"))
            }
        }
    }

    package func run() async throws {
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                while let batch = await nextBatch() {
                    await commit(batch)
                }
            } onGracefulShutdown: {
                self.close()
            }
        } onCancel: {
            self.close()
        }
    }

    /// Stops taking submissions; those already queued are still committed.
    private func close() {
        let parked = state.withLock { state in
            state.accepting = false
            defer { state.parked = nil }
            return state.parked
        }
        parked?.resume()
    }

    /// The next batch to write, waiting for one if need be; nil once closed and drained.
    private func nextBatch() async -> [Waiting]? {
        while true {
            let batch: [Waiting]? = state.withLock { state in
                if !state.queue.isEmpty {
                    let count = min(state.queue.count, maximumBatch)
                    let batch = Array(state.queue.prefix(count))
                    state.queue.removeFirst(count)
                    return batch
                }
                return state.accepting ? [] : nil
            }
            guard let batch else { return nil }
            if !batch.isEmpty { return batch }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if !state.queue.isEmpty || !state.accepting { return true }
                    state.parked = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
    }

    private func commit(_ batch: [Waiting]) async {
        do {
            let outcomes = try await store.commitIntakes(batch.map(\.submission))
            state.withLock { state in
                state.batchesCommitted += 1
                state.submissionsCommitted += batch.count
            }
            var created = 0
            for (waiting, outcome) in zip(batch, outcomes) {
                if case .created = outcome { created += 1 }
                waiting.continuation.resume(returning: outcome)
            }
            if created > 0 { committed(created) }
        } catch {
            logger.error("Intake batch failed to commit.", metadata: ["batch": "\(batch.count)", "error": "\(String(describing: error))"])
            for waiting in batch { waiting.continuation.resume(throwing: error) }
        }
    }
}
