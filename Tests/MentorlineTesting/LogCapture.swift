package import Logging
import Synchronization

/// Keeps every log record a daemon writes, so a test can look for a message and its metadata (and
/// check that no personal data was logged).
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

    package init() {}

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
