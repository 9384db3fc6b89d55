package import Foundation

/// An on-call schedule: who is on call at any instant, computed from rotation layers in the
/// schedule's own time zone, so a 08:00 handoff is 08:00 on both sides of a DST change.
package struct Schedule: Hashable, Sendable {
    package var id: ScheduleID
    package var name: String
    package var timeZone: TimeZone
    /// Later layers win where they cover; overrides win over every layer.
    package var layers: [ScheduleLayer]

    package init(id: ScheduleID, name: String, timeZone: TimeZone, layers: [ScheduleLayer]) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.layers = layers
    }
}

/// A rotation through an ordered list of mentors, handing off at a wall-clock time.
package struct ScheduleLayer: Hashable, Sendable {
    /// Shown in shift lists and feeds; defaults to "layer N".
    package var name: String?
    package var mentors: [MentorID]
    package var rotation: Rotation
    package var handoff: WallClockTime
    /// The first turn begins at `handoff` on this date; before it the layer covers nothing.
    package var start: LocalDate
    /// When non-empty the layer covers only inside these windows; the rotation keeps turning outside
    /// them (a restriction cuts shifts, it does not pause the rotation).
    package var restrictions: [WeeklyWindow]

    package init(
        name: String? = nil, mentors: [MentorID], rotation: Rotation, handoff: WallClockTime, start: LocalDate, restrictions: [WeeklyWindow] = []
    ) {
        self.name = name
        self.mentors = mentors
        self.rotation = rotation
        self.handoff = handoff
        self.start = start
        self.restrictions = restrictions
    }
}
