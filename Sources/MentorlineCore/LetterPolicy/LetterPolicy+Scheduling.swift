package import Foundation

// Searching for allowed instants. Each local date's allowed readings are worked out as ranges of the
// day (`allowedReadings`), then turned into ranges of instants (`allowedInstants`); the searches walk
// dates one at a time. Readings are assumed never to turn back across midnight (true of Europe/Copenhagen),
// so allowed instants of a later date come after those of an earlier one.

extension LetterPolicy {
    /// How many dates past the first one `nextAllowed` and `latestAllowed` look at before giving up.
    package static let searchHorizonDays = 400

    /// The first allowed instant at or after `instant`, and why `instant` itself was held. When
    /// `instant` is allowed the answer is `instant` with no reason. Otherwise it is the exact start of
    /// the next allowed interval: Monday 08:00 on the wall clock, or the moment clocks jump to 03:00 when
    /// an interval starts in the hour skipped by spring-forward.
    ///
    /// Nil when nothing is allowed on the date of `instant` or the `searchHorizonDays` dates after it.
    package func nextAllowed(atOrAfter instant: Date) -> LetterSchedule? {
        let local = LocalDateTime(instant, in: timeZone)
        guard let reason = holdReason(at: local) else { return LetterSchedule(at: instant, heldBy: nil) }
        let second = Int(floor(instant.timeIntervalSince1970))
        for day in 0...Self.searchHorizonDays {
            // `instant` is held, so an interval that has begun by then has ended too.
            if let next = allowedInstants(on: local.date.adding(days: day)).first(where: { $0.lowerBound > second }) {
                return LetterSchedule(at: Date(timeIntervalSince1970: TimeInterval(next.lowerBound)), heldBy: reason)
            }
        }
        return nil
    }

    /// The latest allowed instant `t` with `earliest <= t <= deadline`, for reminders that may move
    /// earlier but never later. When `deadline` is allowed the answer is `deadline`.
    ///
    /// Otherwise, since windows exclude their end, the latest allowed instant has no exact value: the
    /// answer is one minute before the end of the last allowed interval that ends at or before
    /// `deadline` (Friday 11:59 for a quiet period from Friday 12:00), but never before that interval's
    /// start nor before `earliest`. Nil when `earliest` is after `deadline`, when no allowed instant lies
    /// between them, or when none is found on the date of `deadline` or the `searchHorizonDays` dates before it.
    package func latestAllowed(atOrBefore deadline: Date, notBefore earliest: Date) -> Date? {
        guard earliest <= deadline else { return nil }
        let local = LocalDateTime(deadline, in: timeZone)
        guard holdReason(at: local) != nil else { return deadline }
        let second = Int(floor(deadline.timeIntervalSince1970))
        let firstDate = LocalDateTime(earliest, in: timeZone).date
        for day in 0...Self.searchHorizonDays {
            let date = local.date.adding(days: -day)
            guard date >= firstDate else { break }
            // `deadline` is held, so an interval that has begun by then has ended too.
            guard let last = allowedInstants(on: date).last(where: { $0.lowerBound <= second }) else { continue }
            let end = TimeInterval(last.upperBound)
            guard end > earliest.timeIntervalSince1970 else { return nil }
            return Date(timeIntervalSince1970: max(end - 60, TimeInterval(last.lowerBound), earliest.timeIntervalSince1970))
        }
        return nil
    }

    /// The allowed instants whose reading falls on `date`, as sorted, disjoint ranges of whole seconds since 1970.
    func allowedInstants(on date: LocalDate) -> [Range<Int>] {
        let midnight = date.dayNumber * 86400
        return allowedReadings(on: date)
            .flatMap { timeZone.instantRanges(readingIn: (midnight + $0.lowerBound)..<(midnight + $0.upperBound)) }
            .coalesced()
    }

    /// The allowed readings on `date`, as sorted, disjoint ranges of seconds into the day.
    func allowedReadings(on date: LocalDate) -> [Range<Int>] {
        holdReason(on: date) == nil ? openReadings(on: date) : []
    }

    /// The readings on `date` that the time-of-day and weekly rules allow, ignoring holidays and closed
    /// dates, as sorted, disjoint ranges of seconds into the day.
    func openReadings(on date: LocalDate) -> [Range<Int>] {
        // Every rule changes its answer only at one of these times of day, so the start of each piece
        // between them decides the whole piece.
        var cuts: Set<Int> = [0, 86400]
        if let dailyWindow { cuts.formUnion([dailyWindow.from.secondsSinceMidnight, dailyWindow.to.secondsSinceMidnight]) }
        for window in allowedWeekly { cuts.formUnion([window.from.secondsSinceMidnight, window.to.secondsSinceMidnight]) }
        for span in quietSpans { cuts.formUnion([span.from.time.secondsSinceMidnight, span.to.time.secondsSinceMidnight]) }
        let sorted = cuts.sorted()
        return zip(sorted, sorted.dropFirst())
            .filter { start, _ in timeHoldReason(at: LocalDateTime(date: date, secondsIntoDay: start)) == nil }
            .map { $0..<$1 }
            .coalesced()
    }
}
