import Foundation

extension Schedule {
    /// How far into an override shift to look for the mentors it covers for (the API's longest span).
    private static let coverageLookahead: TimeInterval = 92 * 86400

    /// One calendar event per shift, for the schedule's iCalendar feed.
    ///
    /// SUMMARY is "<schedule>: <mentor>", DESCRIPTION "Vagt i <schedule>", and for an override
    /// "Vagt i <schedule> (dækker for <mentors the layers had on call>)". Only names appear — never an
    /// override's note, who made it, or anything else about a person; a mentor missing from
    /// `mentorNames` is shown by id. The UID is "<schedule id>-<start, Unix seconds>-<mentor id>@mentorline",
    /// so the same shift keeps its UID across fetches as long as its start is not cut by the range asked
    /// for (`shifts(from:to:)` cuts the first shift at `from`).
    package func calendarEvents(shifts: [Shift], mentorNames: [MentorID: String]) -> [CalendarEvent] {
        func name(_ mentor: MentorID) -> String { mentorNames[mentor] ?? mentor.rawValue }
        return shifts.map { shift in
            var description = "Vagt i \(self.name)"
            switch shift.source {
            case .layer:
                break
            case .override:
                let covered = coveredMentors(by: shift)
                if !covered.isEmpty { description += " (dækker for \(covered.map(name).joined(separator: ", ")))" }
            }
            return CalendarEvent(
                uid: "\(id.rawValue)-\(Int(floor(shift.start.timeIntervalSince1970)))-\(shift.mentor.rawValue)@mentorline",
                start: shift.start, end: shift.end, summary: "\(self.name): \(name(shift.mentor))", description: description
            )
        }
    }

    /// The mentors the layers (without overrides) put on call during `shift`, other than its own
    /// mentor, in order of appearance.
    private func coveredMentors(by shift: Shift) -> [MentorID] {
        let end = min(shift.end, shift.start.addingTimeInterval(Self.coverageLookahead))
        var seen: Set<MentorID> = [shift.mentor]
        return shifts(from: shift.start, to: end).map(\.mentor).filter { seen.insert($0).inserted }
    }
}
