package import Foundation

extension Cafe {
    /// The slots of the sessions on `date`, closures not considered. Each starts at a wall-clock time
    /// `from + n × slotLength` and ends within the session; its instants are computed from the wall
    /// clock in the café's zone, so a 10:00 slot is 09:00Z in winter and 08:00Z in summer. A slot whose
    /// start does not exist on the wall clock (a spring-forward gap) is left out.
    package func sessionSlots(on date: LocalDate) -> [CafeSlot] {
        let step = Int(slotLength.components.seconds)
        guard step > 0 else { return [] }
        var slots: [CafeSlot] = []
        for session in sessions(on: date) {
            var start = session.from.secondsSinceMidnight
            while start + step <= session.to.secondsSinceMidnight {
                let local = LocalDateTime(date: date, secondsIntoDay: start)
                let instant = local.instant(in: timeZone)
                if LocalDateTime(instant, in: timeZone) == local {
                    let end = LocalDateTime(date: date, secondsIntoDay: start + step).instant(in: timeZone)
                    let clock = WallClockTime(hour: start / 3600, minute: (start % 3600) / 60)!
                    slots.append(CafeSlot(cafe: id, start: instant, end: end, date: date, localStart: clock))
                }
                start += step
            }
        }
        return slots
    }

    /// The slots of open days that start in `from..<to`, in time order; `extra` are runtime closures.
    package func slots(from: Date, to: Date, closures extra: [CafeClosure] = []) -> [CafeSlot] {
        guard to > from else { return [] }
        var slots: [CafeSlot] = []
        var date = self.date(of: from)
        let last = self.date(of: to)
        while date <= last {
            if closure(on: date, extra: extra) == nil {
                slots += sessionSlots(on: date).filter { $0.start >= from && $0.start < to }
            }
            date = date.adding(days: 1)
        }
        return slots
    }

    /// The slot of this café that starts at `start` on an open day, if there is one.
    package func slot(startingAt start: Date, closures extra: [CafeClosure] = []) -> CafeSlot? {
        let date = self.date(of: start)
        guard closure(on: date, extra: extra) == nil else { return nil }
        return sessionSlots(on: date).first { $0.start == start }
    }
}
