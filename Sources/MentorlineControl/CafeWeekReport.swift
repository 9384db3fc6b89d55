package import Foundation
import MentorlineCore

/// `mentorctl cafe slots --cafe ID [--week DATE]`: one week of a café's slots as a grid, a column per
/// day with sessions, a row per slot time; each volunteer staffing a slot is ○ free or ● booked.
package struct CafeWeekReport: Sendable {
    package var cafe: CafeInfo
    var monday: LocalDate
    package var slots: [SlotInfo]
    package var closed: [ClosedDayInfo]
    /// The daemon's answer, for `--json`.
    var body: [UInt8]

    /// `GET /v1/cafes` for the café's zone and name, then `GET /v1/cafes/{id}/slots` for the week
    /// (Monday to Monday, in the café's zone) that holds `week` (default: today there).
    package static func fetch(cafe id: String, week: String?, client: DaemonClient, now: Date) async throws -> CafeWeekReport {
        let cafes = try await client.get(["v1", "cafes"], as: CafeList.self).cafes
        guard let cafe = cafes.first(where: { $0.id == id }) else {
            throw ControlError(.usage, "There is no café '\(id)'" + (cafes.isEmpty ? "; the daemon has no cafés (cafe.yaml)." : "; cafés: \(cafes.map(\.id).joined(separator: ", "))."))
        }
        let zone = TimeZone(identifier: cafe.timeZone) ?? .current
        let day: LocalDate
        if let week {
            guard let date = LocalDate(week) else { throw ControlError(.usage, "--week takes a date such as 2026-11-30, not '\(week)'.") }
            day = date
        } else {
            day = LocalDateTime(now, in: zone).date
        }
        let monday = day.adding(days: 1 - day.isoWeekday)
        let (answer, body) = try await client.getWithBody(
            ["v1", "cafes", id, "slots"], query: [("from", monday.description), ("to", monday.adding(days: 7).description)], as: SlotList.self
        )
        return CafeWeekReport(cafe: cafe, monday: monday, slots: answer.slots, closed: answer.closed, body: body)
    }

    package func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .json: JSONOutput.passThrough(body)
        case .text: text
        }
    }

    /// ```
    /// Rådgivningscaféen i Borgerhuset (borgerhuset), week 2026-11-30 – 2026-12-06, Europe/Copenhagen
    ///          tue 12-01  thu 12-03
    /// 10:00    ·          ○○
    /// 13:00    ●○         ·
    /// ○ free  ● booked  · no session; a mark per volunteer staffing the slot.
    /// ```
    package var text: String {
        let days = (0..<7).map { monday.adding(days: $0) }.filter { date in slots.contains { $0.date == date.description } }
        var lines = ["\(cafe.name) (\(cafe.id)), week \(monday) – \(monday.adding(days: 6)), \(cafe.timeZone)"]
        guard !days.isEmpty else {
            lines.append("No slots this week.")
            lines += closed.map { "Closed \($0.date): \($0.reason)" }
            return lines.joined(separator: "\n")
        }
        let times = Set(slots.map(\.time)).sorted()
        let headers = days.map { day in "\(Weekday(day).abbreviation) \(day.description.dropFirst(5))" }
        let width = max(10, (slots.map { $0.volunteers.count }.max() ?? 0) + 2, headers.map(\.count).max() ?? 0) + 1
        func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(1, width - text.count)) }
        lines.append(pad("", 9) + headers.map { pad($0, width) }.joined().trimmingTrailing())
        var free = 0, booked = 0
        for time in times {
            var row = pad(time, 9)
            for day in days {
                guard let slot = slots.first(where: { $0.date == day.description && $0.time == time }) else {
                    row += pad("·", width)
                    continue
                }
                let marks = slot.volunteers.map { $0.status == "free" ? "○" : "●" }.joined()
                free += slot.volunteers.filter { $0.status == "free" }.count
                booked += slot.volunteers.filter { $0.status != "free" }.count
                row += pad(marks.isEmpty ? "–" : marks, width)
            }
            lines.append(row.trimmingTrailing())
        }
        lines.append("○ free  ● booked  · no session  – nobody staffing; one mark per volunteer. \(free) free, \(booked) booked.")
        lines += closed.map { "Closed \($0.date): \($0.reason)" }
        return lines.joined(separator: "\n")
    }
}

package struct CafeInfo: Decodable, Sendable {
    package var id: String
    package var name: String
    package var timeZone: String

    enum CodingKeys: String, CodingKey {
        case id, name
        case timeZone = "time_zone"
    }
}

struct CafeList: Decodable {
    var cafes: [CafeInfo]
}

package struct SlotInfo: Decodable, Sendable {
    package var start: Date
    package var date: String
    package var time: String
    package var volunteers: [SlotVolunteerInfo]
}

package struct SlotVolunteerInfo: Decodable, Sendable {
    package var volunteer: String
    package var status: String
}

package struct ClosedDayInfo: Decodable, Sendable {
    package var date: String
    package var reason: String
}

struct SlotList: Decodable {
    var slots: [SlotInfo]
    var closed: [ClosedDayInfo]
}

extension String {
    func trimmingTrailing() -> String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
