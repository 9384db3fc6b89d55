import CCurl

/// The state of one request (a POST, or another method) while it travels from a caller to the client
/// thread and back.
///
/// Safety of `@unchecked Sendable`: a transfer is created by the calling task, which (holding the
/// client's queue `Mutex`) writes `continuation` and appends the transfer to the pending queue, or
/// else never writes any field again. The client thread takes the transfer out under the same
/// mutex, so the caller's writes happen before the thread's reads, and from then on every mutable
/// field is read and written only on the client thread; libcurl runs the write and header
/// callbacks there too (inside `curl_multi_perform`). Cancellation handlers only append the object
/// to the queue's cancellation list, and for a transfer the thread has not started it reads
/// nothing but `phase`, which only the thread writes after initialization.
final class CurlTransfer: @unchecked Sendable {
    enum Phase {
        /// Created, not yet taken by the client thread.
        case new
        /// Added to the multi handle.
        case active
        /// Continuation resumed; resources released.
        case finished
    }

    let request: HTTPPostRequest
    let method: HTTPMethod
    let maxBodyBytes: Int
    var continuation: CheckedContinuation<HTTPPostResponse, any Error>?

    // Client-thread state.
    var phase = Phase.new
    var easy: UnsafeMutableRawPointer?
    var headerList: UnsafeMutablePointer<curl_slist>?
    /// Index in the worker's active list (swap-remove bookkeeping).
    var activeIndex = -1
    var body: [UInt8] = []
    var bodyWasTruncated = false
    var retryAfter: String?

    init(request: HTTPPostRequest, method: HTTPMethod = .post, maxBodyBytes: Int) {
        self.request = request
        self.method = method
        self.maxBodyBytes = maxBodyBytes
    }

    /// Resumes the caller exactly once; later calls are ignored.
    func resume(with result: Result<HTTPPostResponse, any Error>) {
        guard let continuation = self.continuation else { return }
        self.continuation = nil
        self.phase = .finished
        continuation.resume(with: result)
    }

    // MARK: libcurl callbacks (client thread, inside curl_multi_perform)

    /// CURLOPT_WRITEFUNCTION: keep up to `maxBodyBytes`, swallow the rest so the transfer completes.
    static let writeCallback: curl_write_callback = { data, size, count, userData in
        let total = size * count
        guard let data, let userData else { return total }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(userData).takeUnretainedValue()
        let room = transfer.maxBodyBytes - transfer.body.count
        if room > 0 {
            let kept = Swift.min(room, total)
            transfer.body.append(contentsOf: UnsafeRawBufferPointer(start: UnsafeRawPointer(data), count: kept))
        }
        if total > room {
            transfer.bodyWasTruncated = true
        }
        return total
    }

    /// CURLOPT_HEADERFUNCTION: one call per header line, CRLF included. Captures `Retry-After`.
    static let headerCallback: curl_write_callback = { data, size, count, userData in
        let total = size * count
        guard let data, let userData else { return total }
        let line = UnsafeRawBufferPointer(start: UnsafeRawPointer(data), count: total)
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(userData).takeUnretainedValue()
        if line.starts(with: CurlTransfer.statusLinePrefix) {
            // A new response (e.g. after an interim 1xx): forget headers of the previous one.
            transfer.retryAfter = nil
        } else if line.count > CurlTransfer.retryAfterPrefix.count, CurlTransfer.hasCaseInsensitivePrefix(line, CurlTransfer.retryAfterPrefix) {
            transfer.retryAfter = CurlTransfer.trimmedValue(line[CurlTransfer.retryAfterPrefix.count...])
        }
        return total
    }

    private static let statusLinePrefix: [UInt8] = Array("HTTP/".utf8)
    /// Lowercase.
    private static let retryAfterPrefix: [UInt8] = Array("retry-after:".utf8)

    private static func hasCaseInsensitivePrefix(_ line: UnsafeRawBufferPointer, _ lowercasePrefix: [UInt8]) -> Bool {
        for (index, expected) in lowercasePrefix.enumerated() {
            let byte = line[index]
            let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            if lowered != expected { return false }
        }
        return true
    }

    private static func trimmedValue(_ bytes: Slice<UnsafeRawBufferPointer>) -> String? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
            let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return nil }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
