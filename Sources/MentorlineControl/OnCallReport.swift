package import Foundation

/// `mentorctl oncall`: who is on call in each schedule (or one), now or at an instant.
package struct OnCallReport: Encodable, Sendable {
    package struct Entry: Encodable, Sendable {
        package var schedule: String
        package var name: String
        package var timeZone: String
        /// The instant asked about.
        package var at: Date
        package var onCall: ShiftInfo?

        enum CodingKeys: String, CodingKey {
            case schedule, name, at
            case timeZone = "time_zone"
            case onCall = "on_call"
        }

        var zone: TimeZone { TimeZone(identifier: timeZone) ?? .gmt }
    }

    /// Whether an instant was asked about (`--at`) rather than now.
    package var atGiven: Bool
    package var schedules: [Entry]

    enum CodingKeys: String, CodingKey {
        case schedules
    }

    /// Asks the daemon: `GET /v1/schedules` (who is on call now, with every schedule's name and time
    /// zone), and with `at` one `GET /v1/schedules/{id}/oncall?at=` per schedule, so that the daemon
    /// reads `at` in each schedule's time zone.
    ///
    /// - Parameter now: stands for "now" in the report when no `at` is given (the daemon's clock decides
    ///   who is on call).
    package static func fetch(at: String?, schedule: String?, client: DaemonClient, now: Date) async throws -> OnCallReport {
        if let at { try TimeText.checkSyntax(at, option: "--at") }
        let summaries = try await client.get(["v1", "schedules"], as: ScheduleList.self).schedules
        var chosen = summaries
        if let schedule {
            chosen = [try Self.find(schedule, in: summaries)]
        }
        var entries: [Entry] = []
        for summary in chosen {
            if let at {
                let answer = try await client.get(["v1", "schedules", summary.id, "oncall"], query: [("at", at)], as: OnCallAnswer.self)
                entries.append(Entry(schedule: summary.id, name: summary.name, timeZone: summary.timeZone, at: answer.at, onCall: answer.onCall))
            } else {
                entries.append(Entry(schedule: summary.id, name: summary.name, timeZone: summary.timeZone, at: now, onCall: summary.onCall))
            }
        }
        return OnCallReport(atGiven: at != nil, schedules: entries)
    }

    /// The schedule `id`, or a 404-like error naming the schedules there are.
    static func find(_ id: String, in summaries: [ScheduleSummary]) throws(ControlError) -> ScheduleSummary {
        guard let summary = summaries.first(where: { $0.id == id }) else {
            let known = summaries.isEmpty ? "the daemon has no schedules" : "schedules: " + summaries.map(\.id).joined(separator: ", ")
            throw ControlError(.refused(status: 404), "There is no schedule \(id) (\(known)).")
        }
        return summary
    }

    /// ```
    /// On call at 2026-11-23 08:00 (CET):
    /// mentor-oncall  Mentorvagten
    ///     Amira Haddad (amira-haddad) since 2026-11-23 08:00 (CET) until 2026-11-30 08:00 (CET), by layer 1
    /// ```
    package var text: String {
        guard let first = schedules.first else { return "The daemon has no schedules." }
        var lines = ["On call \(atGiven ? "at" : "now,") \(TimeText.format(first.at, in: first.zone)):"]
        for entry in schedules {
            lines.append("\(entry.schedule)  \(entry.name)")
            guard let shift = entry.onCall else {
                lines.append("    nobody is on call")
                continue
            }
            lines.append(
                "    \(shift.name) (\(shift.mentor)) since \(TimeText.format(shift.start, in: entry.zone))"
                    + " until \(TimeText.format(shift.end, in: entry.zone)), by \(shift.sourceText)"
            )
        }
        return lines.joined(separator: "\n")
    }

    package func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .text: text
        case .json: JSONOutput.render(self)
        }
    }
}
