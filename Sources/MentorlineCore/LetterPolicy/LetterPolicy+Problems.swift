extension LetterPolicy {
    /// `problems()` reports closed dates that leave this many days in a row, or more, without an allowed instant.
    package static let closedStretchLimit = 14

    /// Mistakes in the policy, for people, or none. Checks that the daily window, weekly windows and quiet
    /// spans leave some time in the week; that no weekly window is without weekdays; that `customDays`
    /// names only days closed by custom; and that no closed date is part of a run of `closedStretchLimit`
    /// or more days without an allowed instant (counting the holidays and closed weekdays around it).
    /// Empty daily windows and quiet spans from a time to itself cannot be built, so they need no check.
    package func problems() -> [String] {
        var problems: [String] = []
        for (index, window) in allowedWeekly.enumerated() where window.days.isEmpty {
            problems.append("allowed weekly window \(index + 1) (\(window.from)–\(window.to)) has no weekdays")
        }
        for holiday in holidays.customDays.sorted(by: { $0.rawValue < $1.rawValue }) where !holiday.isClosedByCustom {
            problems.append("\(holiday.rawValue) is a public holiday, always observed; only days closed by custom can be switched")
        }
        // The time rules depend on the weekday alone, so one week stands for all of them (1970-01-05 is a Monday).
        let week = (0..<7).map { LocalDate(dayNumber: 4).adding(days: $0) }
        guard week.contains(where: { !openReadings(on: $0).isEmpty }) else {
            problems.append("letters are never allowed: the daily window, weekly windows and quiet periods leave no time in the week")
            return problems
        }
        var coveredThrough: LocalDate?
        for date in closedDates.sorted() where coveredThrough.map({ date > $0 }) ?? true {
            // Ends: the week has open time, and closed dates and holidays are finitely many.
            var first = date
            var last = date
            while allowedReadings(on: first.adding(days: -1)).isEmpty { first = first.adding(days: -1) }
            while allowedReadings(on: last.adding(days: 1)).isEmpty { last = last.adding(days: 1) }
            coveredThrough = last
            let days = last.dayNumber - first.dayNumber + 1
            if days >= Self.closedStretchLimit {
                problems.append("no letters can go out from \(first) to \(last) (\(days) days): too many closed dates")
            }
        }
        return problems
    }
}
