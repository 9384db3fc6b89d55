package import Foundation

/// Whether a mentor is at work at an instant: on call in a schedule (by a layer or an override), or
/// inside an office-hours team's working hours. A mentor in no schedule layer and no office-hours team
/// is always on duty; an override only ever adds on-call time.
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
            if schedule.layers.contains(where: { $0.mentors.contains(mentor) }) { bound = true }
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

    /// The first instant after `instant` (within the bound) at which a target of `policy` comes on duty
    /// (a schedule's next shift or an office-hours team's next opening), and the level that names it.
    package func nextOpening(
        of policy: EscalationPolicy, after instant: Date, within: Duration, overrides: [ScheduleOverride]
    ) -> (at: Date, level: Int)? {
        let limit = instant + within
        var best: (at: Date, level: Int)?
        for (index, level) in policy.levels.enumerated() {
            for target in level.targets {
                var start: Date?
                switch target {
                case .schedule(let id):
                    start = schedules[id]?.shifts(from: instant, to: limit, overrides: overrides).first { $0.start > instant }?.start
                case .team(let id):
                    start = teams[id]?.workingHours?.nextOpening(after: instant, within: within)
                case .mentor:
                    start = nil
                }
                if let start, best.map({ start < $0.at }) ?? true { best = (start, index) }
            }
        }
        return best
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
