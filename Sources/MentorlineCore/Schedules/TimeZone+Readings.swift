import Foundation

// Wall-clock arithmetic shared by the schedule timeline and working hours. A "reading" is what a wall
// clock in the zone shows, counted in seconds since 1970-01-01 00:00 on that clock; it is what
// `LocalDateTime(_:in:)` computes, as one number.

extension TimeZone {
    /// The wall-clock reading of `instant`, in local seconds (agrees with `LocalDateTime(instant, in:)`).
    func reading(of instant: Date) -> Int {
        Int(floor(instant.timeIntervalSince1970)) + secondsFromGMT(for: instant)
    }

    func offset(atSecond second: Int) -> Int {
        secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(second)))
    }

    /// The first whole second in `(second, limit]` at which the UTC offset differs from the offset at
    /// `second`, or nil when the offsets at both ends agree. Zones change offset at most a few times a
    /// year, and the callers ask about spans of at most a week, so one change is assumed per span.
    func firstOffsetChange(after second: Int, through limit: Int) -> Int? {
        let offset = offset(atSecond: second)
        guard limit > second, self.offset(atSecond: limit) != offset else { return nil }
        var low = second
        var high = limit
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if self.offset(atSecond: middle) == offset { low = middle } else { high = middle }
        }
        return high
    }
}

extension LocalDateTime {
    /// A reading given in local seconds since 1970-01-01 00:00.
    init(localSeconds: Int) {
        let days = localSeconds.flooredDivision(by: 86400)
        self.init(date: LocalDate(dayNumber: days), secondsIntoDay: localSeconds - days * 86400)
    }

    var localSeconds: Int { date.dayNumber * 86400 + secondsIntoDay }
}

extension Int {
    /// Division rounding towards minus infinity (`-1 / 7 == -1`), for counting turns and weeks before an origin.
    func flooredDivision(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// The remainder that goes with `flooredDivision(by:)`: in `0..<divisor` for a positive divisor.
    func flooredModulo(_ divisor: Int) -> Int {
        self - flooredDivision(by: divisor) * divisor
    }
}
