package import Foundation
import MentorlineCore

/// `mentorctl cafe book|cancel|reschedule`: one café booking made, cancelled or moved by staff, acting
/// for the citizen (intake or admin token). Times are printed on the café's wall clock.
package struct BookingReport: Sendable {
    package var booking: BookingInfo
    package var cafe: CafeInfo?
    /// The daemon's answer, for `--json`.
    var body: [UInt8]

    /// `POST /v1/cafes/{id}/bookings`: into the slot starting at `start` (with `volunteer`, if given),
    /// or without `start` the earliest that fits the case. Without `cafe` the daemon's only café.
    package static func book(caseID: String, cafe: String?, start: String?, volunteer: String?, client: DaemonClient) async throws -> BookingReport {
        if let start { try TimeText.checkSyntax(start, option: "--start") }
        let cafes = try await client.get(["v1", "cafes"], as: CafeList.self).cafes
        let info = try CafeInfo.find(cafe, in: cafes)
        let body = BookingRequestBody(caseId: caseID, start: start, volunteer: volunteer)
        do {
            let (answer, raw) = try await client.postWithBody(["v1", "cafes", info.id, "bookings"], json: body, as: BookingInfo.self)
            return BookingReport(booking: answer, cafe: info, body: raw)
        } catch let error as ControlError {
            throw error.refusal("Cannot book case \(caseID) into \(info.id)", slotHint: info.id)
        }
    }

    /// `POST /v1/bookings/{id}/cancel`: the volunteer is told, the slot is free again, the case resolved.
    package static func cancel(_ id: String, reason: String?, client: DaemonClient) async throws -> BookingReport {
        let answer: (BookingInfo, [UInt8])
        do {
            answer = try await client.postWithBody(["v1", "bookings", id, "cancel"], json: BookingRequestBody(reason: reason), as: BookingInfo.self)
        } catch let error as ControlError {
            throw error.refusal("Cannot cancel booking \(id)", slotHint: nil)
        }
        return BookingReport(booking: answer.0, cafe: try await Self.cafe(of: answer.0, client: client), body: answer.1)
    }

    /// `POST /v1/bookings/{id}/reschedule`: to the slot starting at `start` (with `volunteer`, if given),
    /// or without `start` the earliest later slot that fits the case.
    package static func reschedule(_ id: String, start: String?, volunteer: String?, reason: String?, client: DaemonClient) async throws -> BookingReport {
        if let start { try TimeText.checkSyntax(start, option: "--start") }
        let body = BookingRequestBody(start: start, volunteer: volunteer, reason: reason)
        let answer: (BookingInfo, [UInt8])
        do {
            answer = try await client.postWithBody(["v1", "bookings", id, "reschedule"], json: body, as: BookingInfo.self)
        } catch let error as ControlError {
            throw error.refusal("Cannot move booking \(id)", slotHint: nil)
        }
        return BookingReport(booking: answer.0, cafe: try await Self.cafe(of: answer.0, client: client), body: answer.1)
    }

    private static func cafe(of booking: BookingInfo, client: DaemonClient) async throws -> CafeInfo? {
        try await client.get(["v1", "cafes"], as: CafeList.self).cafes.first { $0.id == booking.cafe }
    }

    // MARK: Output

    package func rendered(_ format: OutputFormat, _ text: KeyPath<BookingReport, String>) -> String {
        switch format {
        case .json: JSONOutput.passThrough(body)
        case .text: self[keyPath: text]
        }
    }

    var zone: TimeZone { cafe.flatMap { TimeZone(identifier: $0.timeZone) } ?? .current }

    var place: String { cafe.map { "\(DaemonClient.clean($0.name)) (\($0.id))" } ?? booking.cafe }

    /// `Booked case case_01K… into Rådgivningscaféen (huset) on 2026-12-01 13:00 (CET) with lise: booking bkg_01K….`
    package var bookedText: String {
        "Booked case \(booking.caseId) into \(place) on \(TimeText.format(booking.start, in: zone)) with \(booking.volunteer): booking \(booking.id).\n"
            + "The citizen gets cafe.booked and a reminder (under the letter policy), the volunteer volunteer.booking."
    }

    /// `Cancelled booking bkg_… of case case_… (huset, 2026-12-01 13:00 (CET), lise): …`.
    package var cancelledText: String {
        "Cancelled booking \(booking.id) of case \(booking.caseId) (\(booking.cafe), \(TimeText.format(booking.start, in: zone)), \(booking.volunteer)): "
            + "the slot is free again, the volunteer is told and the case is resolved."
    }

    /// `Moved booking bkg_… of case case_… to 2026-12-08 13:00 (CET) with lise at Rådgivningscaféen (huset).`
    package var movedText: String {
        "Moved booking \(booking.id) of case \(booking.caseId) to \(TimeText.format(booking.start, in: zone)) with \(booking.volunteer) at \(place).\n"
            + "The citizen gets cafe.moved, the volunteers are told."
    }
}

/// A café booking as the daemon shows it (ids and times, never the citizen's name).
package struct BookingInfo: Codable, Sendable, Hashable {
    package var id: String
    package var caseId: String
    package var cafe: String
    package var volunteer: String
    package var start: Date
    package var end: Date
    package var state: String

    enum CodingKeys: String, CodingKey {
        case id, cafe, volunteer, start, end, state
        case caseId = "case_id"
    }
}

/// The body of the booking requests; absent fields are left out.
struct BookingRequestBody: Encodable {
    var caseId: String?
    var start: String?
    var volunteer: String?
    var reason: String?

    enum CodingKeys: String, CodingKey {
        case start, volunteer, reason
        case caseId = "case_id"
    }
}

extension CafeInfo {
    /// The café named `id`, or without one the daemon's only café; a usage error naming the cafés otherwise.
    static func find(_ id: String?, in cafes: [CafeInfo]) throws(ControlError) -> CafeInfo {
        let known = cafes.map(\.id).sorted().joined(separator: ", ")
        guard let id else {
            guard cafes.count == 1, let only = cafes.first else {
                throw ControlError(.usage, cafes.isEmpty ? "The daemon has no cafés (cafe.yaml)." : "Name the café with --cafe: \(known).")
            }
            return only
        }
        guard let cafe = cafes.first(where: { $0.id == id }) else {
            throw ControlError(.usage, "There is no café '\(id)'" + (cafes.isEmpty ? "; the daemon has no cafés (cafe.yaml)." : "; cafés: \(known)."))
        }
        return cafe
    }
}

extension ControlError {
    /// A refusal the daemon explained (404, 409, 422) as one sentence starting with `action`
    /// (`Cannot book case C-1 into huset: the slot is taken.`), a 404 as the daemon's own sentence
    /// (`There is no booking bkg_….`); other errors unchanged. When the slot asked for was taken, says
    /// where to find a free one (`cafe`: the café's id, if known).
    func refusal(_ action: String, slotHint cafe: String?) -> ControlError {
        guard case .refused(let status) = code, [404, 409, 422].contains(status), let detail, !detail.isEmpty else { return self }
        var sentence = detail
        while sentence.hasSuffix(".") { sentence.removeLast() }
        var line = status == 404 ? "\(sentence)." : "\(action): \(sentence)."
        if status == 409, detail.contains("slot is taken") {
            line += " Another booking holds it; `mentorctl cafe slots --cafe \(cafe ?? "ID")` shows the free slots, and leaving out --start takes the earliest that fits."
        }
        return ControlError(code, line, output: output, detail: detail)
    }
}
