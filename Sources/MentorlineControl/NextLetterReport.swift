package import Foundation

/// `mentorctl letters next`: when a letter asked for at an instant would go, and what holds it, as
/// `GET /v1/letter-policy/next` answers.
package struct NextLetterReport: Sendable {
    /// The body of `GET /v1/letter-policy/next`.
    package struct Answer: Decodable, Sendable, Hashable {
        package var at: Date
        package var recipient: String
        /// Absent when the policy allows nothing within its horizon.
        package var next: Date?
        package var held: Bool
        /// `Whit Monday`, `quiet period fri 12:00–mon 08:00`.
        package var reason: String?
        /// `holiday`, `closed_date`, `quiet_period`, `outside_hours`.
        package var reasonCode: String?

        enum CodingKeys: String, CodingKey {
            case at, recipient, next, held, reason
            case reasonCode = "reason_code"
        }
    }

    /// The recipient kinds the letter policy knows.
    package static let recipients = ["citizen", "representative", "company"]

    package var answer: Answer
    /// The daemon's answer as it came, for `--json`.
    var body: [UInt8]
    package var timeZone: TimeZone

    /// `GET /v1/letter-policy/next?at=&recipient=`; the daemon reads `at` in the deployment's time zone.
    package static func fetch(at: String?, recipient: String?, timeZone: TimeZone, client: DaemonClient) async throws -> NextLetterReport {
        if let at { try TimeText.checkSyntax(at, option: "--at") }
        if let recipient, !Self.recipients.contains(recipient) {
            throw ControlError(.usage, "--recipient must be citizen, representative or company (got \"\(recipient)\").")
        }
        var query: [(String, String)] = []
        if let at { query.append(("at", at)) }
        if let recipient { query.append(("recipient", recipient)) }
        let (answer, body) = try await client.getWithBody(["v1", "letter-policy", "next"], query: query, as: Answer.self)
        return NextLetterReport(answer: answer, body: body, timeZone: timeZone)
    }

    /// `2026-05-25 10:00 (Mon): held: Whit Monday; next allowed 2026-05-26 08:00 (Tue), Europe/Copenhagen`,
    /// `2026-05-27 10:00 (Wed): allowed now, Europe/Copenhagen`; a company's or representative's letter
    /// says so after the time (`…(Mon), to a company: …`).
    package var text: String {
        var line = TimeText.formatWithWeekday(answer.at, in: timeZone)
        if answer.recipient != "citizen" {
            line += ", to a \(DaemonClient.clean(answer.recipient))"
        }
        line += ": "
        if answer.held {
            line += "held"
            if let reason = answer.reason, !reason.isEmpty { line += ": \(DaemonClient.clean(reason))" }
            if let next = answer.next {
                line += "; next allowed \(TimeText.formatWithWeekday(next, in: timeZone))"
            } else {
                line += "; the policy allows no letter within its horizon"
            }
        } else {
            line += "allowed now"
        }
        return line + ", \(timeZone.identifier)"
    }

    package func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .text: text
        case .json: JSONOutput.passThrough(body)
        }
    }
}
