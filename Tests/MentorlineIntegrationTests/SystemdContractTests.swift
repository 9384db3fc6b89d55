import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import MentorlineTesting
import Testing

/// The built `mentorlined`, started the way systemd starts the installed unit: configuration and state
/// directories from `$CONFIGURATION_DIRECTORY` and `$STATE_DIRECTORY`, `READY`/`WATCHDOG`/`RELOADING`/
/// `STOPPING` on `$NOTIFY_SOCKET`, syslog priorities on stderr with `$JOURNAL_STREAM`, SIGHUP to reload and
/// SIGTERM to stop with exit status 0.
@Suite struct SystemdContractTests {
    /// `mentorlined`, built next to this test binary by `swift build --build-tests`.
    static let daemon = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("mentorlined").path
    static let shippedConfiguration = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Config")

    @Test func theBuiltDaemonRunsOnTheDirectoriesAndSocketSystemdGivesIt() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.daemon), "no mentorlined at \(Self.daemon)")
        let root = try TestDaemon.temporaryDirectory("mentorline-systemd")
        defer { try? FileManager.default.removeItem(at: root) }
        let configuration = root.appendingPathComponent("etc")
        try FileManager.default.copyItem(at: Self.shippedConfiguration, to: configuration)
        let state = root.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: state, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let socket = try NotifySocket(directory: root)
        let stderrFile = root.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: stderrFile.path, contents: nil)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.daemon)
        // Only the listen address comes from a flag: the shipped port may be taken on this machine.
        process.arguments = ["--listen", "127.0.0.1:0"]
        process.environment = [
            "PATH": "/usr/bin:/bin", "CONFIGURATION_DIRECTORY": configuration.path, "STATE_DIRECTORY": state.path,
            "NOTIFY_SOCKET": socket.path, "WATCHDOG_USEC": "1000000", "JOURNAL_STREAM": "8:12345",
        ]
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: stderrFile)
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let ready = try await socket.waitFor("READY=1", timeout: .seconds(60))
        let status = try #require(ready.last?.split(separator: "\n").first { $0.hasPrefix("STATUS=Listening on 127.0.0.1:") })
        let port = try #require(Int(status.split(separator: ":").last ?? ""))
        let readiness = try await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/readyz")!)
        #expect((readiness.1 as? HTTPURLResponse)?.statusCode == 200)
        _ = try await socket.waitFor("WATCHDOG=1")

        // The database is in $STATE_DIRECTORY, private to the service's user.
        let database = state.appendingPathComponent("mentorline.sqlite").path
        let attributes = try FileManager.default.attributesOfItem(atPath: database)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        kill(process.processIdentifier, SIGHUP)
        _ = try await socket.waitFor("RELOADING=1")
        _ = try await socket.waitFor("READY=1")
        kill(process.processIdentifier, SIGTERM)
        _ = try await socket.waitFor("STOPPING=1", timeout: .seconds(30))
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)

        // Every line journald gets starts with its priority, and the daemon said where it listened.
        let lines = try String(contentsOf: stderrFile, encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.firstMatch(of: #/^<[0-7]>[a-z]+ /#) != nil }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("<5>notice Mentorline is listening.") && $0.contains("address=127.0.0.1:\(port)") })
        #expect(lines.contains { $0.hasPrefix("<5>notice") && $0.contains("eload") }, "no reload line: \(lines)")
    }
}
