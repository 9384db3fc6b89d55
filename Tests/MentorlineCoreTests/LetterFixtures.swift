import Foundation
@testable import MentorlineCore

/// Builders for the letter-policy tests (all in Copenhagen).
enum LetterFixtures {
    static let copenhagen = TimeZone(identifier: "Europe/Copenhagen")!
    static let citizen = LetterPolicy.citizenDefault(timeZone: copenhagen)
    static let office = LetterPolicy.officeHours(timeZone: copenhagen)
    static let weekdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]

    /// An instant written as `InstantParsing` reads it: `2026-03-30T08:00+02:00`, `2026-03-29T01:00Z`, or
    /// `2026-01-09T12:00` on the wall clock in Copenhagen.
    static func at(_ text: String) -> Date {
        guard let instant = InstantParsing.parse(text, in: copenhagen) else { fatalError("bad instant \(text)") }
        return instant
    }

    static func date(_ text: String) -> LocalDate { LocalDate(text)! }

    static func reading(_ date: String, _ time: String) -> LocalDateTime {
        LocalDateTime(date: LocalDate(date)!, secondsIntoDay: WallClockTime(time)!.secondsSinceMidnight)
    }

    static func span(_ from: String, _ to: String) -> WeeklySpan { WeeklySpan(from: from, to: to)! }

    static func window(_ days: Set<Weekday>, _ from: String, _ to: String) -> WeeklyWindow {
        WeeklyWindow(days: days, from: WallClockTime(from)!, to: WallClockTime(to)!)
    }

    static func daily(_ from: String, _ to: String) -> DailyWindow { DailyWindow(from: WallClockTime(from)!, to: WallClockTime(to)!)! }

    /// The citizen policy with other holidays.
    static func citizen(holidays: HolidayCalendar, closedDates: Set<LocalDate> = []) -> LetterPolicy {
        var policy = citizen
        policy.holidays = holidays
        policy.closedDates = closedDates
        return policy
    }

    /// Easter Sunday by Gauss's algorithm with its two exceptions: an independent check on the
    /// Meeus/Jones/Butcher computus under test.
    static func gaussEaster(_ year: Int) -> LocalDate {
        let a = year % 19, b = year % 4, c = year % 7
        let k = year / 100, p = (13 + 8 * k) / 25, q = k / 4
        let m = (15 - p + k - q) % 30, n = (4 + k - q) % 7
        let d = (19 * a + m) % 30, e = (2 * b + 4 * c + 6 * d + n) % 7
        if d == 29, e == 6 { return LocalDate(year: year, month: 4, day: 19)! }
        if d == 28, e == 6, (11 * m + 11) % 30 < 19 { return LocalDate(year: year, month: 4, day: 18)! }
        return LocalDate(year: year, month: 3, day: 22)!.adding(days: d + e)
    }
}
