package import Foundation
import MentorlineCore

/// `mentorctl cafe closure add|list|remove`: days a café is closed, added or removed at runtime (admin
/// token), and those from `cafe.yaml` (listed, not removable here).
package struct ClosureReport: Sendable {
    package var cafe: CafeInfo
    package var closures: [ClosureInfo]
    /// For `add`: the bookings the closure moved and cancelled.
    package var moved: [BookingInfo] = []
    package var cancelled: [BookingInfo] = []
    /// The daemon's answer, for `--json`.
    var body: [UInt8]

    /// `POST /v1/cafes/{id}/closures`: one `date`, or `from` through `to`, with a `reason`. The bookings
    /// it covers are moved to the earliest slot that fits or cancelled, each citizen told.
    package static func add(cafe id: String, date: String?, from: String?, to: String?, reason: String, client: DaemonClient) async throws -> ClosureReport {
        let body = try Self.draft(date: date, from: from, to: to, reason: reason)
        let cafe = try CafeInfo.find(id, in: try await client.get(["v1", "cafes"], as: CafeList.self).cafes)
        do {
            let (answer, raw) = try await client.postWithBody(["v1", "cafes", id, "closures"], json: body, as: ClosureAdded.self)
            return ClosureReport(cafe: cafe, closures: [answer.closure], moved: answer.moved, cancelled: answer.cancelled, body: raw)
        } catch let error as ControlError {
            throw error.refusal("Cannot close \(id)", slotHint: nil)
        }
    }

    /// `GET /v1/cafes/{id}/closures`: the closures not over yet, from `cafe.yaml` and runtime.
    package static func list(cafe id: String, client: DaemonClient) async throws -> ClosureReport {
        let cafe = try CafeInfo.find(id, in: try await client.get(["v1", "cafes"], as: CafeList.self).cafes)
        let (answer, raw) = try await client.getWithBody(["v1", "cafes", id, "closures"], as: ClosureList.self)
        return ClosureReport(cafe: cafe, closures: answer.closures.sorted { ($0.first, $0.last, $0.id ?? "") < ($1.first, $1.last, $1.id ?? "") }, body: raw)
    }

    /// `DELETE /v1/cafes/{id}/closures/{closure}`.
    package static func remove(cafe id: String, closure: String, client: DaemonClient) async throws -> String {
        do {
            try await client.delete(["v1", "cafes", id, "closures", closure])
        } catch let error as ControlError {
            throw error.refusal("Cannot remove closure \(closure)", slotHint: nil)
        }
        return "Removed closure \(closure) from \(id): its days are bookable again (bookings it moved or cancelled stay as they are)."
    }

    /// The request body, its dates checked here so that a typo is a usage error, not a round trip.
    static func draft(date: String?, from: String?, to: String?, reason: String) throws(ControlError) -> ClosureRequestBody {
        func checked(_ text: String, _ option: String) throws(ControlError) -> String {
            guard LocalDate(text) != nil else { throw ControlError(.usage, "\(option) must be a date such as 2026-12-01 (got \"\(text)\").") }
            return text
        }
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ControlError(.usage, "--reason is required: a few words citizens may read (\"vandskade\", \"sommerferie\").")
        }
        switch (date, from, to) {
        case (let date?, nil, nil):
            return ClosureRequestBody(date: try checked(date, "--date"), reason: reason)
        case (nil, let from?, let to?):
            let first = try checked(from, "--from"), last = try checked(to, "--to")
            guard LocalDate(last)! >= LocalDate(first)! else { throw ControlError(.usage, "--to (\(last)) must be on or after --from (\(first)).") }
            return ClosureRequestBody(from: first, to: last, reason: reason)
        default:
            throw ControlError(.usage, "Give either --date DATE or both --from DATE and --to DATE.")
        }
    }

    // MARK: Output

    package func rendered(_ format: OutputFormat, _ text: KeyPath<ClosureReport, String>) -> String {
        switch format {
        case .json: JSONOutput.passThrough(body)
        case .text: self[keyPath: text]
        }
    }

    var zone: TimeZone { TimeZone(identifier: cafe.timeZone) ?? .current }

    /// ```
    /// Closed huset on 2026-12-01 (vandskade): closure clo_01K….
    ///     moved bkg_01K… (case case_01K…) to 2026-12-08 13:00 (CET) with lise
    ///     cancelled bkg_01K… (case case_01K…): no other slot fitted; the case goes back to the mentors
    /// ```
    package var addedText: String {
        guard let closure = closures.first else { return "No closure was added." }
        var lines = ["Closed \(cafe.id) \(Self.days(closure)) (\(DaemonClient.clean(closure.reason))): closure \(closure.id ?? "?")."]
        lines += moved.map { "    moved \($0.id) (case \($0.caseId)) to \(TimeText.format($0.start, in: zone)) with \($0.volunteer)" }
        lines += cancelled.map { "    cancelled \($0.id) (case \($0.caseId)): no other slot fitted; the case goes back to the mentors" }
        if moved.isEmpty, cancelled.isEmpty { lines.append("No booking was in those days.") }
        return lines.joined(separator: "\n")
    }

    /// One line per closure, or a sentence saying there are none.
    package var listText: String {
        let name = "\(cafe.id) (\(DaemonClient.clean(cafe.name)))"
        guard !closures.isEmpty else { return "Café \(name) has no current or future closures." }
        return (["Closures of \(name), current and future:"] + closures.map { closure in
            var line = "    \(Self.range(closure))  \(DaemonClient.clean(closure.reason))"
            if let id = closure.id {
                line += "  \(id)"
                if let by = closure.createdBy { line += "  (by \(by)" + (closure.createdAt.map { ", \(TimeText.format($0, in: zone))" } ?? "") + ")" }
            } else {
                line += "  (cafe.yaml)"
            }
            return line
        }).joined(separator: "\n")
    }

    /// `on 2026-12-01` or `from 2026-12-28 to 2026-12-30`.
    static func days(_ closure: ClosureInfo) -> String {
        closure.first == closure.last ? "on \(closure.first)" : "from \(closure.first) to \(closure.last)"
    }

    /// `2026-12-01` or `2026-12-28 – 2026-12-30`, padded to one width.
    static func range(_ closure: ClosureInfo) -> String {
        let text = closure.first == closure.last ? closure.first : "\(closure.first) – \(closure.last)"
        return text + String(repeating: " ", count: max(0, 23 - text.count))
    }
}

/// A closure as the daemon shows it; `id`, `created_at` and `created_by` only for runtime closures.
package struct ClosureInfo: Codable, Sendable, Hashable {
    package var id: String?
    package var cafe: String
    package var first: String
    package var last: String
    package var reason: String
    package var createdAt: Date?
    package var createdBy: String?

    enum CodingKeys: String, CodingKey {
        case id, cafe, first, last, reason
        case createdAt = "created_at"
        case createdBy = "created_by"
    }
}

struct ClosureList: Decodable {
    var closures: [ClosureInfo]
}

/// The answer to `POST /v1/cafes/{id}/closures`.
struct ClosureAdded: Decodable {
    var closure: ClosureInfo
    var moved: [BookingInfo]
    var cancelled: [BookingInfo]
}

/// The body of `POST /v1/cafes/{id}/closures`.
struct ClosureRequestBody: Encodable {
    var date: String?
    var from: String?
    var to: String?
    var reason: String
}
