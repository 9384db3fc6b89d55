package import Foundation

/// A runtime change to a schedule: `mentor` is on call from `start` to `end`, whatever the layers say
/// (a colleague covering a window, a sick day). When `replacing` is set, the override only applies
/// where the layers have that mentor on call. Made through the API or `mentorctl override`, kept in
/// the store and audited.
package struct ScheduleOverride: Hashable, Sendable, Codable {
    package var id: OverrideID
    package var schedule: ScheduleID
    package var mentor: MentorID
    package var start: Date
    package var end: Date
    package var replacing: MentorID?
    /// Why, in a few words ("sygdom", "bytter vagt"); never personal data about the mentor's health.
    package var note: String?
    package var createdAt: Date
    /// `admin:<token name>`.
    package var createdBy: String

    package init(
        id: OverrideID, schedule: ScheduleID, mentor: MentorID, start: Date, end: Date, replacing: MentorID? = nil, note: String? = nil,
        createdAt: Date, createdBy: String
    ) {
        self.id = id
        self.schedule = schedule
        self.mentor = mentor
        self.start = start
        self.end = end
        self.replacing = replacing
        self.note = note
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}
