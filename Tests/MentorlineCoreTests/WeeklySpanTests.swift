import Testing
@testable import MentorlineCore

private typealias L = LetterFixtures

@Suite struct WeeklySpanTests {
    @Test(arguments: [
        ("fri 12:00", WeekdayTime(.friday, WallClockTime(hour: 12, minute: 0)!) as WeekdayTime?),
        ("Mon 08:00", WeekdayTime(.monday, WallClockTime(hour: 8, minute: 0)!)),
        ("sun 23:59", WeekdayTime(.sunday, WallClockTime(hour: 23, minute: 59)!)),
        ("fri", nil), ("12:00", nil), ("fri  12:00", nil), ("fri 12:00 ", nil), ("friday 12:00", nil), ("fri 24:00", nil),
        ("fri 8:00", nil), ("", nil),
    ])
    func parsesWeekdayTime(text: String, expected: WeekdayTime?) {
        #expect(WeekdayTime(text) == expected)
    }

    @Test func describes() {
        #expect(WeekdayTime("Mon 08:00")?.description == "mon 08:00")
        #expect(L.span("fri 12:00", "mon 08:00").description == "fri 12:00–mon 08:00")
        #expect(L.daily("08:00", "17:00").description == "08:00–17:00")
    }

    @Test func rejectsEmptyOrInvalidSpans() {
        #expect(WeeklySpan(from: "fri 12:00", to: "fri 12:00") == nil)
        #expect(WeeklySpan(from: "fri 12:00", to: "FRI 12:00") == nil)
        #expect(WeeklySpan(from: "fri 12:00", to: "mon 8:00") == nil)
        #expect(WeeklySpan(from: "fri 12:00", to: "fri 12:01") != nil)
    }

    @Test func rejectsEmptyDailyWindows() {
        #expect(DailyWindow(from: WallClockTime("08:00")!, to: WallClockTime("08:00")!) == nil)
        #expect(DailyWindow(from: WallClockTime("17:00")!, to: WallClockTime("08:00")!) == nil)
        #expect(DailyWindow(from: WallClockTime("00:00")!, to: WallClockTime("23:59")!) != nil)
    }

    // 2026-01-05 is a Monday; 2026-01-09 a Friday; 2026-01-11 a Sunday.
    @Test(arguments: [
        // Friday 12:00 to Monday 08:00 runs over the turn of the week.
        (L.span("fri 12:00", "mon 08:00"), "2026-01-09", "11:59", false),
        (L.span("fri 12:00", "mon 08:00"), "2026-01-09", "12:00", true),
        (L.span("fri 12:00", "mon 08:00"), "2026-01-10", "00:00", true),
        (L.span("fri 12:00", "mon 08:00"), "2026-01-11", "23:59", true),
        (L.span("fri 12:00", "mon 08:00"), "2026-01-12", "07:59", true),
        (L.span("fri 12:00", "mon 08:00"), "2026-01-12", "08:00", false),
        (L.span("fri 12:00", "mon 08:00"), "2026-01-07", "12:00", false),
        // Within one week: Tuesday 18:00 to Thursday 06:00.
        (L.span("tue 18:00", "thu 06:00"), "2026-01-06", "17:59", false),
        (L.span("tue 18:00", "thu 06:00"), "2026-01-06", "18:00", true),
        (L.span("tue 18:00", "thu 06:00"), "2026-01-07", "12:00", true),
        (L.span("tue 18:00", "thu 06:00"), "2026-01-08", "05:59", true),
        (L.span("tue 18:00", "thu 06:00"), "2026-01-08", "06:00", false),
        (L.span("tue 18:00", "thu 06:00"), "2026-01-05", "20:00", false),
        // A span ending a minute before it starts covers all but that minute.
        (L.span("wed 10:00", "wed 09:59"), "2026-01-07", "09:58", true),
        (L.span("wed 10:00", "wed 09:59"), "2026-01-07", "09:59", false),
        (L.span("wed 10:00", "wed 09:59"), "2026-01-07", "10:00", true),
        (L.span("wed 10:00", "wed 09:59"), "2026-01-10", "12:00", true),
        // Sunday to Monday of the next week.
        (L.span("sun 22:00", "mon 06:00"), "2026-01-11", "22:00", true),
        (L.span("sun 22:00", "mon 06:00"), "2026-01-12", "05:59", true),
        (L.span("sun 22:00", "mon 06:00"), "2026-01-12", "06:00", false),
        (L.span("sun 22:00", "mon 06:00"), "2026-01-11", "21:59", false),
    ])
    func contains(span: WeeklySpan, date: String, time: String, expected: Bool) {
        #expect(span.contains(L.reading(date, time)) == expected)
    }
}
