import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix

/// `mentorline-load`: the end-to-end load test run by `Benchmarks/load.sh` against a running
/// `mentorlined` whose webhook endpoints point at this tool's sink. Loopback only; every phase has a
/// request count and a time limit. Prints the figures as Markdown and writes them to `--out`.
@main
struct MentorlineLoad {
    static func main() async throws {
        let options = try Options(CommandLine.arguments.dropFirst())
        let clientGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let sinkGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let sink = WebhookSink(secret: options.secretFile.map(readTrimmed))
        var logger = Logger(label: "mentorline-load-sink")
        // Hummingbird logs its own cancellation at shutdown as an error; only real trouble is of interest.
        logger.logLevel = .critical
        let (running, runningContinuation) = AsyncStream.makeStream(of: Void.self)
        let app = Application(
            router: sink.router(),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: options.sinkPort), serverName: nil),
            onServerRunning: { _ in runningContinuation.yield() },
            eventLoopGroupProvider: .shared(sinkGroup),
            logger: logger
        )
        let report = try await withThrowingTaskGroup(of: Report?.self) { group in
            group.addTask {
                try await app.run()
                return nil
            }
            for await _ in running { break }
            let report = try await runPhases(options, sink: sink, clientGroup: clientGroup)
            group.cancelAll()
            return report
        }
        try await clientGroup.shutdownGracefully()
        try await sinkGroup.shutdownGracefully()
        let markdown = report.markdown(options)
        print(markdown)
        if let out = options.out { try markdown.write(toFile: out, atomically: true, encoding: .utf8) }
    }

    static func runPhases(_ options: Options, sink: WebhookSink, clientGroup: MultiThreadedEventLoopGroup) async throws -> Report {
        var report = Report()
        let token = readTrimmed(options.tokenFile)
        let run = String(UInt32.random(in: 0...UInt32.max), radix: 36)

        // 0. The client's ceiling: the same client against the sink's trivial route.
        log("ceiling: \(options.ceilingRequests) POSTs to the trivial sink route, \(options.connections) connections")
        let ceiling = try await LoadClient.run(LoadPlan(
            host: "127.0.0.1", port: options.sinkPort, connections: options.connections, count: options.ceilingRequests,
            pace: .asFastAsPossible, timeLimit: .seconds(60), keepBodies: false,
            request: { _ in trivialRequest(port: options.sinkPort) }
        ), on: clientGroup)
        report.ceiling = ceiling.rate { $0.status == 202 }

        report.memoryAtStart = ProcStatus(pid: options.daemonPID)

        // a) Durable intakes per second: a burst at full speed, counting 202s.
        log("a) burst: \(options.burst) intakes, \(options.connections) connections")
        let cpuBeforeBurst = ProcStatus.cpuSeconds(pid: options.daemonPID)
        let burstMark = CPUSplit.Mark(daemonPID: options.daemonPID)
        let burst = try await LoadClient.run(LoadPlan(
            host: "127.0.0.1", port: options.daemonPort, connections: options.connections, count: options.burst,
            pace: .asFastAsPossible, timeLimit: .seconds(Int64(options.burstSeconds)), keepBodies: false,
            request: { intakeRequest(index: $0, run: run, token: token, port: options.daemonPort) }
        ), on: clientGroup)
        report.burst = burst
        report.burstCPU = CPUSplit(from: burstMark, to: CPUSplit.Mark(daemonPID: options.daemonPID))
        report.burstDaemonCPU = (ProcStatus.cpuSeconds(pid: options.daemonPID) ?? 0) - (cpuBeforeBurst ?? 0)
        report.memoryAfterBurst = ProcStatus(pid: options.daemonPID)
        let accepted = burst.completions.filter { $0.status == 202 }.count

        // c) Webhooks per second: the daemon's deliveries (libcurl CurlClient) of the burst's offers.
        log("c) drain: waiting for \(accepted) task.offered webhooks (at most \(options.drainSeconds) s)")
        let drainLimit = LoadClient.now() + UInt64(options.drainSeconds) * 1_000_000_000
        while sink.snapshot.offered < accepted, LoadClient.now() < drainLimit {
            try await Task.sleep(for: .milliseconds(20))
        }
        report.drain = sink.snapshot
        report.afterBurstEnd = sink.offeredArrivals(after: burst.finishedAt)
        report.drainDaemonCPU = (ProcStatus.cpuSeconds(pid: options.daemonPID) ?? 0) - (cpuBeforeBurst ?? 0)
        // d) Peak memory through the burst and its deliveries.
        report.memoryAfterDrain = ProcStatus(pid: options.daemonPID)

        // b) Intake → webhook latency at a fixed rate.
        let count = Int(options.rate * Double(options.rateSeconds))
        log("b) latency: \(count) intakes at \(Int(options.rate))/s")
        let pacedMark = CPUSplit.Mark(daemonPID: options.daemonPID)
        let paced = try await LoadClient.run(LoadPlan(
            host: "127.0.0.1", port: options.daemonPort, connections: options.connections, count: count,
            pace: .fixedRate(perSecond: options.rate), timeLimit: .seconds(Int64(options.rateSeconds) + 30), keepBodies: true,
            request: { intakeRequest(index: 10_000_000 + $0, run: run, token: token, port: options.daemonPort) }
        ), on: clientGroup)
        report.pacedCPU = CPUSplit(from: pacedMark, to: CPUSplit.Mark(daemonPID: options.daemonPID))
        var sent: [(caseID: String, at: UInt64)] = []
        for completion in paced.completions where completion.status == 202 {
            if let body = completion.body, let id = WebhookSink.stringValue(of: "id", in: body.readableBytesView) {
                sent.append((id, completion.sentAt))
            }
        }
        let latencyLimit = LoadClient.now() + 30_000_000_000
        var arrivals = sink.arrivals(of: sent.map(\.caseID))
        while arrivals.contains(where: { $0 == nil }), LoadClient.now() < latencyLimit {
            try await Task.sleep(for: .milliseconds(50))
            arrivals = sink.arrivals(of: sent.map(\.caseID))
        }
        report.paced = paced
        report.pacedAccepted = sent.count
        report.latencies = zip(sent, arrivals).compactMap { sent, arrival in arrival.map { $0 > sent.at ? $0 - sent.at : 0 } }
        report.memoryAtEnd = ProcStatus(pid: options.daemonPID)
        report.sinkAtEnd = sink.snapshot
        return report
    }

    static func intakeRequest(index: Int, run: String, token: String, port: Int) -> (head: HTTPRequestHead, body: ByteBuffer) {
        let body = ByteBuffer(string: """
            {"caller":{"kind":"company","name":"Lone Sørensen","phone":"+45 20 30 40 50","organisation":"Bager Hansen ApS",\
            "cvr":"12345674"},"topics":["placement"],"urgency":"soon","note":"Belastningstest \(index): praktikanten er ikke mødt."}
            """)
        let headers = HTTPHeaders([
            ("Host", "127.0.0.1:\(port)"), ("Authorization", "Bearer \(token)"), ("Content-Type", "application/json"),
            ("Idempotency-Key", "load-\(run)-\(index)"), ("Content-Length", "\(body.readableBytes)"),
        ])
        return (HTTPRequestHead(version: .http1_1, method: .POST, uri: "/v1/cases", headers: headers), body)
    }

    static func trivialRequest(port: Int) -> (head: HTTPRequestHead, body: ByteBuffer) {
        let body = ByteBuffer(string: #"{"type":"ping","data":{}}"#)
        let headers = HTTPHeaders([
            ("Host", "127.0.0.1:\(port)"), ("Content-Type", "application/json"), ("Content-Length", "\(body.readableBytes)"),
        ])
        return (HTTPRequestHead(version: .http1_1, method: .POST, uri: "/trivial", headers: headers), body)
    }

    static func readTrimmed(_ path: String) -> String {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func log(_ line: String) {
        FileHandle.standardError.write(Data("mentorline-load: \(line)\n".utf8))
    }
}

/// Command-line options; every one has a bounded default.
struct Options {
    var daemonPort = 8080
    var daemonPID: Int32 = 0
    var sinkPort = 8099
    var tokenFile = "Config/secrets/intake-dev.token"
    var secretFile: String? = "Config/secrets/webhook-dev.secret"
    var connections = 128
    var burst = 20_000
    var burstSeconds = 120
    var drainSeconds = 180
    var rate = 2_000.0
    var rateSeconds = 10
    var ceilingRequests = 50_000
    var out: String?

    init(_ arguments: ArraySlice<String>) throws {
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            guard let value = iterator.next() else { throw UsageError(flag: flag) }
            switch flag {
            case "--daemon-port": daemonPort = try Self.int(value, flag)
            case "--daemon-pid": daemonPID = Int32(try Self.int(value, flag))
            case "--sink-port": sinkPort = try Self.int(value, flag)
            case "--token-file": tokenFile = value
            case "--secret-file": secretFile = value
            case "--connections": connections = min(1024, max(1, try Self.int(value, flag)))
            case "--burst": burst = min(1_000_000, max(1, try Self.int(value, flag)))
            case "--burst-seconds": burstSeconds = min(600, max(1, try Self.int(value, flag)))
            case "--drain-seconds": drainSeconds = min(600, max(1, try Self.int(value, flag)))
            case "--rate": rate = min(100_000, max(1, Double(try Self.int(value, flag))))
            case "--rate-seconds": rateSeconds = min(120, max(1, try Self.int(value, flag)))
            case "--ceiling-requests": ceilingRequests = min(1_000_000, max(0, try Self.int(value, flag)))
            case "--out": out = value
            default: throw UsageError(flag: flag)
            }
        }
    }

    private static func int(_ value: String, _ flag: String) throws -> Int {
        guard let number = Int(value) else { throw UsageError(flag: flag) }
        return number
    }
}

struct UsageError: Error, CustomStringConvertible {
    var flag: String
    var description: String { "bad or incomplete option \(flag); see Benchmarks/README.md" }
}
