import Foundation
@testable import MentorlineCore
import MentorlineConfig

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
            endpoints: RecipientEndpoints(byKind: [.mentor: EndpointID("mentors"), .ops: EndpointID("ops")], fallback: EndpointID("mentors")),
            texts: shippedTexts, letters: .standard(timeZone: copenhagen)
        )
    }

    /// The templates shipped in `Config/templates/`.
    static let shippedTexts: MessageTemplates = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        do {
            return try MessageTemplates.load(
                directory: root.appendingPathComponent("Config/templates"), displayPath: "templates", fallbackLanguage: .danish, limits: { _ in nil }
            )
        } catch {
            fatalError("the shipped templates do not load: \(error)")
        }
    }()
}

// MARK: - Routing and planner helpers

extension Fixtures {
    /// Wednesday 2026-01-07 10:00 in Copenhagen: amira is on call (her week began Monday 08:00).
    static let wednesdayMorning = at("2026-01-07", "10:00")

    /// A valid CVR (modulus-11 check digit).
    static let cvr = CVR("12345674")!

    static let desk = TeamID("desk")
    static let oncall = ScheduleID("oncall")
    static let standard = PolicyID("standard")
    static let everything = RouteID("everything")

    static func id(_ mentor: String) -> MentorID { MentorID(mentor) }

    static func level(
        _ targets: [EscalationTarget], timeout: Int = 600, urgentTimeout: Int? = nil, strategy: OfferStrategy = .sequential
    ) -> EscalationLevel {
        EscalationLevel(
            targets: targets, acknowledgementTimeout: .seconds(timeout), urgentAcknowledgementTimeout: urgentTimeout.map { .seconds($0) },
            strategy: strategy
        )
    }

    /// Office hours in Copenhagen: `days` from `from` to `to`.
    static func officeHours(_ days: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday], from: String = "08:00", to: String = "16:00") -> WorkingHours {
        WorkingHours(timeZone: copenhagen, windows: [WeeklyWindow(days: days, from: WallClockTime(from)!, to: WallClockTime(to)!)])
    }

    /// A one-layer schedule in Copenhagen.
    static func schedule(
        _ id: String, name: String, mentors: [String], rotation: Rotation = .daily, handoff: String = "08:00", start: String = "2026-01-05"
    ) -> Schedule {
        Schedule(
            id: ScheduleID(id), name: name, timeZone: copenhagen,
            layers: [ScheduleLayer(mentors: mentors.map(MentorID.init), rotation: rotation, handoff: WallClockTime(handoff)!, start: LocalDate(start)!)]
        )
    }

    /// The standard route and policy of ``roster(mentors:rotation:levels:rounds:)``, with extra teams,
    /// schedules, policies and routing rules.
    static func roster(
        mentors: [Mentor]? = nil, levels: [EscalationLevel]? = nil, rounds: Int = 1, teams: [Team] = [], schedules: [Schedule] = [],
        policies: [EscalationPolicy] = [], rules: RoutingRules
    ) -> Roster {
        var roster = mentors.map { Fixtures.roster(mentors: $0, levels: levels, rounds: rounds) } ?? Fixtures.roster(levels: levels, rounds: rounds)
        for team in teams { roster.teams[team.id] = team }
        for schedule in schedules { roster.schedules[schedule.id] = schedule }
        for policy in policies { roster.policies[policy.id] = policy }
        roster.rules = rules
        return roster
    }

    static func situation(
        _ intake: CaseIntake = intake(), progress: RoutingProgress? = nil, declinedBy: Set<MentorID> = [], openTasks: [MentorID: Int] = [:],
        lastOfferedAt: [MentorID: Date] = [:], availability: [MentorID: Availability] = [:], contactPerson: MentorID? = nil,
        offeredBefore: Bool = false, now: Date = wednesdayMorning
    ) -> RoutingSituation {
        RoutingSituation(
            intake: intake, progress: progress, declinedBy: declinedBy, openTasks: openTasks, lastOfferedAt: lastOfferedAt,
            availability: availability, contactPerson: contactPerson, offeredBefore: offeredBefore, now: now
        )
    }

    static func progress(level: Int = 0, round: Int = 0, offered: [String] = [], policy: PolicyID = standard) -> RoutingProgress {
        RoutingProgress(route: everything, policy: policy, level: level, round: round, offeredAtLevel: offered.map(MentorID.init))
    }

    static let caseID = CaseID("case_1")

    static func snapshot(
        _ intake: CaseIntake = intake(), state: CaseState = .received, progress: RoutingProgress? = nil, declinedBy: Set<MentorID> = [],
        openOffers: [MentorTask] = [], offeredBefore: Bool = false, contactPerson: MentorID? = nil, promisedBy: Date? = nil,
        receivedAt: Date = wednesdayMorning
    ) -> CaseSnapshot {
        CaseSnapshot(
            id: caseID, state: state, receivedAt: receivedAt, intake: intake, progress: progress, declinedBy: declinedBy, openOffers: openOffers,
            offeredBefore: offeredBefore, contactPerson: contactPerson, promisedBy: promisedBy
        )
    }

    static func task(
        _ id: String, mentor: String, state: TaskState = .offered, purpose: TaskPurpose = .offer, level: Int = 0, round: Int = 0,
        offeredAt: Date = wednesdayMorning, deadline: Date? = nil
    ) -> MentorTask {
        MentorTask(
            id: TaskID(id), caseID: caseID, mentor: MentorID(mentor), state: state, purpose: purpose, level: level, round: round,
            offeredAt: offeredAt, deadline: deadline ?? offeredAt.addingTimeInterval(600)
        )
    }

    /// Mentors and ops as in ``notifications(_:)``, plus letter gateways for the given caller kinds.
    static func notifications(
        _ roster: Roster, callers: [CallerKind: String], mentorOverrides: [MentorID: EndpointID] = [:], letters: LetterRules? = nil
    ) -> Notifications {
        var byKind: [RecipientKind: EndpointID] = [.mentor: EndpointID("mentors"), .ops: EndpointID("ops")]
        for (kind, endpoint) in callers { byKind[RecipientKind(kind)] = EndpointID(endpoint) }
        return Notifications(
            publicURL: "http://127.0.0.1:8080", timeZone: copenhagen, topics: roster.topics,
            endpoints: RecipientEndpoints(byKind: byKind, mentorOverrides: mentorOverrides, fallback: EndpointID("mentors")),
            texts: shippedTexts, letters: letters ?? .standard(timeZone: copenhagen)
        )
    }

    /// Task ids `task_1`, `task_2`, … in the order a planner asks for them.
    static func taskIDs() -> () -> TaskID {
        var next = 0
        return {
            next += 1
            return TaskID("task_\(next)")
        }
    }
}
