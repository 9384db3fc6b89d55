import Foundation
import MentorlineCore

/// A shift as the API shows it: who, when, and what put them on call.
struct ShiftView: Encodable {
    var mentor: MentorID
    var name: String
    var start: Date
    /// Nil when nothing ever changes again (one mentor, no restrictions, no override ahead).
    var end: Date?
    /// `layer` or `override`.
    var source: String
    var layer: Int?
    var layerName: String?
    var override: OverrideID?

    init(_ shift: Shift, schedule: Schedule, roster: Roster) {
        mentor = shift.mentor
        name = roster.mentors[shift.mentor]?.name ?? shift.mentor.rawValue
        start = shift.start
        end = shift.end == .distantFuture ? nil : shift.end
        switch shift.source {
        case .layer(let index):
            source = "layer"
            layer = index + 1
            layerName = schedule.layers.indices.contains(index) ? schedule.layers[index].name : nil
        case .override(let id):
            source = "override"
            override = id
        }
    }
}

struct OverrideView: Encodable {
    var id: OverrideID
    var schedule: ScheduleID
    var mentor: MentorID
    var start: Date
    var end: Date
    var replacing: MentorID?
    var note: String?
    var createdAt: Date
    var createdBy: String

    init(_ override: ScheduleOverride) {
        id = override.id
        schedule = override.schedule
        mentor = override.mentor
        start = override.start
        end = override.end
        replacing = override.replacing
        note = override.note
        createdAt = override.createdAt
        createdBy = override.createdBy
    }
}

/// The body of `POST /v1/schedules/{id}/overrides`.
struct OverrideRequest: Decodable {
    var mentor: String
    var start: String
    var end: String
    var replacing: String?
    var note: String?
}
