import CCurl
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Process-wide libcurl setup.
///
/// ``CurlClient/withClient(configuration:isolation:_:)`` calls ``initialize()`` itself. Call
/// ``cleanup()`` explicitly once, after the last client has finished and before the process exits:
/// left to `atexit`, OpenSSL's own exit handlers race libcurl's global state.
package enum CurlGlobal {
    private struct State {
        var isInitialized = false
        var liveClients = 0
    }

    private static let state = Mutex(State())

    /// Runs `curl_global_init` once and ignores SIGPIPE (a peer closing a TLS connection must not kill
    /// the daemon; `CURLOPT_NOSIGNAL` alone does not cover OpenSSL's writes). Idempotent.
    package static func initialize() {
        _ = self.initializeIfNeeded()
    }

    /// Runs `curl_global_cleanup` if ``initialize()`` ran and no client is alive.
    /// - Returns: false if clients are still running (nothing was cleaned up).
    @discardableResult
    package static func cleanup() -> Bool {
        self.state.withLock { state in
            guard state.liveClients == 0 else { return false }
            if state.isInitialized {
                curl_global_cleanup()
                state.isInitialized = false
            }
            return true
        }
    }

    static func initializeIfNeeded() -> Bool {
        self.state.withLock { state in
            if state.isInitialized { return true }
            signal(SIGPIPE, SIG_IGN)
            guard curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK else { return false }
            state.isInitialized = true
            return true
        }
    }

    static func clientStarted() {
        self.state.withLock { $0.liveClients += 1 }
    }

    static func clientFinished() {
        self.state.withLock { $0.liveClients -= 1 }
    }
}
