import Foundation
@testable import MentorlineCore

/// A small roster: two mentors on a weekly rotation, a business desk team, one policy, a catch-all.
enum Fixtures {
    static let copenhagen = TimeZone(identifier: "Europe/Copenhagen")!

    static func mentor(_ id: String, topics: [String] = ["placement"], languages: [String] = ["da"], capacity: Int = 3) -> Mentor {
        Mentor(
            id: MentorID(id), name: id.capitalized, topics: Set(topics.map(TopicID.init)),
            languages: Set(languages.compactMap(LanguageCode.init)), capacity: capacity
        )
    }

    static func roster(
        mentors: [Mentor] = [mentor("amira", languages: ["da", "ar"]), mentor("jonas"), mentor("mette", topics: ["rules"]), mentor("oksana", languages: ["uk", "da"])],
        rotation: [String] = ["amira", "jonas"],
        levels: [EscalationLevel]? = nil,
        rounds: Int = 1
    ) -> Roster {
        let schedule = Schedule(
            id: ScheduleID("oncall"), name: "Mentorvagten", timeZone: copenhagen,
            layers: [ScheduleLayer(mentors: rotation.map(MentorID.init), rotation: .weekly, handoff: WallClockTime("08:00")!, start: LocalDate("2026-01-05")!)]
        )
        let desk = Team(id: TeamID("desk"), name: "Virksomhedsservice", members: [MentorID("mette"), MentorID("oksana")])
        let policy = EscalationPolicy(
            id: PolicyID("standard"),
            levels: levels ?? [
                EscalationLevel(targets: [.schedule(schedule.id)], acknowledgementTimeout: .seconds(600)),
                EscalationLevel(targets: [.team(desk.id)], acknowledgementTimeout: .seconds(900)),
            ],
            rounds: rounds
        )
        return Roster(
            topics: [TopicID("placement"): Topic(id: TopicID("placement"), label: "praktik"), TopicID("rules"): Topic(id: TopicID("rules"), label: "regler")],
            mentors: Dictionary(uniqueKeysWithValues: mentors.map { ($0.id, $0) }),
            teams: [desk.id: desk], schedules: [schedule.id: schedule], policies: [policy.id: policy],
            routes: [RouteRule(id: RouteID("everything"), match: .any, policy: policy.id)]
        )
    }

    static func intake(kind: CallerKind = .company, topics: [String] = ["placement"], language: String = "da", urgency: Urgency = .routine) -> CaseIntake {
        CaseIntake(
            caller: Caller(kind: kind, name: "Lone Sørensen", phone: "+45 20 30 40 50", organisation: "Bager Hansen ApS"),
            topics: topics.map(TopicID.init), language: LanguageCode(language)!, urgency: urgency
        )
    }

    /// Wall-clock time in Copenhagen.
    static func at(_ date: String, _ time: String) -> Date {
        let wall = WallClockTime(time)!
        return LocalDateTime(date: LocalDate(date)!, secondsIntoDay: wall.secondsSinceMidnight).instant(in: copenhagen)
    }

    static func notifications(_ roster: Roster) -> Notifications {
        Notifications(
            publicURL: "http://127.0.0.1:8080", timeZone: copenhagen, topics: roster.topics,
            endpoints: RecipientEndpoints(byKind: [.mentor: EndpointID("mentors"), .ops: EndpointID("ops")], fallback: EndpointID("mentors"))
        )
    }
}
