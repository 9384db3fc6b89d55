package import Foundation

/// `mentorctl purge`: the retention rule's preview (`--dry-run`, `GET /v1/admin/retention/preview`) or
/// run (`--yes`, `POST /v1/admin/retention/run`). Shows case ids and closing times, never personal data.
package struct PurgeReport: Sendable {
    /// The daemon's answer, both for a preview and a run.
    package struct Answer: Decodable, Sendable, Hashable {
        package struct Case: Decodable, Sendable, Hashable {
            package var id: String
            package var closedAt: Date

            enum CodingKeys: String, CodingKey {
                case id
                case closedAt = "closed_at"
            }
        }

        package struct HeldBack: Decodable, Sendable, Hashable {
            package var id: String
            package var closedAt: Date
            package var pendingMessages: Int

            enum CodingKeys: String, CodingKey {
                case id
                case closedAt = "closed_at"
                case pendingMessages = "pending_messages"
            }
        }

        package var dryRun: Bool
        package var at: Date
        package var periodDays: Double
        package var cutoff: Date
        package var count: Int
        package var cases: [Case]
        package var heldBack: [HeldBack]
        package var nextRun: Date?

        enum CodingKeys: String, CodingKey {
            case at, cutoff, count, cases
            case dryRun = "dry_run"
            case periodDays = "period_days"
            case heldBack = "held_back"
            case nextRun = "next_run"
        }
    }

    package var answer: Answer
    /// The daemon's answer as it came, for `--json`.
    var body: [UInt8]
    package var timeZone: TimeZone

    /// The preview: nothing is erased.
    static func preview(timeZone: TimeZone, client: DaemonClient) async throws -> PurgeReport {
        let (answer, body) = try await client.getWithBody(["v1", "admin", "retention", "preview"], as: Answer.self)
        return PurgeReport(answer: answer, body: body, timeZone: timeZone)
    }

    /// The run: erases what is due now.
    static func run(timeZone: TimeZone, client: DaemonClient) async throws -> PurgeReport {
        let (answer, body) = try await client.postWithBody(["v1", "admin", "retention", "run"], as: Answer.self)
        return PurgeReport(answer: answer, body: body, timeZone: timeZone)
    }

    /// ```
    /// Dry run at 2026-11-23 10:00 (Mon), Europe/Copenhagen: personal data is kept 180 days after a case closes.
    /// 2 cases closed on or before 2026-05-27 10:00 (Wed) would be erased:
    ///   case_01K…  closed 2026-04-01 09:12
    ///   case_01K…  closed 2026-05-20 14:03
    /// 1 case is due but kept until its messages are delivered:
    ///   case_01K…  closed 2026-05-01 11:00, 1 message pending
    /// Next daily run: 2026-11-24 03:30 (Tue). Erase now with: mentorctl purge --yes
    /// ```
    package var text: String {
        let days = answer.periodDays.rounded() == answer.periodDays ? "\(Int(answer.periodDays)) days" : "\(answer.periodDays) days"
        var lines = [
            (answer.dryRun ? "Dry run at " : "Run at ") + "\(TimeText.formatWithWeekday(answer.at, in: timeZone)), \(timeZone.identifier): "
                + "personal data is kept \(days) after a case closes."
        ]
        let cutoff = TimeText.formatWithWeekday(answer.cutoff, in: timeZone)
        if answer.cases.isEmpty {
            lines.append("No case closed on or before \(cutoff) is left to erase.")
        } else {
            let verb = answer.dryRun ? "would be erased" : (answer.count == 1 ? "was erased" : "were erased")
            lines.append("\(Self.cases(answer.count)) closed on or before \(cutoff) \(verb):")
            for entry in answer.cases {
                lines.append("  \(DaemonClient.clean(entry.id))  closed \(TimeText.minute(entry.closedAt, in: timeZone))")
            }
        }
        if !answer.heldBack.isEmpty {
            let verb = answer.heldBack.count == 1 ? "is" : "are"
            lines.append("\(Self.cases(answer.heldBack.count)) \(verb) due but kept until their messages are delivered:")
            for entry in answer.heldBack {
                let pending = entry.pendingMessages == 1 ? "1 message pending" : "\(entry.pendingMessages) messages pending"
                lines.append("  \(DaemonClient.clean(entry.id))  closed \(TimeText.minute(entry.closedAt, in: timeZone)), \(pending)")
            }
        }
        if answer.dryRun {
            var last = answer.nextRun.map { "Next daily run: \(TimeText.formatWithWeekday($0, in: timeZone))." } ?? ""
            if !answer.cases.isEmpty { last += (last.isEmpty ? "" : " ") + "Erase now with: mentorctl purge --yes" }
            if !last.isEmpty { lines.append(last) }
        }
        return lines.joined(separator: "\n")
    }

    static func cases(_ count: Int) -> String { count == 1 ? "1 case" : "\(count) cases" }

    package func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .text: text
        case .json: JSONOutput.passThrough(body)
        }
    }
}
