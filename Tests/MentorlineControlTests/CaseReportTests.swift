import Foundation
import MentorlineControl
import Testing

/// `case show`'s text from a daemon answer: every message's status in words, texts wrapped and cleaned.
@Suite struct CaseReportTests {
    static let copenhagen = TimeZone(identifier: "Europe/Copenhagen")!
    /// Monday 2026-11-23 10:30 in Copenhagen.
    static let now = Date(timeIntervalSince1970: 1_795_426_200)

    /// A message as the daemon lists it, created Monday 2026-11-23 10:00 Copenhagen.
    static func message(_ fields: String, text: String = "Hej.") -> String {
        """
        {"id": "msg_1", "type": "task.offered", "recipient": "mentor:anna", "endpoint": "mentor-gateway",
         "created_at": "2026-11-23T09:00:00Z", "text": \(String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)),
         "template": "task.offered.da.mustache", "language": "da", \(fields)}
        """
    }

    static func report(messages: [String]) throws -> CaseReport {
        let body = """
            {"id": "case_1", "state": "offered", "received_at": "2026-11-23T09:00:00Z", "updated_at": "2026-11-23T09:00:00Z",
             "caller": {"kind": "company", "name": "Lone Sørensen"}, "topics": ["placement", "rules"], "language": "da",
             "urgency": "urgent", "promised_by": "2026-11-23T11:00:00Z",
             "routing": {"route": "rules", "policy": "urgent", "level": 1, "round": 1},
             "history": [
               {"at": "2026-11-23T09:00:00Z", "event": "received", "actor": "intake:desk"},
               {"at": "2026-11-23T09:00:05Z", "event": "offered", "actor": "system", "mentor": "anna", "level": 1, "round": 1,
                "deadline": "2026-11-23T09:05:00Z", "ranking": []},
               {"at": "2026-11-23T09:06:00Z", "event": "waiting", "actor": "system", "until": "2026-11-24T07:00:00Z",
                "reason": "nobody is at work"}
             ],
             "tasks": [{"id": "task_1", "case_id": "case_1", "mentor": "anna", "state": "offered", "purpose": "offer", "level": 1,
                        "offered_at": "2026-11-23T09:00:05Z", "deadline": "2026-11-23T09:05:00Z"}],
             "messages": [\(messages.joined(separator: ","))]}
            """
        return try CaseReport(body: Array(body.utf8), timeZone: copenhagen, now: now)
    }

    @Test func headerTrailAndTasks() throws {
        let text = try Self.report(messages: []).text
        #expect(text.hasPrefix("""
            Case case_1 · offered · urgency urgent · caller company
            Topics placement, rules · language da
            Received 2026-11-23 10:00 (Mon) · promised by 2026-11-23 12:00 (Mon) · times in Europe/Copenhagen
            Routing: route rules, policy urgent, level 1, round 1

            Trail:
              2026-11-23 10:00  received  intake:desk
              2026-11-23 10:00  offered   system       anna, level 1, answer by 10:05
              2026-11-23 10:06  waiting   system       until 2026-11-24 08:00, nobody is at work

            Tasks:
              task_1  anna  offered  level 1 offer, offered 2026-11-23 10:00, answer by 10:05

            Messages: none
            """))
        #expect(!text.contains("Lone"))
    }

    @Test func everyStatusInWords() throws {
        let report = try Self.report(messages: [
            Self.message(#""state": "delivered", "attempts": 1, "not_before": "2026-11-23T09:00:00Z", "delivered_at": "2026-11-23T09:02:10Z""#),
            Self.message(#""state": "delivered", "attempts": 3, "not_before": "2026-11-23T09:00:00Z", "delivered_at": "2026-11-24T07:00:00Z""#),
            Self.message(#""state": "pending", "attempts": 0, "not_before": "2026-11-24T07:00:00Z", "held_reason": "holiday", "held_detail": "Whit Monday""#),
            Self.message(#""state": "pending", "attempts": 0, "not_before": "2026-11-23T09:00:00Z", "held_reason": "outside_hours", "held_detail": "outside delivery hours""#),
            Self.message(#""state": "pending", "attempts": 3, "not_before": "2026-11-23T09:35:00Z", "last_status": 500"#),
            Self.message(#""state": "pending", "attempts": 0, "not_before": "2026-11-23T09:45:00Z""#),
            Self.message(#""state": "dead", "attempts": 8, "not_before": "2026-11-23T09:00:00Z", "last_status": 500"#),
            Self.message(#""state": "dead", "attempts": 1, "not_before": "2026-11-23T09:00:00Z", "last_error": "connection refused""#),
        ])
        let statuses = report.answer.messages.map(report.status(of:))
        #expect(statuses == [
            "sent 10:02",
            "sent 2026-11-24 08:00 (after 3 attempts)",
            "held until 2026-11-24 08:00 (Whit Monday)",
            // Held once, but its time has come: due, no longer held.
            "pending, due since 10:00",
            "pending after 3 attempts (last: HTTP 500), next 10:35",
            "pending, due 10:45",
            "failed after 8 attempts: HTTP 500",
            "failed after 1 attempt: connection refused",
        ])
        #expect(report.text.contains("\n  task.offered to mentor:anna via mentor-gateway (msg_1, queued 2026-11-23 10:00)\n    sent 10:02\n    │ Hej.\n    task.offered.da.mustache · da"))
    }

    @Test func textsAreWrappedIndentedAndCleaned() throws {
        let long = String(repeating: "ord ", count: 30) + "slut.\n\nNy linje \u{1B}[31mrød\u{1B}[0m."
        let report = try Self.report(messages: [
            Self.message(#""state": "delivered", "attempts": 1, "not_before": "2026-11-23T09:00:00Z", "delivered_at": "2026-11-23T09:02:10Z""#, text: long)
        ])
        let lines = report.text.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("    │") }
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.count <= 6 + 72 })
        #expect(lines[2] == "    │")
        #expect(lines[3] == "    │ Ny linje [31mrød [0m.")
        #expect(!report.text.contains("\u{1B}"))
    }
}
