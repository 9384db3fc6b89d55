import NIOCore
import NIOHTTP1
import NIOPosix

/// What one run of the load client sends: requests `0..<count`, each built by `request(index)`.
struct LoadPlan: Sendable {
    enum Pace: Sendable {
        /// Every connection sends its next request as soon as the previous answer arrives.
        case asFastAsPossible
        /// Request `i` is sent at `start + i / perSecond` (on an idle connection; late if none is idle).
        case fixedRate(perSecond: Double)
    }

    var host: String
    var port: Int
    var connections: Int
    var count: Int
    var pace: Pace
    /// The whole run is abandoned after this long; what has completed by then is reported.
    var timeLimit: TimeAmount
    /// Keep each response body (needed to read the case id); otherwise bodies are discarded.
    var keepBodies: Bool
    var request: @Sendable (Int) -> (head: HTTPRequestHead, body: ByteBuffer)
}

/// One answered (or failed) request.
struct Completion: Sendable {
    var index: Int
    /// 0 when the connection failed before an answer.
    var status: Int
    /// Monotonic nanoseconds (`NIODeadline.now()`), comparable with the sink's arrival times.
    var sentAt: UInt64
    var answeredAt: UInt64
    /// How much later than planned the request left (fixed rate only).
    var lateBy: UInt64
    var body: ByteBuffer?
}

struct LoadResult: Sendable {
    var completions: [Completion]
    var startedAt: UInt64
    var finishedAt: UInt64
    var timedOut: Bool
    var connectionErrors: Int
}

/// A small HTTP/1.1 keep-alive load generator on one NIO event loop thread: `connections` persistent
/// connections, one request in flight on each. Everything runs on that one loop, so the driver needs
/// no locks and costs the machine one core at most.
enum LoadClient {
    static func run(_ plan: LoadPlan, on group: MultiThreadedEventLoopGroup) async throws -> LoadResult {
        let loop = group.next()
        let driver = LoadDriver(plan: plan, loop: loop)
        let bootstrap = ClientBootstrap(group: loop)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(.seconds(5))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(LoadConnection(driver: driver))
                }
            }
        var channels: [any Channel] = []
        for _ in 0..<max(1, plan.connections) {
            channels.append(try await bootstrap.connect(host: plan.host, port: plan.port).get())
        }
        let result = try await loop.flatSubmit { driver.start() }.get()
        for channel in channels { try? await channel.close() }
        return result
    }

    static func now() -> UInt64 { NIODeadline.now().uptimeNanoseconds }
}

/// The state of one run. Confined to its event loop: every method runs on `loop` (asserted), which
/// is what makes the `@unchecked Sendable` safe — the class is only handed to channel handlers on
/// the same loop and to `loop.flatSubmit`.
final class LoadDriver: @unchecked Sendable {
    let plan: LoadPlan
    let loop: any EventLoop
    private var idle: [LoadConnection] = []
    private var issued = 0
    private var completions: [Completion] = []
    private var connectionErrors = 0
    private var started = false
    private var startedAt: UInt64 = 0
    private var promise: EventLoopPromise<LoadResult>?
    private var pumpScheduled: Scheduled<Void>?
    private var limit: Scheduled<Void>?

    init(plan: LoadPlan, loop: any EventLoop) {
        self.plan = plan
        self.loop = loop
        completions.reserveCapacity(plan.count)
    }

    func start() -> EventLoopFuture<LoadResult> {
        loop.preconditionInEventLoop()
        let promise = loop.makePromise(of: LoadResult.self)
        self.promise = promise
        started = true
        startedAt = LoadClient.now()
        limit = loop.scheduleTask(in: plan.timeLimit) { [self] in finish(timedOut: true) }
        if plan.count == 0 { finish(timedOut: false) } else { pump() }
        return promise.futureResult
    }

    func ready(_ connection: LoadConnection) {
        loop.preconditionInEventLoop()
        idle.append(connection)
        if started { pump() }
    }

    func completed(_ connection: LoadConnection, _ completion: Completion) {
        loop.preconditionInEventLoop()
        completions.append(completion)
        if completions.count == plan.count {
            finish(timedOut: false)
            return
        }
        idle.append(connection)
        pump()
    }

    func failed(_ connection: LoadConnection, inFlight: Completion?) {
        loop.preconditionInEventLoop()
        connectionErrors += 1
        idle.removeAll { $0 === connection }
        if let inFlight {
            completions.append(inFlight)
            if completions.count == plan.count { finish(timedOut: false) }
        }
    }

    /// Sends whatever is due on idle connections.
    private func pump() {
        guard promise != nil, issued < plan.count else { return }
        switch plan.pace {
        case .asFastAsPossible:
            while issued < plan.count, let connection = idle.popLast() {
                connection.send(index: issued, plannedAt: nil)
                issued += 1
            }
        case .fixedRate(let perSecond):
            let now = LoadClient.now()
            while issued < plan.count {
                let plannedAt = startedAt + UInt64(Double(issued) / perSecond * 1e9)
                if plannedAt > now {
                    pumpScheduled?.cancel()
                    pumpScheduled = loop.scheduleTask(deadline: NIODeadline.uptimeNanoseconds(plannedAt)) { [self] in pump() }
                    return
                }
                guard let connection = idle.popLast() else { return }  // resumed by the next completion
                connection.send(index: issued, plannedAt: plannedAt)
                issued += 1
            }
        }
    }

    private func finish(timedOut: Bool) {
        guard let promise else { return }
        self.promise = nil
        limit?.cancel()
        pumpScheduled?.cancel()
        promise.succeed(LoadResult(
            completions: completions, startedAt: startedAt, finishedAt: LoadClient.now(), timedOut: timedOut,
            connectionErrors: connectionErrors
        ))
    }
}

/// One keep-alive connection with at most one request in flight.
final class LoadConnection: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let driver: LoadDriver
    private var context: ChannelHandlerContext?
    private var inFlight: Completion?
    private var body: ByteBuffer?

    init(driver: LoadDriver) { self.driver = driver }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func channelActive(context: ChannelHandlerContext) {
        driver.ready(self)
        context.fireChannelActive()
    }

    func send(index: Int, plannedAt: UInt64?) {
        guard let context else { return }
        let (head, body) = driver.plan.request(index)
        let now = LoadClient.now()
        inFlight = Completion(
            index: index, status: 0, sentAt: now, answeredAt: 0, lateBy: plannedAt.map { now > $0 ? now - $0 : 0 } ?? 0, body: nil
        )
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            inFlight?.status = Int(head.status.code)
        case .body(var part):
            if driver.plan.keepBodies {
                if body == nil { body = part } else { body!.writeBuffer(&part) }
            }
        case .end:
            guard var completion = inFlight else { return }
            inFlight = nil
            completion.answeredAt = LoadClient.now()
            completion.body = body
            body = nil
            driver.completed(self, completion)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let lost = inFlight
        inFlight = nil
        self.context = nil
        driver.failed(self, inFlight: lost)
        context.fireChannelInactive()
    }
}
