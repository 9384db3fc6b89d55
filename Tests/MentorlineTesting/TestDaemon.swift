package import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
package import Logging
import MentorlineConfig
package import MentorlineDaemon

/// The real daemon, started in this process by the same `MentorlineDaemon.run` as `mentorlined`, on an
/// ephemeral port with a temporary state directory; and a small HTTP client to talk to it.
package struct TestDaemon: Sendable {
    package let port: Int
    package let handle: DaemonHandle
    package let stateDirectory: URL
    package let configurationDirectory: URL
    /// The daemon's clock, when the test gave it one it can move.
    package let clock: TestClock?

    package var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The real clock, or one that starts at `start` and runs at real speed.
    package static func clock(startingAt start: Date?) -> @Sendable () -> Date {
        guard let start else { return { Date() } }
        let offset = start.timeIntervalSince(Date())
        return { Date().addingTimeInterval(offset) }
    }

    /// A fresh temporary directory, removed by nothing: the OS cleans /tmp, and a failed test leaves its
    /// database behind to look at.
    package static func temporaryDirectory(_ name: String = "mentorline-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Starts a daemon on `configuration` (written to a temporary directory) and `stateDirectory`
    /// (a fresh one when nil), lends it to `body`, and shuts it down gracefully afterwards.
    ///
    /// - Parameter logger: the daemon's logger (a ``LogCapture``'s lines, to read what it logs); by
    ///   default one at `logLevel` on the process's logging backend, or into `logs` when given.
    package static func withDaemon<Result: Sendable>(
        _ configuration: TestConfiguration, stateDirectory: URL? = nil, environment: [String: String] = [:],
        logLevel: Logger.Level = .warning, logger: Logger? = nil, clockStartingAt start: Date? = nil, clock: TestClock? = nil, logs: LogCapture? = nil,
        _ body: (TestDaemon) async throws -> Result
    ) async throws -> Result {
        let root = try temporaryDirectory()
        let configDirectory = try configuration.write(to: root.appendingPathComponent("Config"))
        let state = stateDirectory ?? root.appendingPathComponent("var")
        return try await withDaemon(
            configurationDirectory: configDirectory, stateDirectory: state, environment: environment, logLevel: logLevel, logger: logger,
            clockStartingAt: start, clock: clock, logs: logs, body
        )
    }

    /// - Parameters:
    ///   - start: when set, the daemon's clock starts there and runs at real speed (a Friday afternoon, a
    ///     holiday), so the letter policy can be tested on any day the suite runs.
    ///   - clock: a clock the test moves with ``advanceClock(by:)`` (wins over `start`).
    ///   - logger: the daemon's logger (wins over `logs`).
    ///   - logs: keeps the daemon's log records (at `logLevel` and above) instead of printing them.
    package static func withDaemon<Result: Sendable>(
        configurationDirectory: URL, stateDirectory: URL, environment: [String: String] = [:], logLevel: Logger.Level = .warning,
        logger: Logger? = nil, clockStartingAt start: Date? = nil, clock: TestClock? = nil, logs: LogCapture? = nil,
        _ body: (TestDaemon) async throws -> Result
    ) async throws -> Result {
        let logger = logger ?? {
            var logger = Logger(label: "mentorline-test")
            if let logs { logger = Logger(label: "mentorline-test", factory: { label in logs.handler(label: label) }) }
            logger.logLevel = logLevel
            return logger
        }()
        let handle = DaemonHandle()
        var now: @Sendable () -> Date = Self.clock(startingAt: start)
        if let clock { now = { clock.now() } }
        let options = DaemonOptions(
            configurationDirectory: configurationDirectory, stateDirectory: stateDirectory.path,
            listen: ListenAddress(parsing: "127.0.0.1:0"), environment: environment, handlesSignals: false,
            now: now, logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await MentorlineDaemon.run(options, handle: handle) }
            let port = try await handle.waitUntilListening()
            let daemon = TestDaemon(
                port: port, handle: handle, stateDirectory: stateDirectory, configurationDirectory: configurationDirectory, clock: clock
            )
            do {
                let result = try await body(daemon)
                await handle.shutdown()
                try await group.waitForAll()
                return result
            } catch {
                await handle.shutdown()
                try? await group.waitForAll()
                throw error
            }
        }
    }

    /// Moves the daemon's clock forward and tells its services, as an NTP step would.
    package func advanceClock(by interval: TimeInterval) {
        guard let clock else { preconditionFailure("advanceClock needs a daemon started with a TestClock") }
        clock.advance(by: interval)
        handle.clockChanged()
    }

    // MARK: HTTP

    package struct HTTPResult: Sendable {
        package var status: Int
        package var headers: [String: String]
        package var body: Data

        package var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        }

        package var text: String { String(decoding: body, as: UTF8.self) }

        package func header(_ name: String) -> String? {
            headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
    }

    package func request(
        _ method: String, _ path: String, token: String?, body: Data? = nil, headers: [String: String] = [:]
    ) async throws -> HTTPResult {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields["\(key)"] = "\(value)" }
        return HTTPResult(status: http.statusCode, headers: fields, body: data)
    }

    package func post(_ path: String, json: String, token: String? = TestConfiguration.intakeToken, headers: [String: String] = [:]) async throws -> HTTPResult {
        try await request("POST", path, token: token, body: Data(json.utf8), headers: headers)
    }

    package func get(_ path: String, token: String? = TestConfiguration.intakeToken) async throws -> HTTPResult {
        try await request("GET", path, token: token)
    }

    /// A valid company call.
    package static let companyCall = """
        {"caller": {"kind": "company", "name": "Lone Sørensen", "phone": "+45 20 30 40 50", "email": "lone@bagerhansen.dk",
         "organisation": "Bager Hansen ApS", "cvr": "12345674"},
         "citizen_reference": "J-2026-0412", "topics": ["placement"], "urgency": "soon",
         "note": "Praktikanten (CPR 010190-1234) er ikke mødt i to dage."}
        """

    /// Registers `json` and returns the new case id.
    package func registerCase(_ json: String = companyCall) async throws -> String {
        let result = try await post("/v1/cases", json: json)
        guard result.status == 202, let id = result.json["id"] as? String else {
            throw TestDaemonError(description: "intake answered \(result.status): \(result.text)")
        }
        return id
    }

    /// Polls the case until `condition` holds (the daemon works asynchronously), for at most `timeout`.
    package func waitForCase(
        _ id: String, timeout: Duration = .seconds(10), until condition: ([String: Any]) -> Bool
    ) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let json = try await get("/v1/cases/\(id)", token: TestConfiguration.adminToken).json
            if condition(json) { return json }
            guard ContinuousClock.now < deadline else { throw TestDaemonError(description: "case \(id) did not reach the condition: \(json)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

package struct TestDaemonError: Error, CustomStringConvertible {
    package var description: String

    package init(description: String) { self.description = description }
}
