package import Logging
import MentorlineDaemon
import Synchronization

/// Collects the lines the daemon's own log handler (``KeyValueLogHandler``) writes, as `mentorlined`
/// would write them to standard error, so a test can read everything the daemon logged.
///
/// ```swift
/// let capture = LogCapture()
/// try await TestDaemon.withDaemon(configuration, logger: capture.logger(level: .trace)) { … }
/// #expect(capture.text.contains("case=case_"))
/// ```
package final class LogCapture: Sendable {
    private let lines = Mutex<[String]>([])

    package init() {}

    /// A logger whose lines land here, at `level` and below.
    package func logger(level: Logger.Level, label: String = "mentorline") -> Logger {
        Logger(label: label) { label in
            KeyValueLogHandler(label: label, level: level, environment: [:]) { [self] line in
                self.lines.withLock { $0.append(line) }
            }
        }
    }

    /// Every line so far, each with its newline.
    package var captured: [String] { lines.withLock { $0 } }

    /// Everything logged so far as one text.
    package var text: String { captured.joined() }
}
