import Foundation
import Logging
import MentorlineDaemon
import Synchronization
import Testing

/// The daemon's log lines: one per event, `key=value` metadata, and under systemd a syslog priority
/// prefix per line so `journalctl -p warning` filters.
@Suite struct LogLineFormatTests {
    /// Lines written by a ``KeyValueLogHandler`` with the given environment.
    final class Lines: Sendable {
        let stored = Mutex<[String]>([])
        var all: [String] { stored.withLock { $0 } }

        func logger(environment: [String: String]) -> Logger {
            var logger = Logger(label: "mentorline") { label in
                KeyValueLogHandler(label: label, level: .trace, environment: environment) { [self] line in
                    stored.withLock { $0.append(line) }
                }
            }
            logger.logLevel = .trace
            return logger
        }
    }

    @Test func underSystemdEachLineStartsWithItsSyslogPriority() {
        let lines = Lines()
        let logger = lines.logger(environment: ["JOURNAL_STREAM": "8:123456"])
        logger.debug("Delivered.", metadata: ["message": "msg_1"])
        logger.info("Case offered.", metadata: ["case": "case_1"])
        logger.notice("Reloaded.")
        logger.warning("Delivery failed; will retry.")
        logger.error("Delivery failed for good.")
        logger.critical("Cannot open the store.")
        #expect(lines.all == [
            "<7>debug Delivered. message=msg_1\n",
            "<6>info Case offered. case=case_1\n",
            "<5>notice Reloaded.\n",
            "<4>warning Delivery failed; will retry.\n",
            "<3>error Delivery failed for good.\n",
            "<2>critical Cannot open the store.\n",
        ])
    }

    @Test func byHandEachLineStartsWithATimestamp() throws {
        let lines = Lines()
        lines.logger(environment: [:]).warning("Delivery failed; will retry.", metadata: ["attempt": "2"])
        let line = try #require(lines.all.first)
        #expect(line.firstMatch(of: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{4}) warning Delivery failed; will retry\. attempt=2\n$/) != nil, "\(line)")
    }

    /// Metadata keys sorted; a value with a space, quote, `=` or line break is quoted, so an event stays one
    /// line and each value can be read back.
    @Test func metadataIsSortedAndQuotedWhereNeeded() {
        let lines = Lines()
        lines.logger(environment: ["JOURNAL_STREAM": "8:1"]).warning("Refused.", metadata: [
            "outcome": "retry", "error": "curl code 7, Couldn't connect", "detail": "a=b", "reason": "first\r\nsecond", "empty": "", "quote": "say \"hi\"",
        ])
        #expect(lines.all == [
            #"<4>warning Refused. detail="a=b" empty="" error="curl code 7, Couldn't connect" outcome=retry quote="say \"hi\"" reason="first\r\nsecond""# + "\n",
        ])
    }
}
