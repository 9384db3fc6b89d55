import CCurl
import Synchronization

/// What callers and the client thread share: the submission queue, guarded by a `Mutex`, and the
/// multi handle, which other threads use only for `curl_multi_wakeup`.
final class CurlSharedState: Sendable {
    struct Queue {
        /// Transfers submitted since the client thread last looked.
        var pending: [CurlTransfer] = []
        /// Transfers whose callers were cancelled since the client thread last looked.
        var cancelled: [CurlTransfer] = []
        /// Set once by shutdown; afterwards nothing is queued and nobody but shutdown wakes the thread.
        var isShuttingDown = false
        /// Set by the client thread after `curl_multi_cleanup`, just before it returns.
        var threadExited = false
        var exitWaiter: CheckedContinuation<Void, Never>?
    }

    let queue = Mutex(Queue())

    /// Safety of `nonisolated(unsafe)`: the multi handle is used by the client thread alone, except
    /// for `curl_multi_wakeup`, which libcurl documents as callable from any thread. Other threads
    /// call it only while holding `queue`'s lock and only while `isShuttingDown` is false (or in the
    /// one critical section that sets it); the client thread calls `curl_multi_cleanup` only after it
    /// has seen `isShuttingDown` under that lock, so no wakeup can reach a freed handle.
    nonisolated(unsafe) let multi: UnsafeMutableRawPointer

    init(multi: UnsafeMutableRawPointer) {
        self.multi = multi
    }

    /// Call with the lock held.
    func wakeUpClientThread() {
        _ = curl_multi_wakeup(self.multi)
    }
}
