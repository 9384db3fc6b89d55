import CCurl
import Synchronization

/// The client thread's side of ``CurlClient``: owns the multi handle, the easy-handle pool and the
/// active transfers. Every member is used only on the client thread, which receives the worker at
/// `pthread_create` (a happens-before edge) and keeps it until it exits.
final class CurlWorker {
    private let shared: CurlSharedState
    private let multi: UnsafeMutableRawPointer
    private let connectTimeoutMilliseconds: Int
    private let totalTimeoutMilliseconds: Int
    private let userAgent: String
    private let maxIdleEasyHandles: Int

    private var idleEasyHandles: [UnsafeMutableRawPointer] = []
    private var active: [CurlTransfer] = []
    /// Swapped with the shared queue's arrays so that draining does not allocate.
    private var pendingBuffer: [CurlTransfer] = []
    private var cancelledBuffer: [CurlTransfer] = []

    /// Longest wait in `curl_multi_poll` when nothing happens; new work and libcurl's own timers
    /// end the wait earlier.
    private static let idlePollMilliseconds: Int32 = 1000

    init(shared: CurlSharedState, configuration: CurlClientConfiguration) {
        self.shared = shared
        self.multi = shared.multi
        self.connectTimeoutMilliseconds = configuration.connectTimeout.curlMilliseconds
        self.totalTimeoutMilliseconds = configuration.totalTimeout.curlMilliseconds
        self.userAgent = configuration.userAgent
        self.maxIdleEasyHandles = Swift.max(1, configuration.maxConnectionsTotal)
    }

    /// The client thread's whole life.
    func run() {
        var runningHandles: Int32 = 0
        while true {
            let isShuttingDown = self.shared.queue.withLock { queue in
                swap(&queue.pending, &self.pendingBuffer)
                swap(&queue.cancelled, &self.cancelledBuffer)
                return queue.isShuttingDown
            }
            if isShuttingDown {
                for transfer in self.pendingBuffer {
                    transfer.resume(with: .failure(CurlError(.clientShutDown)))
                }
                self.pendingBuffer.removeAll()
                self.cancelledBuffer.removeAll()
                break
            }
            for transfer in self.pendingBuffer {
                self.start(transfer)
            }
            self.pendingBuffer.removeAll(keepingCapacity: true)
            for transfer in self.cancelledBuffer where transfer.phase == .active {
                self.finish(transfer, with: .failure(CancellationError()))
            }
            self.cancelledBuffer.removeAll(keepingCapacity: true)

            _ = curl_multi_perform(self.multi, &runningHandles)
            self.collectCompletedTransfers()
            _ = curl_multi_poll(self.multi, nil, 0, Self.idlePollMilliseconds, nil)
        }
        self.tearDown()
    }

    // MARK: Transfers

    private func start(_ transfer: CurlTransfer) {
        guard let easy = self.idleEasyHandles.popLast() ?? curl_easy_init() else {
            transfer.resume(with: .failure(CurlError(.initializationFailed)))
            return
        }
        guard self.configure(easy, for: transfer) else {
            self.recycle(easy)
            transfer.resume(with: .failure(CurlError(.initializationFailed)))
            return
        }
        // One retain for libcurl's CURLOPT_PRIVATE/WRITEDATA/HEADERDATA pointers, released exactly
        // once in `finish`, the only place a transfer leaves the multi handle.
        let context = Unmanaged.passRetained(transfer).toOpaque()
        _ = mentorline_curl_easy_setopt_pointer(easy, CURLOPT_PRIVATE, context)
        _ = mentorline_curl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context)
        _ = mentorline_curl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context)
        guard curl_multi_add_handle(self.multi, easy) == CURLM_OK else {
            Unmanaged<CurlTransfer>.fromOpaque(context).release()
            self.recycle(easy)
            transfer.resume(with: .failure(CurlError(.initializationFailed)))
            return
        }
        transfer.easy = easy
        transfer.phase = .active
        transfer.activeIndex = self.active.count
        self.active.append(transfer)
    }

    /// Sets every option of one request on a clean (new or reset) easy handle.
    private func configure(_ easy: UnsafeMutableRawPointer, for transfer: CurlTransfer) -> Bool {
        var ok = true
        func check(_ code: CURLcode) { if code != CURLE_OK { ok = false } }

        check(mentorline_curl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1))
        check(mentorline_curl_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"))
        check(mentorline_curl_easy_setopt_string(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"))
        check(mentorline_curl_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0))
        let request = transfer.request
        check(mentorline_curl_easy_setopt_long(
            easy, CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeout?.curlMilliseconds ?? self.connectTimeoutMilliseconds))
        check(mentorline_curl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, request.timeout?.curlMilliseconds ?? self.totalTimeoutMilliseconds))
        // TLS: the peer's certificate must chain to a trusted CA and name the host. These are libcurl's
        // defaults, set anyway so that no other code path (or a reset handle) can leave them off; nothing
        // in this package ever sets them to 0.
        check(mentorline_curl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1))
        check(mentorline_curl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2))
        if let caFile = request.caFile {
            check(caFile.withCString { mentorline_curl_easy_setopt_string(easy, CURLOPT_CAINFO, $0) })
        }
        check(self.userAgent.withCString { mentorline_curl_easy_setopt_string(easy, CURLOPT_USERAGENT, $0) })
        check(transfer.request.url.withCString { mentorline_curl_easy_setopt_string(easy, CURLOPT_URL, $0) })

        // Body: libcurl copies it (CURLOPT_COPYPOSTFIELDS) while the pointer is valid, so no
        // pointer from `withUnsafeBytes` outlives the closure. PUT and DELETE send it as a POST would,
        // under their own method name.
        let body = request.body
        let sendsBody: Bool
        switch transfer.method {
        case .post, .put: sendsBody = true
        case .delete: sendsBody = !body.isEmpty
        case .get: sendsBody = false
        }
        if sendsBody {
            check(mentorline_curl_easy_setopt_long(easy, CURLOPT_POST, 1))
            check(mentorline_curl_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            check(
                body.withUnsafeBytes { bytes in
                    guard let base = bytes.baseAddress else {
                        return mentorline_curl_easy_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, "")
                    }
                    return mentorline_curl_easy_setopt_string(
                        easy, CURLOPT_COPYPOSTFIELDS, base.assumingMemoryBound(to: CChar.self))
                })
        } else {
            check(mentorline_curl_easy_setopt_long(easy, CURLOPT_HTTPGET, 1))
        }
        switch transfer.method {
        case .post, .get: break
        case .put, .delete: check(mentorline_curl_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, transfer.method.rawValue))
        }

        // The list is owned by the transfer and freed after the handle is reset.
        check(mentorline_curl_easy_setopt_pointer(easy, CURLOPT_HTTPHEADER, transfer.headerList))
        check(mentorline_curl_easy_setopt_write_callback(easy, CURLOPT_WRITEFUNCTION, CurlTransfer.writeCallback))
        check(mentorline_curl_easy_setopt_write_callback(easy, CURLOPT_HEADERFUNCTION, CurlTransfer.headerCallback))
        return ok
    }

    private func collectCompletedTransfers() {
        var messagesLeft: Int32 = 0
        while let message = curl_multi_info_read(self.multi, &messagesLeft) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            // Read everything from the message before removing the handle: that frees it.
            let result = message.pointee.data.result
            var context: UnsafeMutableRawPointer?
            _ = mentorline_curl_easy_getinfo_private(easy, &context)
            guard let context else { continue }
            let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
            if result == CURLE_OK {
                var status = 0
                _ = mentorline_curl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
                let response = HTTPPostResponse(
                    status: status,
                    retryAfter: transfer.retryAfter,
                    body: transfer.body,
                    bodyWasTruncated: transfer.bodyWasTruncated
                )
                self.finish(transfer, with: .success(response))
            } else {
                self.finish(transfer, with: .failure(Self.error(for: result)))
            }
        }
    }

    /// Takes an active transfer out of the multi handle, releases its resources and resumes its caller.
    private func finish(_ transfer: CurlTransfer, with result: Result<HTTPPostResponse, any Error>) {
        guard transfer.phase == .active, let easy = transfer.easy else { return }
        _ = curl_multi_remove_handle(self.multi, easy)
        transfer.easy = nil
        self.recycle(easy)  // resets the handle: it no longer points at the header list or context
        if let headerList = transfer.headerList {
            transfer.headerList = nil
            curl_slist_free_all(headerList)
        }

        let index = transfer.activeIndex
        let last = self.active.removeLast()
        if last !== transfer {
            self.active[index] = last
            last.activeIndex = index
        }
        transfer.activeIndex = -1

        transfer.resume(with: result)
        // Balances the retain taken in `start`.
        Unmanaged.passUnretained(transfer).release()
    }

    private func recycle(_ easy: UnsafeMutableRawPointer) {
        curl_easy_reset(easy)
        if self.idleEasyHandles.count < self.maxIdleEasyHandles {
            self.idleEasyHandles.append(easy)
        } else {
            curl_easy_cleanup(easy)
        }
    }

    private func tearDown() {
        while let transfer = self.active.last {
            self.finish(transfer, with: .failure(CurlError(.clientShutDown)))
        }
        for easy in self.idleEasyHandles {
            curl_easy_cleanup(easy)
        }
        self.idleEasyHandles.removeAll()
        _ = curl_multi_cleanup(self.multi)

        let waiter = self.shared.queue.withLock { queue in
            queue.threadExited = true
            let waiter = queue.exitWaiter
            queue.exitWaiter = nil
            return waiter
        }
        waiter?.resume()
    }

    static func error(for code: CURLcode) -> CurlError {
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL:
            return CurlError(.unsupportedScheme)
        case CURLE_URL_MALFORMAT:
            return CurlError(.invalidURL)
        default:
            let message = curl_easy_strerror(code).map { String(cString: $0) } ?? "unknown error"
            return CurlError(.transport(curlCode: Int(code.rawValue), message: message))
        }
    }
}
