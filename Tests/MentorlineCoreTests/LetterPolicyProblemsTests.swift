import Foundation
import Testing
@testable import MentorlineCore

private typealias L = LetterFixtures

@Suite struct LetterPolicyProblemsTests {
    @Test func presetsHaveNoProblems() {
        #expect(L.citizen.problems().isEmpty)
        #expect(L.office.problems().isEmpty)
    }

    @Test func neverAllowed() {
        let policy = LetterPolicy(timeZone: L.copenhagen, dailyWindow: L.daily("08:00", "10:00"), allowedWeekly: [L.window([.saturday], "12:00", "16:00")])
        #expect(policy.problems() == ["letters are never allowed: the daily window, weekly windows and quiet periods leave no time in the week"])
        var quietAllWeek = L.citizen
        quietAllWeek.quietSpans = [L.span("mon 00:00", "mon 00:01"), L.span("mon 00:01", "mon 00:00")]
        #expect(quietAllWeek.problems().count == 1)
    }

    @Test func weeklyWindowWithoutDaysAndPublicHolidayAsCustomDay() {
        var policy = L.office
        policy.allowedWeekly.append(L.window([], "18:00", "20:00"))
        policy.holidays.customDays = [.christmasEve, .easterMonday]
        #expect(policy.problems() == [
            "allowed weekly window 2 (18:00–20:00) has no weekdays",
            "easter_monday is a public holiday, always observed; only days closed by custom can be switched",
        ])
    }

    /// Closed dates are reported when, with the holidays and closed weekdays around them, they leave 14
    /// days or more in a row without an allowed instant. 2026-07-01 is a Wednesday.
    @Test(arguments: [
        (["2026-07-01", "2026-07-10"], []),
        // 1–13 July: Tuesday 14 July is open.
        (["2026-07-01", "2026-07-13"], []),
        (["2026-07-01", "2026-07-14"], ["no letters can go out from 2026-07-01 to 2026-07-14 (14 days): too many closed dates"]),
        // Christmas and New Year count: 24 December to 6 January.
        (["2026-12-28", "2027-01-05"], []),
        (["2026-12-28", "2027-01-06"], ["no letters can go out from 2026-12-24 to 2027-01-06 (14 days): too many closed dates"]),
    ] as [([String], [String])])
    func longClosures(range: [String], expected: [String]) {
        let first = L.date(range[0]), last = L.date(range[1])
        let dates = (0...(last.dayNumber - first.dayNumber)).map { first.adding(days: $0) }
        // A second run elsewhere, short enough, and a closed date inside the first run, are not reported again.
        let policy = L.citizen(holidays: HolidayCalendar(), closedDates: Set(dates + [L.date("2026-09-01")]))
        #expect(policy.problems() == expected)
    }
}
