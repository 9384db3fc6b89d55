import Foundation
import Testing
@testable import MentorlineCore

private typealias F = ScheduleFixtures

private func reading(_ date: String, _ time: String) -> LocalDateTime {
    LocalDateTime(date: LocalDate(date)!, secondsIntoDay: WallClockTime(time)!.secondsSinceMidnight)
}

@Suite struct WeeklyWindowTests {
    // 2026-01-09 is a Friday, 2026-01-10 a Saturday, 2026-01-11 a Sunday, 2026-01-12 a Monday.
    @Test(arguments: [
        // Monday–Friday 08:00–16:00: `from` inclusive, `to` exclusive.
        (F.window(F.weekdays, "08:00", "16:00"), "2026-01-12", "07:59", false),
        (F.window(F.weekdays, "08:00", "16:00"), "2026-01-12", "08:00", true),
        (F.window(F.weekdays, "08:00", "16:00"), "2026-01-09", "15:59", true),
        (F.window(F.weekdays, "08:00", "16:00"), "2026-01-09", "16:00", false),
        (F.window(F.weekdays, "08:00", "16:00"), "2026-01-10", "12:00", false),
        // Friday 22:00–06:00 runs into Saturday morning, not into Friday morning.
        (F.window([.friday], "22:00", "06:00"), "2026-01-09", "21:59", false),
        (F.window([.friday], "22:00", "06:00"), "2026-01-09", "22:00", true),
        (F.window([.friday], "22:00", "06:00"), "2026-01-10", "00:00", true),
        (F.window([.friday], "22:00", "06:00"), "2026-01-10", "05:59", true),
        (F.window([.friday], "22:00", "06:00"), "2026-01-10", "06:00", false),
        (F.window([.friday], "22:00", "06:00"), "2026-01-09", "03:00", false),
        (F.window([.friday], "22:00", "06:00"), "2026-01-10", "22:00", false),
        // Sunday night runs into Monday of the next week.
        (F.window([.sunday], "20:00", "02:00"), "2026-01-12", "01:00", true),
        // Equal ends: 24 hours from `from`; 00:00–00:00 is the calendar day.
        (F.window([.saturday], "00:00", "00:00"), "2026-01-10", "00:00", true),
        (F.window([.saturday], "00:00", "00:00"), "2026-01-10", "23:59", true),
        (F.window([.saturday], "00:00", "00:00"), "2026-01-11", "00:00", false),
        (F.window([.saturday], "00:00", "00:00"), "2026-01-09", "23:59", false),
        (F.window([.saturday], "08:00", "08:00"), "2026-01-10", "07:59", false),
        (F.window([.saturday], "08:00", "08:00"), "2026-01-10", "08:00", true),
        (F.window([.saturday], "08:00", "08:00"), "2026-01-11", "07:59", true),
        (F.window([.saturday], "08:00", "08:00"), "2026-01-11", "08:00", false),
        // No days: never.
        (F.window([], "00:00", "00:00"), "2026-01-10", "12:00", false),
    ] as [(WeeklyWindow, String, String, Bool)])
    func contains(window: WeeklyWindow, date: String, time: String, expected: Bool) {
        #expect(window.contains(reading(date, time)) == expected)
    }

    @Test(arguments: [
        (F.window(F.weekdays, "08:00", "16:00"), ("2026-01-09", "07:00"), ("2026-01-09", "08:00")),
        (F.window(F.weekdays, "08:00", "16:00"), ("2026-01-09", "08:00"), ("2026-01-12", "08:00")),
        (F.window(F.weekdays, "08:00", "16:00"), ("2026-01-10", "12:00"), ("2026-01-12", "08:00")),
        (F.window([.friday], "22:00", "06:00"), ("2026-01-09", "22:00"), ("2026-01-16", "22:00")),
        (F.window([.sunday], "02:00", "03:00"), ("2026-03-28", "12:00"), ("2026-03-29", "02:00")),
    ] as [(WeeklyWindow, (String, String), (String, String)?)])
    func nextStart(window: WeeklyWindow, after: (String, String), expected: (String, String)?) {
        #expect(window.nextStart(after: reading(after.0, after.1)) == expected.map { reading($0.0, $0.1) })
    }

    @Test func nextStartWithoutDays() {
        #expect(F.window([], "08:00", "16:00").nextStart(after: reading("2026-01-09", "07:00")) == nil)
    }

    /// The merged runs the timeline uses agree with `contains` on every quarter hour of a week, for an
    /// awkward mix of windows.
    @Test func coverageAgreesWithContains() {
        let windows = [
            F.window(F.weekdays, "08:00", "16:00"), F.window([.monday], "15:00", "18:30"), F.window([.sunday], "22:00", "01:15"),
            F.window([.saturday], "09:45", "09:45"), F.window([.wednesday], "23:00", "00:00"),
        ]
        let coverage = WindowCoverage(windows: windows, timeZone: F.copenhagen)
        let monday = LocalDate("2026-01-12")!
        for quarter in 0..<(7 * 96 + 8) {
            let local = LocalDateTime(date: monday.adding(days: quarter / 96), secondsIntoDay: quarter % 96 * 900)
            #expect(coverage.covers(reading: local.localSeconds) == windows.contains { $0.contains(local) }, "\(local.date) \(local.secondsIntoDay)")
        }
    }
}
