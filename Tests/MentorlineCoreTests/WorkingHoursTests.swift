import Foundation
import Testing
@testable import MentorlineCore

private typealias F = ScheduleFixtures

@Suite struct WorkingHoursTests {
    let office = WorkingHours(timeZone: F.copenhagen, windows: [F.window(F.weekdays, "08:00", "16:00")])

    @Test(arguments: [
        ("2026-01-09", "07:59", false), ("2026-01-09", "08:00", true), ("2026-01-09", "15:59", true), ("2026-01-09", "16:00", false),
        ("2026-01-10", "12:00", false), ("2026-01-11", "12:00", false), ("2026-01-12", "08:00", true), ("2026-03-30", "08:30", true),
    ] as [(String, String, Bool)])
    func contains(date: String, time: String, expected: Bool) {
        #expect(office.contains(F.at(date, time)) == expected)
    }

    /// (after, within in hours, expected opening or nil).
    @Test(arguments: [
        // Across a weekend: Friday 16:00 to Monday 08:00 is 64 hours; the bound is inclusive.
        (("2026-01-09", "16:00"), 72.0, ("2026-01-12", "08:00") as (String, String)?),
        (("2026-01-09", "16:00"), 64.0, ("2026-01-12", "08:00")),
        (("2026-01-09", "16:00"), 63.9, nil),
        (("2026-01-10", "03:00"), 72.0, ("2026-01-12", "08:00")),
        // Open now: the next opening is the next morning.
        (("2026-01-12", "09:00"), 48.0, ("2026-01-13", "08:00")),
        (("2026-01-12", "07:00"), 1.0, ("2026-01-12", "08:00")),
        // Across the DST changes the opening is still 08:00 on the wall clock: 63 and 65 hours later.
        (("2026-03-27", "16:00"), 63.0, ("2026-03-30", "08:00")),
        (("2026-03-27", "16:00"), 62.9, nil),
        (("2026-10-23", "16:00"), 65.0, ("2026-10-26", "08:00")),
        (("2026-10-23", "16:00"), 64.9, nil),
    ] as [((String, String), Double, (String, String)?)])
    func nextOpening(after: (String, String), within hours: Double, expected: (String, String)?) {
        let opening = office.nextOpening(after: F.at(after.0, after.1), within: .milliseconds(Int64(hours * 3_600_000)))
        #expect(opening == expected.map { F.at($0.0, $0.1) })
    }

    @Test func nextOpeningLandsOnTheWholeSecond() throws {
        let after = F.at("2026-01-09", "16:00").addingTimeInterval(0.25)
        let opening = try #require(office.nextOpening(after: after, within: .seconds(4 * 86400)))
        #expect(opening == F.at("2026-01-12", "08:00"))
        #expect(office.contains(opening))
        #expect(!office.contains(opening.addingTimeInterval(-1)))
    }

    @Test func windowsAcrossMidnightAndInTheSkippedHour() {
        let nights = WorkingHours(timeZone: F.copenhagen, windows: [F.window([.friday], "22:00", "06:00")])
        #expect(nights.contains(F.at("2026-01-10", "05:00")))
        #expect(nights.nextOpening(after: F.at("2026-01-10", "05:00"), within: .seconds(8 * 86400)) == F.at("2026-01-16", "22:00"))
        // Sunday 02:30–05:00 opens when the clocks jump to 03:00 on spring-forward night.
        let early = WorkingHours(timeZone: F.copenhagen, windows: [F.window([.sunday], "02:30", "05:00")])
        #expect(early.nextOpening(after: F.at("2026-03-28", "12:00"), within: .seconds(86400)) == F.utc("2026-03-29T01:00:00Z"))
        #expect(early.contains(F.utc("2026-03-29T01:00:00Z")))
        #expect(!early.contains(F.utc("2026-03-29T00:59:59Z")))
        // 02:00–03:00 does not happen that night, so the next opening is a week later.
        let gap = WorkingHours(timeZone: F.copenhagen, windows: [F.window([.sunday], "02:00", "03:00")])
        #expect(gap.nextOpening(after: F.at("2026-03-28", "12:00"), within: .seconds(8 * 86400)) == F.at("2026-04-05", "02:00"))
        // On fall-back night the repeated readings 02:00–02:29 fall outside 02:30–08:00: it reopens at 02:30 CET.
        let fold = WorkingHours(timeZone: F.copenhagen, windows: [F.window([.sunday], "02:30", "08:00")])
        #expect(fold.nextOpening(after: F.utc("2026-10-25T00:45:00Z"), within: .seconds(3600)) == F.utc("2026-10-25T01:30:00Z"))
    }

    @Test func neverAndAlways() {
        let never = WorkingHours(timeZone: F.copenhagen, windows: [])
        #expect(!never.contains(F.at("2026-01-12", "12:00")))
        #expect(never.nextOpening(after: F.at("2026-01-12", "12:00"), within: .seconds(30 * 86400)) == nil)
        let always = WorkingHours(timeZone: F.copenhagen, windows: [F.window(F.everyDay, "00:00", "00:00")])
        #expect(always.contains(F.at("2026-03-29", "02:30")))
        #expect(always.nextOpening(after: F.at("2026-01-12", "12:00"), within: .seconds(30 * 86400)) == nil)
    }

    /// `nextOpening` agrees with `contains` sampled every ten minutes across both DST changes of 2026.
    @Test(arguments: [("2026-03-20", "2026-04-06"), ("2026-10-16", "2026-11-02")])
    func nextOpeningAgreesWithContains(from: String, to: String) {
        let hours = WorkingHours(
            timeZone: F.copenhagen,
            windows: [F.window(F.weekdays, "08:00", "16:00"), F.window([.saturday], "22:00", "02:30"), F.window([.sunday], "02:15", "02:45")]
        )
        let start = F.at(from, "00:00"), end = F.at(to, "00:00")
        var openings: [Date] = []
        var position = start
        while let opening = hours.nextOpening(after: position, within: .seconds(Int64(end.timeIntervalSince(position)))) {
            openings.append(opening)
            position = opening
        }
        var sampledOpenings: [Date] = []
        var previous = hours.contains(start)
        for instant in stride(from: start.addingTimeInterval(60), through: end, by: 60) {
            let now = hours.contains(instant)
            if now, !previous { sampledOpenings.append(instant) }
            previous = now
        }
        #expect(openings == sampledOpenings)
    }
}
