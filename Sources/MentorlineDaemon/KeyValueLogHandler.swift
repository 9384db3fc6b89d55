import Foundation
package import Logging
import Synchronization

/// One line per event on standard error: `level message key=value …`. Under systemd
/// (`$JOURNAL_STREAM` set) each line starts with its syslog priority (`<4>`), so `journalctl -p warning`
/// filters; by hand each line starts with a timestamp instead.
///
/// Levels: `debug` per-message detail; `info` what happened to cases and the daemon; `notice` lifecycle
/// (started, reloaded, stopping); `warning` something failed and will be retried; `error` something
/// failed for good or needs a person; `critical` the daemon cannot go on.
package struct KeyValueLogHandler: LogHandler {
    package var metadata: Logger.Metadata = [:]
    package var logLevel: Logger.Level
    private let label: String
    private let journal: Bool
    private let output: @Sendable (String) -> Void

    /// - Parameter output: where each finished line (with its newline) goes; standard error unless a
    ///   test captures the lines. Called for one line at a time.
    package init(
        label: String, level: Logger.Level, environment: [String: String], output: (@Sendable (String) -> Void)? = nil
    ) {
        self.label = label
        self.logLevel = level
        self.journal = environment["JOURNAL_STREAM"] != nil
        self.output = output ?? Self.standardError
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var line = journal ? "<\(Self.priority(event.level))>" : Self.timestamp() + " "
        line += "\(event.level) \(event.message)"
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        for key in merged.keys.sorted() {
            line += " \(key)=\(Self.quoted("\(merged[key]!)"))"
        }
        line += "\n"
        output(line)
    }

    private static let standardErrorLock = Mutex(())

    /// Whole lines on standard error, one writer at a time.
    private static let standardError: @Sendable (String) -> Void = { line in
        standardErrorLock.withLock { _ in
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    private static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    private static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r") + "\""
    }

    private static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}
