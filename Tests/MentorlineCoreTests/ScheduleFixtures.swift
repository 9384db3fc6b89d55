import Foundation
@testable import MentorlineCore

/// Builders for schedule, timeline, working-hours and calendar tests (all in Copenhagen).
enum ScheduleFixtures {
    static let copenhagen = Fixtures.copenhagen

    /// Wall-clock time in Copenhagen.
    static func at(_ date: String, _ time: String) -> Date { Fixtures.at(date, time) }

    static let weekdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
    static let everyDay = Set(Weekday.allCases)
    /// Long ago; overrides are ordered by `createdAt`, so tests count from here.
    static let epoch = Date(timeIntervalSince1970: 1_700_000_000)

    static func mentors(_ ids: [String]) -> [MentorID] { ids.map(MentorID.init) }

    static func layer(
        _ mentors: [String], _ rotation: Rotation, handoff: String = "08:00", start: String, restrictions: [WeeklyWindow] = []
    ) -> ScheduleLayer {
        ScheduleLayer(
            mentors: Self.mentors(mentors), rotation: rotation, handoff: WallClockTime(handoff)!, start: LocalDate(start)!, restrictions: restrictions
        )
    }

    static func schedule(_ layers: ScheduleLayer..., id: String = "s", name: String = "S") -> Schedule {
        Schedule(id: ScheduleID(id), name: name, timeZone: copenhagen, layers: layers)
    }

    static func window(_ days: Set<Weekday>, _ from: String, _ to: String) -> WeeklyWindow {
        WeeklyWindow(days: days, from: WallClockTime(from)!, to: WallClockTime(to)!)
    }

    /// An override made `created` seconds after `epoch` (later ones win).
    static func override(
        _ id: String, _ mentor: String, from: Date, to: Date, replacing: String? = nil, created: TimeInterval = 0, schedule: String = "s",
        note: String? = nil
    ) -> ScheduleOverride {
        ScheduleOverride(
            id: OverrideID(id), schedule: ScheduleID(schedule), mentor: MentorID(mentor), start: from, end: to,
            replacing: replacing.map(MentorID.init), note: note, createdAt: epoch.addingTimeInterval(created), createdBy: "admin:test"
        )
    }

    /// A UTC instant written `2026-03-29T01:00:00Z`.
    static func utc(_ text: String) -> Date {
        let parts = text.dropLast().split(separator: "T")
        let clock = parts[1].split(separator: ":").map { Int($0)! }
        return Date(timeIntervalSince1970: TimeInterval(LocalDate(String(parts[0]))!.dayNumber * 86400 + clock[0] * 3600 + clock[1] * 60 + clock[2]))
    }

    static let hour: TimeInterval = 3600
}
