package import Foundation

/// Whether a mentor is at work at an instant: on call in a schedule, or inside an office-hours team's
/// working hours. A mentor in no schedule and no office-hours team is always on duty.
package enum Duty: Hashable, Sendable {
    case onDuty(because: String)
    case offDuty
}

extension Roster {
    /// Whether `mentor` is on duty at `instant`, with overrides of every schedule applied.
    ///
    /// - Parameter onCall: who each schedule has on call at `instant`, when already known (the
    ///   dispatcher works out a batch's on-call once, not once per candidate).
    package func duty(of mentor: MentorID, at instant: Date, overrides: [ScheduleOverride], onCall: [ScheduleID: Shift?]? = nil) -> Duty {
        var bound = false
        for schedule in schedules.values.sorted(by: { $0.id < $1.id }) where schedule.involves(mentor, overrides: overrides) {
            bound = true
            let shift = onCall?[schedule.id] ?? schedule.onCall(at: instant, overrides: overrides)
            if shift?.mentor == mentor { return .onDuty(because: "on call in \(schedule.name)") }
        }
        for team in teams.values.sorted(by: { $0.id < $1.id }) where team.members.contains(mentor) {
            guard let hours = team.workingHours else { continue }
            bound = true
            if hours.contains(instant) { return .onDuty(because: "inside \(team.name)'s working hours") }
        }
        return bound ? .offDuty : .onDuty(because: "not bound to a schedule or working hours")
    }

    /// When `mentor` next comes on duty after `instant`, looking no further than `within`.
    package func nextDutyStart(of mentor: MentorID, after instant: Date, within: Duration, overrides: [ScheduleOverride]) -> Date? {
        var starts: [Date] = []
        for schedule in schedules.values where schedule.involves(mentor, overrides: overrides) {
            if let shift = schedule.nextShift(of: mentor, after: instant, within: within, overrides: overrides) { starts.append(shift.start) }
        }
        for team in teams.values where team.members.contains(mentor) {
            if let opening = team.workingHours?.nextOpening(after: instant, within: within) { starts.append(opening) }
        }
        return starts.min()
    }

    /// The first instant after `instant` (within the bound) at which a target of `policy` comes on duty:
    /// a schedule's next shift or an office-hours team's next opening.
    package func nextOpening(of policy: EscalationPolicy, after instant: Date, within: Duration, overrides: [ScheduleOverride]) -> Date? {
        let limit = instant + within
        var starts: [Date] = []
        for target in policy.levels.flatMap(\.targets) {
            switch target {
            case .schedule(let id):
                guard let schedule = schedules[id] else { continue }
                if let next = schedule.shifts(from: instant, to: limit, overrides: overrides).first(where: { $0.start > instant }) {
                    starts.append(next.start)
                }
            case .team(let id):
                if let opening = teams[id]?.workingHours?.nextOpening(after: instant, within: within) { starts.append(opening) }
            case .mentor:
                continue
            }
        }
        return starts.min()
    }
}

extension Roster {
    /// Who every schedule has on call at `instant`: worked out once per dispatch batch.
    package func onCall(at instant: Date, overrides: [ScheduleOverride]) -> [ScheduleID: Shift?] {
        schedules.mapValues { $0.onCall(at: instant, overrides: overrides) }
    }
}

extension Schedule {
    /// Whether `mentor` takes turns in this schedule (in a layer or by an override of it).
    func involves(_ mentor: MentorID, overrides: [ScheduleOverride]) -> Bool {
        layers.contains { $0.mentors.contains(mentor) } || overrides.contains { $0.schedule == id && $0.mentor == mentor }
    }
}
