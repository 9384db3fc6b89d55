import ArgumentParser
import CMemoryTuning
import Foundation
import Logging
import MentorlineConfig
import MentorlineDaemon
import MentorlineDelivery

/// `mentorlined`: parses flags, bootstraps logging, runs the daemon. Everything else lives in the libraries.
@main
struct Mentorlined: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentorlined",
        abstract: "The Mentorline daemon: the mentor hotline's durable case queue, router and webhook sender.",
        version: MentorlineVersion.current
    )

    @Option(name: .long, help: "Configuration directory (default: $CONFIGURATION_DIRECTORY, else ./Config).")
    var config: String?

    @Option(name: .long, help: "State directory holding the database (default: $STATE_DIRECTORY, else storage.state_directory).")
    var state: String?

    @Option(name: .long, help: "HOST:PORT to listen on (default: server.listen).")
    var listen: String?

    @Option(name: .long, help: "Log level: debug, info, notice, warning, error.")
    var logLevel: String = "info"

    func run() async throws {
        // glibc otherwise hands freed memory back to the kernel after each SQLite transaction and faults it
        // in again on the next: measured at a quarter of the commit path's CPU (Benchmarks/README.md).
        _ = mentorline_set_malloc_trim_threshold(256 << 20)
        let environment = ProcessInfo.processInfo.environment
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        var listenAddress: ListenAddress?
        if let listen {
            guard let address = ListenAddress(parsing: listen) else { throw ValidationError("--listen must be HOST:PORT, e.g. 127.0.0.1:8080") }
            listenAddress = address
        }
        LoggingSystem.bootstrap { label in KeyValueLogHandler(label: label, level: level, environment: environment) }
        let logger = Logger(label: "mentorline")
        // Files the daemon creates (database, WAL, backups) are private to its user.
        umask(0o077)

        let directory = config ?? environment["CONFIGURATION_DIRECTORY"]?.split(separator: ":").first.map(String.init) ?? "Config"
        let options = DaemonOptions(
            configurationDirectory: URL(fileURLWithPath: directory, isDirectory: true), stateDirectory: state, listen: listenAddress,
            environment: environment, logger: logger
        )
        // libcurl is cleaned up explicitly once every client has finished: left to atexit, OpenSSL's exit
        // handlers race it.
        defer { CurlGlobal.cleanup() }
        do {
            try await MentorlineDaemon.run(options)
        } catch let errors as ConfigurationErrors {
            logger.critical("Configuration is invalid; not starting.", metadata: ["directory": "\(directory)", "errors": "\(errors.errors.count)"])
            FileHandle.standardError.write(Data((errors.description + "\n").utf8))
            throw ExitCode(78) // EX_CONFIG
        } catch {
            logger.critical("Mentorline could not start.", metadata: ["error": "\(String(describing: error))"])
            throw ExitCode.failure
        }
    }
}
