package import Foundation

// INTERIM (replaced by the helper's implementation before commit): days-only, no restrictions.
extension Schedule {
    /// The shift covering `instant` (start ≤ instant < end), after layers, restrictions and overrides.
    package func onCall(at instant: Date, overrides: [ScheduleOverride] = []) -> Shift? {
        if let o = overrides.last(where: { $0.schedule == id && $0.start <= instant && instant < $0.end }) {
            return Shift(mentor: o.mentor, start: o.start, end: o.end, source: .override(o.id))
        }
        let local = LocalDateTime(instant, in: timeZone)
        for (index, layer) in layers.enumerated().reversed() {
            guard !layer.mentors.isEmpty else { continue }
            var shiftDay = local.date
            if local.secondsIntoDay < layer.handoff.secondsSinceMidnight { shiftDay = shiftDay.adding(days: -1) }
            let days: Int
            switch layer.rotation { case .days(let n): days = n; case .hours: days = 1 }
            let since = shiftDay.dayNumber - layer.start.dayNumber
            guard since >= 0 else { continue }
            let turn = since / days
            let startDay = layer.start.adding(days: turn * days)
            let s = LocalDateTime(date: startDay, secondsIntoDay: layer.handoff.secondsSinceMidnight).instant(in: timeZone)
            let e = LocalDateTime(date: startDay.adding(days: days), secondsIntoDay: layer.handoff.secondsSinceMidnight).instant(in: timeZone)
            return Shift(mentor: layer.mentors[turn % layer.mentors.count], start: s, end: e, source: .layer(index))
        }
        return nil
    }

    /// The final timeline between `from` and `to`: sorted, non-overlapping, clipped to [from, to).
    package func shifts(from: Date, to: Date, overrides: [ScheduleOverride] = []) -> [Shift] {
        var result: [Shift] = []
        var cursor = from
        while cursor < to {
            if let shift = onCall(at: cursor, overrides: overrides) {
                result.append(Shift(mentor: shift.mentor, start: max(shift.start, from), end: min(shift.end, to), source: shift.source))
                cursor = shift.end
            } else {
                cursor += 900
            }
        }
        return result
    }

    /// The first shift of `mentor` that starts after `instant`, looking no further than `within`.
    package func nextShift(of mentor: MentorID, after instant: Date, within: Duration, overrides: [ScheduleOverride] = []) -> Shift? {
        let limit = instant.addingTimeInterval(TimeInterval(within.components.seconds))
        return shifts(from: instant, to: limit, overrides: overrides).first { $0.mentor == mentor && $0.start > instant }
    }
}

extension WeeklyWindow {
    /// Whether the wall-clock reading falls inside the window.
    package func contains(_ local: LocalDateTime) -> Bool {
        let t = local.secondsIntoDay, f = from.secondsSinceMidnight, e = to.secondsSinceMidnight
        if f == e { return days.contains(Weekday(local.date)) }
        if f < e { return days.contains(Weekday(local.date)) && t >= f && t < e }
        return (days.contains(Weekday(local.date)) && t >= f) || (days.contains(Weekday(local.date.adding(days: -1))) && t < e)
    }
}
