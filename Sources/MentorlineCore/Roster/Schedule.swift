package import Foundation

/// An on-call schedule: who is on call at any instant, computed from rotation layers in the
/// schedule's own time zone, so a 08:00 handoff is 08:00 on both sides of a DST change.
package struct Schedule: Hashable, Sendable {
    package var id: ScheduleID
    package var name: String
    package var timeZone: TimeZone
    /// Later layers win where they cover.
    package var layers: [ScheduleLayer]

    package init(id: ScheduleID, name: String, timeZone: TimeZone, layers: [ScheduleLayer]) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.layers = layers
    }

    /// The mentor on call at `instant`, or nil when no layer covers it.
    package func onCall(at instant: Date) -> MentorID? {
        let local = LocalDateTime(instant, in: timeZone)
        for layer in layers.reversed() {
            if let mentor = layer.onCall(at: local) { return mentor }
        }
        return nil
    }
}

/// A rotation through an ordered list of mentors, handing off at a wall-clock time.
package struct ScheduleLayer: Hashable, Sendable {
    package var mentors: [MentorID]
    package var rotation: Rotation
    package var handoff: WallClockTime
    /// The first shift begins at `handoff` on this date.
    package var start: LocalDate

    package init(mentors: [MentorID], rotation: Rotation, handoff: WallClockTime, start: LocalDate) {
        self.mentors = mentors
        self.rotation = rotation
        self.handoff = handoff
        self.start = start
    }

    /// The mentor whose shift covers the wall-clock reading `local`.
    package func onCall(at local: LocalDateTime) -> MentorID? {
        guard !mentors.isEmpty else { return nil }
        var shiftDay = local.date
        if local.secondsIntoDay < handoff.secondsSinceMidnight { shiftDay = shiftDay.adding(days: -1) }
        let daysSinceStart = shiftDay.dayNumber - start.dayNumber
        guard daysSinceStart >= 0 else { return nil }
        let shiftIndex = daysSinceStart / rotation.days
        return mentors[shiftIndex % mentors.count]
    }
}

/// How long each mentor's turn lasts, in calendar days (a day is 23 or 25 hours across a DST change).
package struct Rotation: Hashable, Sendable {
    package var days: Int

    package init?(days: Int) {
        guard days >= 1 else { return nil }
        self.days = days
    }

    package static let daily = Rotation(days: 1)!
    package static let weekly = Rotation(days: 7)!
}
