package import Logging
import MentorlineDaemon
import Synchronization

/// Keeps what a daemon logs, so a test can look for a message and its metadata (and check that no
/// personal data was logged). Two ways in:
/// - ``handler(label:)``: each log call as a ``Record`` (level, message, metadata), read with
///   ``records(_:)`` and ``waitFor(_:count:timeout:)``.
/// - ``logger(level:label:)``: the lines the daemon's own ``KeyValueLogHandler`` writes, exactly as
///   `mentorlined` would write them to standard error, read with ``captured`` and ``text``.
///
/// ```swift
/// let capture = LogCapture()
/// try await TestDaemon.withDaemon(configuration, logger: capture.logger(level: .trace)) { … }
/// #expect(capture.text.contains("case=case_"))
/// ```
package final class LogCapture: Sendable {
    package struct Record: Sendable, CustomStringConvertible {
        package var level: Logger.Level
        package var message: String
        package var metadata: [String: String]

        package var description: String {
            "[\(level)] \(message) " + metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
    }

    private let records = Mutex<[Record]>([])
    private let lines = Mutex<[String]>([])

    package init() {}

    /// A logger whose lines, formatted by ``KeyValueLogHandler``, land here, at `level` and below.
    package func logger(level: Logger.Level, label: String = "mentorline") -> Logger {
        Logger(label: label) { label in
            KeyValueLogHandler(label: label, level: level, environment: [:]) { [self] line in
                self.lines.withLock { $0.append(line) }
            }
        }
    }

    /// Every line ``logger(level:label:)``'s loggers wrote so far, each with its newline.
    package var captured: [String] { lines.withLock { $0 } }

    /// Everything ``logger(level:label:)``'s loggers wrote so far, as one text.
    package var text: String { captured.joined() }

    package var all: [Record] { records.withLock { $0 } }

    /// Records with this message.
    package func records(_ message: String) -> [Record] {
        all.filter { $0.message == message }
    }

    /// Waits until at least `count` records with `message` are there, for at most `timeout`.
    package func waitFor(_ message: String, count: Int = 1, timeout: Duration = .seconds(10)) async throws -> [Record] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let found = records(message)
            if found.count >= count { return found }
            guard ContinuousClock.now < deadline else {
                throw TestDaemonError(description: "no \(count) log records '\(message)'; got \(found.count)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// A handler that appends to this capture.
    package func handler(label: String) -> any LogHandler {
        Handler(capture: self)
    }

    fileprivate func append(_ record: Record) {
        records.withLock { $0.append(record) }
    }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.append(Record(level: event.level, message: event.message.description, metadata: merged.mapValues { "\($0)" }))
        }
    }
}
