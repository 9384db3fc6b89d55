import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
package import MentorlineDelivery
import NIOCore
import ServiceLifecycle
import Synchronization

/// One request the sink received.
package struct ReceivedWebhook: Sendable {
    package var method: String
    package var path: String
    /// In arrival order, names as sent.
    package var headers: [HTTPPostRequest.Header]
    package var body: [UInt8]
    package var receivedAt: ContinuousClock.Instant

    /// The first value of the header `name`, compared case-insensitively.
    package func header(_ name: String) -> String? {
        let lowercased = name.lowercased()
        return self.headers.first { $0.name.lowercased() == lowercased }?.value
    }

    package var bodyText: String { String(decoding: self.body, as: UTF8.self) }
}

/// What the sink answers to one request.
package struct SinkResponse: Sendable, Hashable {
    package var status: Int
    package var headers: [HTTPPostRequest.Header]
    package var body: [UInt8]
    /// How long the sink waits before answering: a slow receiver.
    package var delay: Duration?

    package init(status: Int, retryAfter: String? = nil, headers: [HTTPPostRequest.Header] = [], body: [UInt8] = [], delay: Duration? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        if let retryAfter {
            self.headers.append(HTTPPostRequest.Header(name: "Retry-After", value: retryAfter))
        }
    }
}

package struct WebhookSinkError: Error, CustomStringConvertible {
    package var expected: Int
    package var received: Int

    package var description: String {
        "WebhookSink timed out waiting for \(self.expected) requests; received \(self.received)"
    }
}

/// A real HTTP server on 127.0.0.1 (port chosen by the kernel) that records every request and answers
/// with a scripted sequence of responses, then a fixed one (200 unless told otherwise).
///
/// ```swift
/// try await WebhookSink.withSink { sink in
///     sink.respond(withStatuses: [503, 503], then: 200)
///     … post to sink.url(path: "/hook") …
///     let requests = try await sink.waitForRequests(count: 3, timeout: .seconds(5))
/// }
/// ```
package final class WebhookSink: Sendable {
    /// The port the server is bound to.
    package let port: Int
    private let recorder: Recorder

    private init(port: Int, recorder: Recorder) {
        self.port = port
        self.recorder = recorder
    }

    /// `http://127.0.0.1:<port>`
    package var baseURL: String { "http://127.0.0.1:\(self.port)" }

    /// `http://127.0.0.1:<port><path>`; `path` starts with "/".
    package func url(path: String = "/webhook") -> String { self.baseURL + path }

    // MARK: Scripting responses

    /// Answers every following request with `response`.
    package func respond(with response: SinkResponse) {
        self.recorder.state.withLock { state in
            state.script = []
            state.fallback = response
        }
    }

    /// Answers every following request with `status` (and a `Retry-After` header if given).
    package func respond(withStatus status: Int, retryAfter: String? = nil) {
        self.respond(with: SinkResponse(status: status, retryAfter: retryAfter))
    }

    /// Answers the next requests with `sequence`, one each, then every later one with `fallback`.
    package func respond(withSequence sequence: [SinkResponse], then fallback: SinkResponse) {
        self.recorder.state.withLock { state in
            state.script = sequence[...]
            state.fallback = fallback
        }
    }

    /// Answers the next requests with `statuses`, one each (with `Retry-After` if given), then `fallback`.
    package func respond(withStatuses statuses: [Int], then fallback: Int = 200, retryAfter: String? = nil) {
        self.respond(
            withSequence: statuses.map { SinkResponse(status: $0, retryAfter: retryAfter) },
            then: SinkResponse(status: fallback)
        )
    }

    /// Answers requests to `path` with `sequence`, one each, then every later one with `fallback`; other
    /// paths keep the sink-wide script.
    package func respond(toPath path: String, withSequence sequence: [SinkResponse], then fallback: SinkResponse) {
        self.recorder.state.withLock { state in
            state.pathScripts[path] = (sequence[...], fallback)
        }
    }

    /// Answers every following request to `path` with `response`.
    package func respond(toPath path: String, with response: SinkResponse) {
        self.respond(toPath: path, withSequence: [], then: response)
    }

    /// Answers every following request to `path` with `status` (and a `Retry-After` header if given).
    package func respond(toPath path: String, withStatus status: Int, retryAfter: String? = nil) {
        self.respond(toPath: path, with: SinkResponse(status: status, retryAfter: retryAfter))
    }

    /// Holds the responses to following requests (they are recorded, but not answered) until
    /// ``releaseHeldResponses()`` or the end of ``withSink(isolation:_:)``: a receiver that is slow.
    package func holdResponses() {
        self.recorder.state.withLock { $0.isHolding = true }
    }

    /// Answers every held request and stops holding.
    package func releaseHeldResponses() {
        let held = self.recorder.state.withLock { state in
            state.isHolding = false
            defer { state.held = [] }
            return state.held
        }
        for continuation in held {
            continuation.resume()
        }
    }

    // MARK: Observing requests

    /// The most requests the sink was answering at once (from arrival to response), since it started or
    /// since ``resetConcurrency()``.
    package var maxConcurrentRequests: Int {
        self.recorder.state.withLock { $0.maxInFlight }
    }

    /// Requests being answered right now.
    package var concurrentRequests: Int {
        self.recorder.state.withLock { $0.inFlight }
    }

    /// Starts counting ``maxConcurrentRequests`` afresh from the requests in flight now.
    package func resetConcurrency() {
        self.recorder.state.withLock { $0.maxInFlight = $0.inFlight }
    }

    /// Every request received so far, in arrival order.
    package var receivedRequests: [ReceivedWebhook] {
        self.recorder.state.withLock { $0.received }
    }

    /// Waits until at least `count` requests have arrived and returns all received so far.
    ///
    /// - Throws: ``WebhookSinkError`` if they have not arrived within `timeout`.
    package func waitForRequests(count: Int, timeout: Duration) async throws -> [ReceivedWebhook] {
        let recorder = self.recorder
        return try await withThrowingTaskGroup(of: [ReceivedWebhook].self) { group in
            group.addTask {
                try await recorder.waitUntilReceived(count: count)
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw WebhookSinkError(expected: count, received: recorder.state.withLock { $0.received.count })
            }
            defer { group.cancelAll() }
            // Both tasks either return or throw, so `next()` always has a value.
            return try await group.next()!
        }
    }

    // MARK: Lifecycle

    /// Starts a sink, lends it to `body`, then shuts the server down gracefully, whether `body` returns
    /// or throws.
    @discardableResult
    package static func withSink<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (WebhookSink) async throws -> Result
    ) async throws -> Result {
        var logger = Logger(label: "mentorline.testing.webhook-sink")
        logger.logLevel = .warning
        let recorder = Recorder()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            responder: CallbackResponder { (request: Request, _: BasicRequestContext) in
                try await recorder.handle(request)
            },
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? -1)
                portContinuation.finish()
            },
            logger: logger
        )
        let serviceGroup = ServiceGroup(configuration: .init(services: [app], logger: logger))

        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // If the server cannot start, end the port stream so the wait below ends too.
                defer { portContinuation.finish() }
                try await serviceGroup.run()
            }
            var port: Int?
            for await bound in ports {
                port = bound
            }
            guard let port, port > 0 else {
                // The server stopped before it ran: surface its error.
                try await group.next()
                throw WebhookSinkError(expected: 0, received: 0)
            }
            let sink = WebhookSink(port: port, recorder: recorder)
            let result: Result
            do {
                result = try await body(sink)
            } catch {
                sink.releaseHeldResponses()
                await serviceGroup.triggerGracefulShutdown()
                try? await group.waitForAll()
                throw error
            }
            sink.releaseHeldResponses()
            await serviceGroup.triggerGracefulShutdown()
            try await group.waitForAll()
            return result
        }
    }
}

extension WebhookSink {
    /// Records requests and wakes waiters. Sendable through its `Mutex`.
    final class Recorder: Sendable {
        struct Waiter {
            var count: Int
            var continuation: CheckedContinuation<[ReceivedWebhook], any Error>
        }

        struct State {
            var received: [ReceivedWebhook] = []
            var script: ArraySlice<SinkResponse> = []
            var fallback = SinkResponse(status: 200)
            var waiters: [Int: Waiter] = [:]
            var nextWaiterID = 0
            var isHolding = false
            var held: [CheckedContinuation<Void, Never>] = []
            /// Scripts for single paths: the next responses, then a fixed one.
            var pathScripts: [String: (script: ArraySlice<SinkResponse>, fallback: SinkResponse)] = [:]
            var inFlight = 0
            var maxInFlight = 0
        }

        static let maxBodyBytes = 16 * 1024 * 1024

        let state = Mutex(State())

        func handle(_ request: Request) async throws -> Response {
            self.state.withLock { state in
                state.inFlight += 1
                state.maxInFlight = max(state.maxInFlight, state.inFlight)
            }
            defer { self.state.withLock { $0.inFlight -= 1 } }
            var request = request
            let buffer = try await request.collectBody(upTo: Self.maxBodyBytes)
            let received = ReceivedWebhook(
                method: request.method.rawValue,
                path: request.uri.path,
                headers: request.headers.map { HTTPPostRequest.Header(name: $0.name.rawName, value: $0.value) },
                body: Array(buffer.readableBytesView),
                receivedAt: .now
            )
            let (reply, satisfied, hold) = self.state.withLock { state in
                state.received.append(received)
                let reply: SinkResponse
                if var path = state.pathScripts[received.path] {
                    reply = path.script.popFirst() ?? path.fallback
                    state.pathScripts[received.path] = path
                } else {
                    reply = state.script.popFirst() ?? state.fallback
                }
                var satisfied: [(CheckedContinuation<[ReceivedWebhook], any Error>, [ReceivedWebhook])] = []
                for (id, waiter) in state.waiters where waiter.count <= state.received.count {
                    state.waiters[id] = nil
                    satisfied.append((waiter.continuation, state.received))
                }
                return (reply, satisfied, state.isHolding)
            }
            for (continuation, requests) in satisfied {
                continuation.resume(returning: requests)
            }
            if hold {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let stillHolding = self.state.withLock { state in
                        if state.isHolding { state.held.append(continuation) }
                        return state.isHolding
                    }
                    if !stillHolding { continuation.resume() }
                }
            }
            if let delay = reply.delay {
                try? await Task.sleep(for: delay)
            }
            return Self.response(for: reply)
        }

        func waitUntilReceived(count: Int) async throws -> [ReceivedWebhook] {
            let id = self.state.withLock { state in
                state.nextWaiterID += 1
                return state.nextWaiterID
            }
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    let immediate: Swift.Result<[ReceivedWebhook], any Error>? = self.state.withLock { state in
                        if Task.isCancelled { return .failure(CancellationError()) }
                        if state.received.count >= count { return .success(state.received) }
                        state.waiters[id] = Waiter(count: count, continuation: continuation)
                        return nil
                    }
                    if let immediate {
                        continuation.resume(with: immediate)
                    }
                }
            } onCancel: {
                let waiter = self.state.withLock { $0.waiters.removeValue(forKey: id) }
                waiter?.continuation.resume(throwing: CancellationError())
            }
        }

        static func response(for reply: SinkResponse) -> Response {
            var fields = HTTPFields()
            for header in reply.headers {
                if let name = HTTPField.Name(header.name) {
                    fields.append(HTTPField(name: name, value: header.value))
                }
            }
            return Response(
                status: HTTPResponse.Status(code: reply.status),
                headers: fields,
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body))
            )
        }
    }
}
