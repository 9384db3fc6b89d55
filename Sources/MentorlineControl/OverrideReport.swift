import Foundation

/// `mentorctl override add|list|remove`: a schedule's runtime overrides (admin token).
package struct OverrideReport: Sendable {
    package var schedule: ScheduleSummary
    package var overrides: [OverrideInfo]

    /// `POST /v1/schedules/{id}/overrides`; the schedule's name and time zone come from
    /// `GET /v1/schedules`.
    package static func add(_ draft: OverrideDraft, client: DaemonClient) async throws -> OverrideReport {
        try TimeText.checkSyntax(draft.start, option: "--from")
        try TimeText.checkSyntax(draft.end, option: "--to")
        let schedule = try await Self.schedule(draft.schedule, client: client)
        let body = OverrideRequestBody(mentor: draft.mentor, start: draft.start, end: draft.end, replacing: draft.replacing, note: draft.note)
        let created = try await client.post(["v1", "schedules", draft.schedule, "overrides"], json: body, as: OverrideInfo.self)
        return OverrideReport(schedule: schedule, overrides: [created])
    }

    /// `GET /v1/schedules/{id}/overrides`: the overrides not over yet.
    package static func list(schedule id: String, client: DaemonClient) async throws -> OverrideReport {
        let schedule = try await Self.schedule(id, client: client)
        let list = try await client.get(["v1", "schedules", id, "overrides"], as: OverrideList.self)
        return OverrideReport(schedule: schedule, overrides: list.overrides.sorted { ($0.start, $0.id) < ($1.start, $1.id) })
    }

    /// `DELETE /v1/schedules/{id}/overrides/{override}`.
    package static func remove(schedule: String, override: String, client: DaemonClient) async throws -> String {
        try await client.delete(["v1", "schedules", schedule, "overrides", override])
        return "Removed override \(override) from schedule \(schedule)."
    }

    private static func schedule(_ id: String, client: DaemonClient) async throws -> ScheduleSummary {
        try OnCallReport.find(id, in: try await client.get(["v1", "schedules"], as: ScheduleList.self).schedules)
    }

    // MARK: Output

    /// ```
    /// Added override ovr_01K… to mentor-oncall (Mentorvagten):
    ///     bo on call from 2026-11-23 08:00 (CET) until 2026-11-24 08:00 (CET), replacing anna, "sygdom"
    /// ```
    package var addedText: String {
        let lines = overrides.map { "Added override \($0.id) to \(schedule.id) (\(schedule.name)):\n    \(line(for: $0, withID: false))" }
        return lines.joined(separator: "\n")
    }

    /// One line per override, or a sentence saying there are none.
    package var listText: String {
        guard !overrides.isEmpty else { return "Schedule \(schedule.id) (\(schedule.name)) has no current or future overrides." }
        return (["Overrides of \(schedule.id) (\(schedule.name)), current and future:"] + overrides.map { "    " + line(for: $0, withID: true) })
            .joined(separator: "\n")
    }

    private func line(for override: OverrideInfo, withID: Bool) -> String {
        let zone = schedule.zone
        var text = withID ? "\(override.id)  " : ""
        text += "\(override.mentor) on call from \(TimeText.format(override.start, in: zone)) until \(TimeText.format(override.end, in: zone))"
        if let replacing = override.replacing { text += ", replacing \(replacing)" }
        if let note = override.note, !note.isEmpty { text += ", \"\(DaemonClient.clean(note))\"" }
        if withID { text += "  (by \(override.createdBy), \(TimeText.format(override.createdAt, in: zone)))" }
        return text
    }

    /// `add`: the created override as the daemon answered; `list`: `{"overrides": [...]}`.
    package func json(single: Bool) -> String {
        if single, let first = overrides.first { return JSONOutput.render(first) }
        return JSONOutput.render(OverrideList(overrides: overrides))
    }
}
