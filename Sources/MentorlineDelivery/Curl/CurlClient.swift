import CCurl
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An HTTP client on libcurl's multi interface, made for webhook POSTs; ``send(_:_:)`` also sends
/// GET, PUT and DELETE (for `mentorctl`).
///
/// One client owns one multi handle, driven by one dedicated thread (`curl_multi_poll`), which is the
/// only thread that touches it; callers hand work over through a mutex-protected queue and
/// `curl_multi_wakeup`, and wait with `await`. Keep-alive connections live in the multi handle's
/// cache and easy handles are pooled, so posts to one receiver reuse connections.
///
/// Only `http` and `https`, no redirects (a 3xx is returned as the status), no signals, a connect
/// and a total timeout, and a capped response body.
///
/// ```swift
/// let response = try await CurlClient.withClient(configuration: .init()) { client in
///     try await client.post(HTTPPostRequest(url: url, headers: headers, body: body))
/// }
/// ```
package final class CurlClient: Sendable {
    private let shared: CurlSharedState
    private let maxResponseBodyBytes: Int
    private let thread: pthread_t

    private init(configuration: CurlClientConfiguration) throws(CurlError) {
        guard CurlGlobal.initializeIfNeeded(), let multi = curl_multi_init() else {
            throw CurlError(.initializationFailed)
        }
        let perHost = Swift.max(1, configuration.maxConnectionsPerHost)
        let total = Swift.max(perHost, configuration.maxConnectionsTotal)
        _ = mentorline_curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, perHost)
        _ = mentorline_curl_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, total)
        _ = mentorline_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, total)

        let shared = CurlSharedState(multi: multi)
        let worker = Unmanaged.passRetained(CurlWorker(shared: shared, configuration: configuration))
        var thread = pthread_t()
        let created = pthread_create(
            &thread, nil,
            { argument in
                // Takes over the retain passed to pthread_create.
                let worker = Unmanaged<CurlWorker>.fromOpaque(argument!).takeRetainedValue()
                worker.run()
                return nil
            }, worker.toOpaque())
        guard created == 0 else {
            worker.release()
            _ = curl_multi_cleanup(multi)
            throw CurlError(.initializationFailed)
        }
        self.shared = shared
        self.maxResponseBodyBytes = Swift.max(0, configuration.maxResponseBodyBytes)
        self.thread = thread
        CurlGlobal.clientStarted()
    }

    /// Creates a client, lends it to `body`, then shuts it down: transfers still in flight fail with
    /// ``CurlError/Code/clientShutDown``, the thread is joined and the multi handle cleaned up, whether
    /// `body` returns or throws.
    @discardableResult
    package static func withClient<Result>(
        configuration: CurlClientConfiguration = CurlClientConfiguration(),
        isolation: isolated (any Actor)? = #isolation,
        _ body: (CurlClient) async throws -> Result
    ) async throws -> Result {
        let client = try CurlClient(configuration: configuration)
        let result: Result
        do {
            result = try await body(client)
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
        return result
    }

    /// Sends one POST and returns the response, whatever its status.
    ///
    /// - Throws: ``CurlError`` (bad URL or header, transport failure, client shut down), or
    ///   `CancellationError` if the calling task is cancelled first; the transfer is then aborted.
    package func post(_ request: HTTPPostRequest) async throws -> HTTPPostResponse {
        try await self.send(.post, request)
    }

    /// Sends one request with `method` (the request's URL, headers and body; `GET` sends no body) and
    /// returns the response, whatever its status. ``post(_:)`` is `send(.post, request)`.
    ///
    /// - Throws: the same as ``post(_:)``.
    package func send(_ method: HTTPMethod, _ request: HTTPPostRequest) async throws -> HTTPPostResponse {
        try Self.validateScheme(of: request.url)
        let transfer = CurlTransfer(request: request, method: method, maxBodyBytes: self.maxResponseBodyBytes)
        // Built on the caller's thread to keep the client thread's share of the work small.
        transfer.headerList = try Self.makeHeaderList(request.headers)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                self.submit(transfer, continuation: continuation)
            }
        } onCancel: {
            self.cancel(transfer)
        }
    }

    // MARK: Submission (any thread)

    private func submit(_ transfer: CurlTransfer, continuation: CheckedContinuation<HTTPPostResponse, any Error>) {
        let shared = self.shared
        let rejection: (any Error)? = shared.queue.withLock { queue in
            if queue.isShuttingDown { return CurlError(.clientShutDown) }
            // Checked under the lock: a cancellation handler running after this point queues its
            // request behind this transfer, so the client thread sees the transfer first.
            if Task.isCancelled { return CancellationError() }
            transfer.continuation = continuation
            let threadMayBeWaiting = queue.pending.isEmpty
            queue.pending.append(transfer)
            if threadMayBeWaiting {
                shared.wakeUpClientThread()
            }
            return nil
        }
        if let rejection {
            // Not queued: the client thread never resumes this continuation. The transfer object is
            // left untouched, because a cancellation handler may already have handed it to the
            // thread (which then only reads its `phase`, still `.new`).
            continuation.resume(throwing: rejection)
        }
    }

    private func cancel(_ transfer: CurlTransfer) {
        let shared = self.shared
        shared.queue.withLock { queue in
            // After shutdown began, the client thread fails every transfer anyway.
            guard !queue.isShuttingDown else { return }
            queue.cancelled.append(transfer)
            shared.wakeUpClientThread()
        }
    }

    private func shutdown() async {
        let shared = self.shared
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let hasExited = shared.queue.withLock { queue in
                if !queue.isShuttingDown {
                    queue.isShuttingDown = true
                    shared.wakeUpClientThread()
                }
                if queue.threadExited { return true }
                queue.exitWaiter = continuation
                return false
            }
            if hasExited { continuation.resume() }
        }
        // The thread has cleaned up and is returning: this join does not wait for work.
        _ = pthread_join(self.thread, nil)
        CurlGlobal.clientFinished()
    }

    // MARK: Validation (caller's thread)

    static func validateScheme(of url: String) throws(CurlError) {
        let utf8 = url.utf8
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")),
            utf8[colon...].starts(with: "://".utf8), colon != utf8.startIndex
        else {
            throw CurlError(.invalidURL)
        }
        var scheme: [UInt8] = []
        scheme.reserveCapacity(5)
        for byte in utf8[..<colon] {
            scheme.append((byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte)
        }
        guard scheme.elementsEqual("http".utf8) || scheme.elementsEqual("https".utf8) else {
            throw CurlError(.unsupportedScheme)
        }
    }

    /// The request's headers plus `Expect:` (no 100-continue round trip) and an empty
    /// `Content-Type:` unless one is given (so libcurl does not claim a form upload).
    static func makeHeaderList(
        _ headers: [HTTPPostRequest.Header]
    ) throws(CurlError) -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        var hasContentType = false
        func append(_ line: String) throws(CurlError) {
            guard let extended = line.withCString({ curl_slist_append(list, $0) }) else {
                curl_slist_free_all(list)
                throw CurlError(.initializationFailed)
            }
            list = extended
        }
        for header in headers {
            guard Self.isValidName(header.name), Self.isValidValue(header.value) else {
                curl_slist_free_all(list)
                throw CurlError(.invalidHeader)
            }
            if !hasContentType, header.name.utf8.count == 12, header.name.lowercased() == "content-type" {
                hasContentType = true
            }
            // "Name;" is libcurl's way to send a header with an empty value ("Name:" removes it).
            try append(header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)")
        }
        try append("Expect:")
        if !hasContentType {
            try append("Content-Type:")
        }
        return list
    }

    private static func isValidName(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        for byte in name.utf8 {
            // RFC 9110 token characters: visible ASCII except delimiters.
            guard byte > 0x20, byte < 0x7F else { return false }
            switch byte {
            case UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
                UInt8(ascii: "@"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\\"), UInt8(ascii: "\""),
                UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "?"), UInt8(ascii: "="),
                UInt8(ascii: "{"), UInt8(ascii: "}"):
                return false
            default:
                continue
            }
        }
        return true
    }

    private static func isValidValue(_ value: String) -> Bool {
        !value.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }
    }
}
