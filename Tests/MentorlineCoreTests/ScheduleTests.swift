import Foundation
import Testing
@testable import MentorlineCore

@Suite struct ScheduleTests {
    let layer = ScheduleLayer(
        mentors: [MentorID("a"), MentorID("b"), MentorID("c")], rotation: .weekly, handoff: WallClockTime("08:00")!, start: LocalDate("2026-01-05")!
    )

    func schedule(_ layers: [ScheduleLayer]) -> Schedule {
        Schedule(id: ScheduleID("s"), name: "S", timeZone: Fixtures.copenhagen, layers: layers)
    }

    @Test(arguments: [
        ("2026-01-05", "07:59", nil),
        ("2026-01-05", "08:00", "a"),
        ("2026-01-11", "23:59", "a"),
        ("2026-01-12", "07:59", "a"),
        ("2026-01-12", "08:00", "b"),
        ("2026-01-19", "08:00", "c"),
        ("2026-01-26", "08:00", "a"),
    ] as [(String, String, String?)])
    func weeklyRotation(date: String, time: String, expected: String?) {
        #expect(schedule([layer]).onCall(at: Fixtures.at(date, time))?.mentor == expected.map(MentorID.init))
    }

    /// Spring forward (2026-03-29 02:00 → 03:00) and fall back (2026-10-25 03:00 → 02:00): the 08:00
    /// handoff stays at 08:00 wall-clock, so the shift spanning the change is an hour shorter or longer.
    @Test func handoffStaysAtEightAcrossDaylightSavingChanges() {
        let daily = ScheduleLayer(mentors: [MentorID("a"), MentorID("b")], rotation: .daily, handoff: WallClockTime("08:00")!, start: LocalDate("2026-01-01")!)
        let s = schedule([daily])
        for day in ["2026-03-28", "2026-03-29", "2026-03-30", "2026-10-24", "2026-10-25", "2026-10-26"] {
            let before = s.onCall(at: Fixtures.at(day, "07:59"))
            let after = s.onCall(at: Fixtures.at(day, "08:00"))
            #expect(before != after, "handoff at 08:00 on \(day)")
        }
        let springStart = Fixtures.at("2026-03-28", "08:00")
        let springEnd = Fixtures.at("2026-03-29", "08:00")
        #expect(springEnd.timeIntervalSince(springStart) == 23 * 3600)
        let autumnStart = Fixtures.at("2026-10-24", "08:00")
        let autumnEnd = Fixtures.at("2026-10-25", "08:00")
        #expect(autumnEnd.timeIntervalSince(autumnStart) == 25 * 3600)
    }

    @Test func laterLayersWinWhereTheyCover() {
        let cover = ScheduleLayer(mentors: [MentorID("z")], rotation: .weekly, handoff: WallClockTime("08:00")!, start: LocalDate("2026-02-02")!)
        let s = schedule([layer, cover])
        #expect(s.onCall(at: Fixtures.at("2026-01-20", "12:00"))?.mentor == MentorID("c"))
        #expect(s.onCall(at: Fixtures.at("2026-02-03", "12:00"))?.mentor == MentorID("z"))
    }

    @Test func nonexistentAndRepeatedWallClockTimes() {
        // 02:30 on spring-forward day does not exist: it resolves to the later offset (03:30 CEST).
        let skipped = LocalDateTime(date: LocalDate("2026-03-29")!, secondsIntoDay: 2 * 3600 + 1800).instant(in: Fixtures.copenhagen)
        #expect(LocalDateTime(skipped, in: Fixtures.copenhagen).secondsIntoDay == 3 * 3600 + 1800)
        // 02:30 on fall-back day happens twice: the earlier (CEST, UTC+2) is chosen.
        let repeated = LocalDateTime(date: LocalDate("2026-10-25")!, secondsIntoDay: 2 * 3600 + 1800).instant(in: Fixtures.copenhagen)
        #expect(repeated.timeIntervalSince1970 == LocalDateTime(date: LocalDate("2026-10-25")!, secondsIntoDay: 1800).instant(in: TimeZone(identifier: "UTC")!).timeIntervalSince1970)
    }
}

@Suite struct LocalDateTests {
    @Test func dayNumbersRoundTripAcrossCenturies() {
        for number in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(LocalDate(dayNumber: number).dayNumber == number)
        }
        #expect(LocalDate("1970-01-01")!.dayNumber == 0)
        #expect(LocalDate("2000-03-01")!.dayNumber == 11_017)
    }

    @Test func weekdaysAndInvalidDates() {
        #expect(LocalDate("2026-11-23")!.isoWeekday == 1) // a Monday
        #expect(LocalDate("2026-11-29")!.isoWeekday == 7)
        #expect(LocalDate("2024-02-29") != nil)
        #expect(LocalDate("2026-02-29") == nil)
        #expect(LocalDate("2026-13-01") == nil)
        #expect(LocalDate("26-01-01") == nil)
        #expect(WallClockTime("24:00") == nil)
        #expect(WallClockTime("8:00") == nil)
        #expect(LocalDate("2026-01-05")!.description == "2026-01-05")
    }
}
