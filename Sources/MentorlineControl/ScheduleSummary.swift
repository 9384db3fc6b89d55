package import Foundation

/// One schedule as `GET /v1/schedules` lists it, with who is on call now.
package struct ScheduleSummary: Codable, Sendable, Hashable {
    package var id: String
    package var name: String
    package var timeZone: String
    package var layers: Int
    package var onCall: ShiftInfo?

    enum CodingKeys: String, CodingKey {
        case id, name, layers
        case timeZone = "time_zone"
        case onCall = "on_call"
    }

    /// The schedule's time zone; times of its shifts are read and printed in it. UTC if the daemon
    /// names a zone this machine does not know.
    package var zone: TimeZone { TimeZone(identifier: timeZone) ?? .gmt }
}

/// The body of `GET /v1/schedules`.
struct ScheduleList: Decodable {
    var schedules: [ScheduleSummary]
}

/// The body of `GET /v1/schedules/{id}/oncall`.
struct OnCallAnswer: Decodable {
    var schedule: String
    var at: Date
    var onCall: ShiftInfo?

    enum CodingKeys: String, CodingKey {
        case schedule, at
        case onCall = "on_call"
    }
}
