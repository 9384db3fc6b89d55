import Foundation
import Testing
@testable import MentorlineCore

private typealias F = ScheduleFixtures

/// Who is on call at `date time` (Copenhagen), as a mentor id or nil.
private func mentor(_ schedule: Schedule, _ date: String, _ time: String, overrides: [ScheduleOverride] = []) -> String? {
    schedule.onCall(at: F.at(date, time), overrides: overrides)?.mentor.rawValue
}

@Suite struct RotationTests {
    @Test(arguments: [
        ("daily", Rotation.days(1)), ("weekly", .days(7)), ("3d", .days(3)), ("12h", .hours(12)), ("36h", .hours(36)), ("0d", nil),
        ("-1h", nil), ("3w", nil), ("d", nil), ("", nil), ("1.5d", nil), ("99999999999999999d", nil), ("2562047788015215h", .hours(2_562_047_788_015_215)),
    ] as [(String, Rotation?)])
    func parsing(text: String, expected: Rotation?) {
        #expect(Rotation(parsing: text) == expected)
    }

    /// (rotation, handoff, first day, mentors, [(date, time, expected)]).
    @Test(arguments: [
        (Rotation.daily, "08:00", "2026-01-01", ["a", "b", "c"], [
            ("2026-01-01", "07:59", nil), ("2026-01-01", "08:00", "a"), ("2026-01-02", "07:59", "a"), ("2026-01-02", "08:00", "b"),
            ("2026-01-03", "23:00", "c"), ("2026-01-04", "08:00", "a"), ("2025-12-31", "12:00", nil),
        ]),
        (Rotation.days(3), "08:00", "2026-01-01", ["a", "b"], [
            ("2026-01-01", "08:00", "a"), ("2026-01-04", "07:59", "a"), ("2026-01-04", "08:00", "b"), ("2026-01-07", "07:59", "b"),
            ("2026-01-07", "08:00", "a"),
        ]),
        (Rotation.hours(12), "08:00", "2026-01-01", ["a", "b", "c"], [
            ("2026-01-01", "19:59", "a"), ("2026-01-01", "20:00", "b"), ("2026-01-02", "07:59", "b"), ("2026-01-02", "08:00", "c"),
            ("2026-01-02", "20:00", "a"),
        ]),
        (Rotation.hours(36), "08:00", "2026-01-01", ["a", "b"], [
            ("2026-01-02", "19:59", "a"), ("2026-01-02", "20:00", "b"), ("2026-01-04", "07:59", "b"), ("2026-01-04", "08:00", "a"),
        ]),
        (Rotation.weekly, "09:30", "2026-01-05", ["a", "b", "c"], [
            ("2026-01-12", "09:29", "a"), ("2026-01-12", "09:30", "b"), ("2026-01-26", "09:30", "a"), ("2027-01-04", "12:00", "b"),
        ]),
        // Year end: daily and 3-day turns carry on from 2026 into 2027.
        (Rotation.daily, "08:00", "2026-12-30", ["a", "b"], [
            ("2026-12-31", "07:59", "a"), ("2026-12-31", "12:00", "b"), ("2027-01-01", "07:59", "b"), ("2027-01-01", "08:00", "a"),
        ]),
        (Rotation.days(3), "08:00", "2026-12-29", ["a", "b", "c"], [
            ("2026-12-31", "23:59", "a"), ("2027-01-01", "07:59", "a"), ("2027-01-01", "08:00", "b"), ("2027-01-04", "08:00", "c"),
        ]),
        // Leap day: 2028-02-29 is day 789 after 2026-01-01 (789 % 3 == 0), and day 424 after 2027-01-01
        // (turn 141 of a 3-day rotation, 141 % 3 == 0).
        (Rotation.daily, "08:00", "2026-01-01", ["a", "b", "c"], [
            ("2028-02-28", "12:00", "c"), ("2028-02-29", "12:00", "a"), ("2028-03-01", "07:59", "a"), ("2028-03-01", "12:00", "b"),
        ]),
        (Rotation.days(3), "08:00", "2027-01-01", ["a", "b", "c"], [
            ("2028-02-28", "07:59", "c"), ("2028-02-28", "08:00", "a"), ("2028-02-29", "12:00", "a"), ("2028-03-02", "07:59", "a"),
            ("2028-03-02", "08:00", "b"),
        ]),
    ] as [(Rotation, String, String, [String], [(String, String, String?)])])
    func turnsBelongToMentorsInOrder(rotation: Rotation, handoff: String, start: String, mentors: [String], samples: [(String, String, String?)]) {
        let schedule = F.schedule(F.layer(mentors, rotation, handoff: handoff, start: start))
        for (date, time, expected) in samples {
            #expect(mentor(schedule, date, time) == expected, "\(rotation) at \(date) \(time)")
        }
    }

    /// (rotation, mentors, first day, asked at, expected turn start and end, its length in hours).
    @Test(arguments: [
        // A daily 08:00 handoff stays at 08:00: the turns spanning a change are 23 and 25 hours long.
        (Rotation.daily, ["a", "b"], "2026-01-01", ("2026-03-28", "12:00"), ("2026-03-28", "08:00"), ("2026-03-29", "08:00"), 23.0),
        (Rotation.daily, ["a", "b"], "2026-01-01", ("2026-03-29", "12:00"), ("2026-03-29", "08:00"), ("2026-03-30", "08:00"), 24.0),
        (Rotation.daily, ["a", "b"], "2026-01-01", ("2026-10-25", "03:00"), ("2026-10-24", "08:00"), ("2026-10-25", "08:00"), 25.0),
        (Rotation.daily, ["a", "b"], "2026-01-01", ("2027-03-28", "01:00"), ("2027-03-27", "08:00"), ("2027-03-28", "08:00"), 23.0),
        (Rotation.daily, ["a", "b"], "2026-01-01", ("2027-10-30", "23:00"), ("2027-10-30", "08:00"), ("2027-10-31", "08:00"), 25.0),
        // 12-hour turns hand off at 08:00 and 20:00; the night turn spanning the change is 11 or 13 hours.
        (Rotation.hours(12), ["a", "b", "c"], "2026-01-01", ("2026-03-29", "03:30"), ("2026-03-28", "20:00"), ("2026-03-29", "08:00"), 11.0),
        (Rotation.hours(12), ["a", "b", "c"], "2026-01-01", ("2026-03-29", "12:00"), ("2026-03-29", "08:00"), ("2026-03-29", "20:00"), 12.0),
        (Rotation.hours(12), ["a", "b", "c"], "2026-01-01", ("2026-10-25", "02:30"), ("2026-10-24", "20:00"), ("2026-10-25", "08:00"), 13.0),
        (Rotation.hours(12), ["a", "b", "c"], "2026-01-01", ("2027-03-28", "07:00"), ("2027-03-27", "20:00"), ("2027-03-28", "08:00"), 11.0),
        (Rotation.hours(12), ["a", "b", "c"], "2026-01-01", ("2027-10-31", "00:00"), ("2027-10-30", "20:00"), ("2027-10-31", "08:00"), 13.0),
        // 36-hour turns alternate between 08:00 and 20:00 handoffs.
        (Rotation.hours(36), ["a", "b"], "2026-03-27", ("2026-03-29", "12:00"), ("2026-03-28", "20:00"), ("2026-03-30", "08:00"), 35.0),
        (Rotation.hours(36), ["a", "b"], "2026-10-23", ("2026-10-25", "12:00"), ("2026-10-24", "20:00"), ("2026-10-26", "08:00"), 37.0),
        // 3-day turns across the leap day, and a weekly turn across spring forward.
        (Rotation.days(3), ["a", "b"], "2028-02-26", ("2028-02-29", "12:00"), ("2028-02-29", "08:00"), ("2028-03-03", "08:00"), 72.0),
        (Rotation.weekly, ["a", "b"], "2026-01-05", ("2026-03-29", "12:00"), ("2026-03-23", "08:00"), ("2026-03-30", "08:00"), 167.0),
    ] as [(Rotation, [String], String, (String, String), (String, String), (String, String), Double)])
    func turnsSpanningClockChangesAreShorterOrLonger(
        rotation: Rotation, mentors: [String], start: String, at: (String, String), from: (String, String), to: (String, String), hours: Double
    ) throws {
        let schedule = F.schedule(F.layer(mentors, rotation, start: start))
        let shift = try #require(schedule.onCall(at: F.at(at.0, at.1)))
        #expect(shift.start == F.at(from.0, from.1))
        #expect(shift.end == F.at(to.0, to.1))
        #expect(shift.end.timeIntervalSince(shift.start) == hours * F.hour)
    }

    /// One-hour turns: the turn that would start at 02:00 on spring-forward night has no length (its
    /// mentor is skipped that night); the one starting at 02:00 on fall-back night lasts two hours.
    @Test func hourlyTurnsAcrossTheSkippedAndTheRepeatedHour() throws {
        let spring = F.schedule(F.layer(["a", "b", "c"], .hours(1), handoff: "00:00", start: "2026-03-29"))
        let night = spring.shifts(from: F.at("2026-03-29", "00:00"), to: F.at("2026-03-29", "05:00"))
        #expect(night.map(\.mentor.rawValue) == ["a", "b", "a", "b"])
        #expect(night.map { $0.end.timeIntervalSince($0.start) } == [F.hour, F.hour, F.hour, F.hour])
        try #require(night.count == 4)
        #expect(night[1].end == F.utc("2026-03-29T01:00:00Z")) // 02:00 CET is 03:00 CEST

        let autumn = F.schedule(F.layer(["a", "b", "c"], .hours(1), handoff: "00:00", start: "2026-10-25"))
        let repeated = try #require(autumn.onCall(at: F.utc("2026-10-25T01:30:00Z")))
        #expect(repeated.mentor == MentorID("c"))
        #expect(repeated.start == F.utc("2026-10-25T00:00:00Z"))
        #expect(repeated.end == F.utc("2026-10-25T02:00:00Z"))
    }

    /// A handoff inside the skipped hour happens when the clock shows that time on the later offset
    /// (02:30 becomes 03:30), as `LocalDateTime.instant(in:)` resolves it.
    @Test func handoffInsideTheSkippedHour() throws {
        let schedule = F.schedule(F.layer(["a", "b"], .daily, handoff: "02:30", start: "2026-03-01"))
        let shift = try #require(schedule.onCall(at: F.at("2026-03-29", "04:00")))
        #expect(shift.start == F.at("2026-03-29", "03:30"))
        #expect(shift.start == F.utc("2026-03-29T01:30:00Z"))
        let before = try #require(schedule.onCall(at: F.at("2026-03-29", "03:15")))
        #expect(before.end == shift.start)
        #expect(before.end.timeIntervalSince(before.start) == 24 * F.hour)
    }

    @Test func farAwayInstantsAreComputedNotScanned() throws {
        let schedule = F.schedule(F.layer(["a", "b", "c", "d", "e", "f", "g"], .hours(1), handoff: "00:00", start: "2026-01-01"))
        let clock = ContinuousClock()
        var shift: Shift?
        let elapsed = clock.measure {
            for _ in 0..<200 { shift = schedule.onCall(at: F.at("2100-06-15", "12:30")) }
        }
        // 2026-01-01 00:00 to 2100-06-15 12:00 in wall-clock hours, turn index modulo 7 mentors.
        let hours = (LocalDate("2100-06-15")!.dayNumber - LocalDate("2026-01-01")!.dayNumber) * 24 + 12
        #expect(try #require(shift).mentor == MentorID(["a", "b", "c", "d", "e", "f", "g"][hours % 7]))
        #expect(shift?.start == F.at("2100-06-15", "12:00"))
        #expect(elapsed < .seconds(2))
    }

    @Test func aLoneMentorIsOnePieceWithoutEnd() throws {
        let schedule = F.schedule(F.layer(["a"], .weekly, start: "2026-01-05"))
        let shift = try #require(schedule.onCall(at: F.at("2026-06-01", "12:00")))
        #expect(shift.start == F.at("2026-01-05", "08:00"))
        #expect(shift.end == .distantFuture)
        let pieces = schedule.shifts(from: F.at("2026-05-01", "00:00"), to: F.at("2026-07-01", "00:00"))
        #expect(pieces == [Shift(mentor: MentorID("a"), start: F.at("2026-05-01", "00:00"), end: F.at("2026-07-01", "00:00"), source: .layer(0))])
        // The same mentor twice in a row is one piece too.
        let twice = F.schedule(F.layer(["a", "a", "b"], .daily, start: "2026-01-01"))
        let run = try #require(twice.onCall(at: F.at("2026-01-02", "12:00")))
        #expect(run.start == F.at("2026-01-01", "08:00"))
        #expect(run.end == F.at("2026-01-03", "08:00"))
    }

    @Test func layersThatCannotCoverAreIgnored() {
        let empty = ScheduleLayer(mentors: [], rotation: .daily, handoff: WallClockTime("08:00")!, start: LocalDate("2026-01-01")!)
        let zero = F.layer(["z"], .days(0), start: "2026-01-01")
        let noDays = F.layer(["y"], .daily, start: "2026-01-01", restrictions: [F.window([], "08:00", "16:00")])
        let schedule = F.schedule(F.layer(["a"], .daily, start: "2026-01-01"), empty, zero, noDays)
        #expect(mentor(schedule, "2026-02-02", "12:00") == "a")
    }
}

@Suite struct RestrictionTests {
    /// Weekly turns handing off on Wednesdays at 12:00, covering only Monday–Friday 08:00–16:00.
    let officeHours = F.schedule(F.layer(["a", "b"], .weekly, handoff: "12:00", start: "2026-01-07", restrictions: [F.window(F.weekdays, "08:00", "16:00")]))

    @Test(arguments: [
        ("2026-01-12", "07:59", nil), ("2026-01-12", "08:00", "a"), ("2026-01-12", "15:59", "a"), ("2026-01-12", "16:00", nil),
        ("2026-01-10", "12:00", nil), ("2026-01-11", "12:00", nil), ("2026-01-14", "11:59", "a"), ("2026-01-14", "12:00", "b"),
        ("2026-01-16", "15:59", "b"), ("2026-01-19", "08:00", "b"),
    ] as [(String, String, String?)])
    func restrictedLayerCoversOnlyInsideWindows(date: String, time: String, expected: String?) {
        #expect(mentor(officeHours, date, time) == expected)
    }

    @Test func restrictionsCutTurnsButTheRotationKeepsTurning() throws {
        let monday = try #require(officeHours.onCall(at: F.at("2026-01-12", "10:00")))
        #expect(monday.start == F.at("2026-01-12", "08:00"))
        #expect(monday.end == F.at("2026-01-12", "16:00"))
        let week = officeHours.shifts(from: F.at("2026-01-12", "00:00"), to: F.at("2026-01-19", "00:00"))
        #expect(week.map(\.mentor.rawValue) == ["a", "a", "a", "b", "b", "b"])
        try #require(week.count == 6)
        #expect(week[2].start == F.at("2026-01-14", "08:00"))
        #expect(week[2].end == F.at("2026-01-14", "12:00"))
        #expect(week[3].end == F.at("2026-01-14", "16:00"))
    }

    /// Friday and Saturday nights 22:00–06:00, cut by a 02:00 handoff.
    @Test(arguments: [
        ("2026-01-09", "21:59", nil), ("2026-01-09", "22:00", "a"), ("2026-01-10", "01:59", "a"), ("2026-01-10", "02:00", "b"),
        ("2026-01-10", "05:59", "b"), ("2026-01-10", "06:00", nil), ("2026-01-10", "22:00", "b"), ("2026-01-11", "02:00", "a"),
        ("2026-01-11", "05:59", "a"), ("2026-01-11", "22:00", nil), ("2026-01-12", "02:00", nil),
    ] as [(String, String, String?)])
    func overnightWindow(date: String, time: String, expected: String?) {
        // 2026-01-01 02:00 is turn 0 (a); 2026-01-10 02:00 starts turn 9 (b).
        let nights = F.schedule(F.layer(["a", "b"], .daily, handoff: "02:00", start: "2026-01-01", restrictions: [F.window([.friday, .saturday], "22:00", "06:00")]))
        #expect(mentor(nights, date, time) == expected)
    }

    @Test func adjacentWindowsAreOnePiece() throws {
        let split = F.schedule(F.layer(["a"], .weekly, start: "2026-01-05", restrictions: [F.window([.monday], "08:00", "12:00"), F.window([.monday], "12:00", "16:00")]))
        let shift = try #require(split.onCall(at: F.at("2026-01-12", "09:00")))
        #expect(shift.start == F.at("2026-01-12", "08:00"))
        #expect(shift.end == F.at("2026-01-12", "16:00"))
        // Sunday 20:00–00:00 and Monday 00:00–06:00 meet at the end of the week.
        let wrap = F.schedule(F.layer(["a"], .weekly, start: "2026-01-05", restrictions: [F.window([.sunday], "20:00", "00:00"), F.window([.monday], "00:00", "06:00")]))
        let night = try #require(wrap.onCall(at: F.at("2026-01-18", "23:00")))
        #expect(night.start == F.at("2026-01-18", "20:00"))
        #expect(night.end == F.at("2026-01-19", "06:00"))
    }

    /// A window in the hour skipped in spring covers nothing that night; in the repeated autumn hour it
    /// covers both passes of the clock.
    @Test func windowInsideTheSkippedHour() throws {
        let schedule = F.schedule(F.layer(["a"], .daily, start: "2026-03-01", restrictions: [F.window([.sunday], "02:00", "03:00")]))
        let ordinary = try #require(schedule.onCall(at: F.at("2026-03-22", "02:30")))
        #expect(ordinary.end.timeIntervalSince(ordinary.start) == F.hour)
        #expect(schedule.shifts(from: F.at("2026-03-28", "12:00"), to: F.at("2026-03-29", "12:00")).isEmpty)
        let autumn = schedule.shifts(from: F.at("2026-10-24", "12:00"), to: F.at("2026-10-25", "12:00"))
        #expect(autumn.count == 1)
        #expect(autumn.first?.start == F.utc("2026-10-25T00:00:00Z"))
        #expect(autumn.first?.end == F.utc("2026-10-25T02:00:00Z"))
    }

    /// A window starting inside the skipped hour begins when the clocks jump to 03:00.
    @Test func windowStartingInsideTheSkippedHour() throws {
        let schedule = F.schedule(F.layer(["a"], .daily, start: "2026-03-01", restrictions: [F.window([.sunday], "02:30", "05:00")]))
        let pieces = schedule.shifts(from: F.at("2026-03-28", "12:00"), to: F.at("2026-03-29", "12:00"))
        #expect(pieces.count == 1)
        #expect(pieces.first?.start == F.utc("2026-03-29T01:00:00Z")) // 03:00 CEST
        #expect(pieces.first?.end == F.at("2026-03-29", "05:00"))
    }

    /// On fall-back night the readings 02:00–02:29 come round again, outside a window 02:30–08:00: the
    /// window has a half-hour hole (the chosen reading-based semantics, kept consistent everywhere).
    @Test func windowAcrossTheRepeatedHourFollowsTheReading() {
        let schedule = F.schedule(F.layer(["a"], .daily, start: "2026-10-01", restrictions: [F.window([.sunday], "02:30", "08:00")]))
        let pieces = schedule.shifts(from: F.at("2026-10-24", "12:00"), to: F.at("2026-10-25", "12:00"))
        #expect(pieces.map(\.start) == [F.utc("2026-10-25T00:30:00Z"), F.utc("2026-10-25T01:30:00Z")])
        #expect(pieces.map(\.end) == [F.utc("2026-10-25T01:00:00Z"), F.utc("2026-10-25T07:00:00Z")])
    }
}

@Suite struct LayerPrecedenceTests {
    /// A weekly rota around the clock, with a daily day-time layer on weekdays above it.
    let schedule = F.schedule(
        F.layer(["a", "b"], .weekly, start: "2026-01-05"),
        F.layer(["x", "y"], .daily, handoff: "00:00", start: "2026-01-05", restrictions: [F.window(F.weekdays, "08:00", "16:00")])
    )

    @Test(arguments: [
        ("2026-01-12", "07:59", "a", 0), ("2026-01-05", "08:00", "x", 1), ("2026-01-05", "16:00", "a", 0), ("2026-01-06", "12:00", "y", 1),
        ("2026-01-10", "12:00", "a", 0), ("2026-01-12", "12:00", "y", 1), ("2026-01-12", "17:00", "b", 0),
    ] as [(String, String, String, Int)])
    func higherLayersWinWhereTheyCover(date: String, time: String, expected: String, layer: Int) {
        let shift = schedule.onCall(at: F.at(date, time))
        #expect(shift?.mentor == MentorID(expected))
        #expect(shift?.source == .layer(layer))
    }

    @Test func lowerLayersShowThroughGaps() throws {
        let evening = try #require(schedule.onCall(at: F.at("2026-01-06", "20:00")))
        #expect(evening.source == .layer(0))
        #expect(evening.start == F.at("2026-01-06", "16:00"))
        #expect(evening.end == F.at("2026-01-07", "08:00"))
        // The weekly handoff on Monday 08:00 is hidden by the day layer; the base shows through from 16:00.
        let monday = try #require(schedule.onCall(at: F.at("2026-01-12", "07:00")))
        #expect(monday.mentor == MentorID("a"))
        #expect(monday.end == F.at("2026-01-12", "08:00"))
        let weekend = try #require(schedule.onCall(at: F.at("2026-01-10", "12:00")))
        #expect(weekend.start == F.at("2026-01-09", "16:00"))
        #expect(weekend.end == F.at("2026-01-12", "08:00"))
    }
}

@Suite struct OverrideTests {
    /// Daily a/b at 08:00 from Monday 2026-01-05 (a on the 5th, b on the 6th, …).
    let schedule = F.schedule(F.layer(["a", "b"], .daily, start: "2026-01-05"))

    @Test func overridesWinOverLayersAndCutTurns() throws {
        let sick = F.override("o1", "x", from: F.at("2026-01-05", "10:00"), to: F.at("2026-01-05", "14:00"))
        let covering = try #require(schedule.onCall(at: F.at("2026-01-05", "12:00"), overrides: [sick]))
        #expect(covering == Shift(mentor: MentorID("x"), start: F.at("2026-01-05", "10:00"), end: F.at("2026-01-05", "14:00"), source: .override(OverrideID("o1"))))
        let before = try #require(schedule.onCall(at: F.at("2026-01-05", "09:00"), overrides: [sick]))
        #expect(before.start == F.at("2026-01-05", "08:00"))
        #expect(before.end == F.at("2026-01-05", "10:00"))
        let after = try #require(schedule.onCall(at: F.at("2026-01-05", "14:00"), overrides: [sick]))
        #expect(after.mentor == MentorID("a"))
        #expect(after.start == F.at("2026-01-05", "14:00"))
        #expect(after.end == F.at("2026-01-06", "08:00"))
    }

    @Test func overridesCoverGapsToo() {
        let nobody = F.schedule(F.layer(["a"], .daily, start: "2026-01-05", restrictions: [F.window(F.weekdays, "08:00", "16:00")]))
        let evening = F.override("o1", "x", from: F.at("2026-01-05", "18:00"), to: F.at("2026-01-05", "20:00"))
        #expect(mentor(nobody, "2026-01-05", "19:00", overrides: [evening]) == "x")
        #expect(mentor(nobody, "2026-01-05", "20:00", overrides: [evening]) == nil)
    }

    @Test func replacingAppliesOnlyWhereTheReplacedMentorIsOnCall() throws {
        let swap = F.override("o1", "x", from: F.at("2026-01-05", "00:00"), to: F.at("2026-01-09", "00:00"), replacing: "b")
        let pieces = schedule.shifts(from: F.at("2026-01-05", "08:00"), to: F.at("2026-01-09", "00:00"), overrides: [swap])
        #expect(pieces.map(\.mentor.rawValue) == ["a", "x", "a", "x"])
        try #require(pieces.count == 4)
        #expect(pieces[1].source == .override(OverrideID("o1")))
        #expect(pieces[1].start == F.at("2026-01-06", "08:00"))
        #expect(pieces[3].end == F.at("2026-01-09", "00:00"))
    }

    @Test func theLatestCreatedOverrideWins() {
        let first = F.override("o1", "x", from: F.at("2026-01-05", "10:00"), to: F.at("2026-01-05", "14:00"), created: 10)
        let second = F.override("o2", "y", from: F.at("2026-01-05", "12:00"), to: F.at("2026-01-05", "16:00"), created: 20)
        for overrides in [[first, second], [second, first]] {
            #expect(mentor(schedule, "2026-01-05", "11:00", overrides: overrides) == "x")
            #expect(mentor(schedule, "2026-01-05", "13:00", overrides: overrides) == "y")
            #expect(schedule.onCall(at: F.at("2026-01-05", "11:00"), overrides: overrides)?.end == F.at("2026-01-05", "12:00"))
        }
        // An override made earlier loses wherever it overlaps later ones; on equal times the greater id wins.
        let laterMade = F.override("o3", "z", from: F.at("2026-01-05", "09:00"), to: F.at("2026-01-05", "17:00"), created: 5)
        #expect(mentor(schedule, "2026-01-05", "13:00", overrides: [first, second, laterMade]) == "y")
        let tieA = F.override("t-a", "p", from: F.at("2026-01-05", "10:00"), to: F.at("2026-01-05", "11:00"), created: 30)
        let tieB = F.override("t-b", "q", from: F.at("2026-01-05", "10:00"), to: F.at("2026-01-05", "11:00"), created: 30)
        #expect(mentor(schedule, "2026-01-05", "10:30", overrides: [tieB, tieA]) == "q")
    }

    /// A replacing override made later outranks a plain one only where it applies.
    @Test func replacingOverrideAboveAPlainOne() {
        let plain = F.override("o1", "x", from: F.at("2026-01-05", "00:00"), to: F.at("2026-01-08", "00:00"), created: 1)
        let swap = F.override("o2", "y", from: F.at("2026-01-05", "00:00"), to: F.at("2026-01-08", "00:00"), replacing: "b", created: 2)
        let pieces = schedule.shifts(from: F.at("2026-01-05", "08:00"), to: F.at("2026-01-08", "00:00"), overrides: [plain, swap])
        #expect(pieces.map(\.mentor.rawValue) == ["x", "y", "x"])
        #expect(pieces.map(\.start) == [F.at("2026-01-05", "08:00"), F.at("2026-01-06", "08:00"), F.at("2026-01-07", "08:00")])
    }

    @Test func overridesOfOtherSchedulesAndEmptyOnesAreIgnored() {
        let elsewhere = F.override("o1", "x", from: F.at("2026-01-05", "10:00"), to: F.at("2026-01-05", "14:00"), schedule: "other")
        let empty = F.override("o2", "y", from: F.at("2026-01-05", "12:00"), to: F.at("2026-01-05", "12:00"))
        let backwards = F.override("o3", "z", from: F.at("2026-01-05", "14:00"), to: F.at("2026-01-05", "10:00"))
        #expect(mentor(schedule, "2026-01-05", "12:00", overrides: [elsewhere, empty, backwards]) == "a")
        #expect(schedule.onCall(at: F.at("2026-01-05", "12:00"), overrides: [elsewhere, empty, backwards])?.end == F.at("2026-01-06", "08:00"))
    }

    /// Override edges need not fall on whole seconds (layer changes always do): a piece starting just after
    /// a sub-second override still starts at the override's end.
    @Test func subSecondOverrideEdges() throws {
        let blip = F.override("o1", "x", from: F.at("2026-01-05", "11:59").addingTimeInterval(59.5), to: F.at("2026-01-05", "12:00"))
        let after = try #require(schedule.onCall(at: F.at("2026-01-05", "13:00"), overrides: [blip]))
        #expect(after.start == F.at("2026-01-05", "12:00"))
        let during = try #require(schedule.onCall(at: F.at("2026-01-05", "11:59").addingTimeInterval(59.75), overrides: [blip]))
        #expect(during.start == blip.start && during.end == blip.end && during.mentor == MentorID("x"))
        let before = try #require(schedule.onCall(at: F.at("2026-01-05", "11:00"), overrides: [blip]))
        #expect(before.start == F.at("2026-01-05", "08:00") && before.end == blip.start)
        let pieces = schedule.shifts(from: F.at("2026-01-05", "08:00"), to: F.at("2026-01-05", "16:00"), overrides: [blip])
        #expect(pieces.map(\.end) == [blip.start, blip.end, F.at("2026-01-05", "16:00")])
    }

    /// The same mentor by layer and then by override are two pieces: the source differs.
    @Test func sameMentorDifferentSourceIsNotMerged() {
        let extend = F.override("o1", "a", from: F.at("2026-01-06", "08:00"), to: F.at("2026-01-06", "12:00"))
        let pieces = schedule.shifts(from: F.at("2026-01-05", "12:00"), to: F.at("2026-01-06", "16:00"), overrides: [extend])
        #expect(pieces.map(\.mentor.rawValue) == ["a", "a", "b"])
        #expect(pieces.map(\.source) == [.layer(0), .override(OverrideID("o1")), .layer(0)])
    }
}

@Suite struct ShiftListTests {
    @Test func shiftsAreClippedSortedAndLeaveGapsOut() throws {
        let schedule = F.schedule(F.layer(["a", "b"], .daily, start: "2026-01-05", restrictions: [F.window(F.weekdays, "08:00", "16:00")]))
        let from = F.at("2026-01-05", "12:00"), to = F.at("2026-01-12", "10:00")
        let pieces = schedule.shifts(from: from, to: to)
        #expect(pieces.map(\.mentor.rawValue) == ["a", "b", "a", "b", "a", "b"])
        #expect(pieces.first?.start == from)
        #expect(pieces.last?.end == to)
        #expect(pieces.last?.start == F.at("2026-01-12", "08:00"))
        for (earlier, later) in zip(pieces, pieces.dropFirst()) { #expect(earlier.end < later.start) }
        #expect(schedule.shifts(from: to, to: from).isEmpty)
        #expect(schedule.shifts(from: from, to: from).isEmpty)
    }

    @Test func nextShiftWithinAndOutsideTheBound() throws {
        let schedule = F.schedule(F.layer(["a", "b"], .daily, start: "2026-01-05"))
        let monday = F.at("2026-01-05", "09:00")
        let next = try #require(schedule.nextShift(of: MentorID("b"), after: monday, within: .seconds(24 * 3600)))
        #expect(next == Shift(mentor: MentorID("b"), start: F.at("2026-01-06", "08:00"), end: F.at("2026-01-07", "08:00"), source: .layer(0)))
        #expect(schedule.nextShift(of: MentorID("b"), after: monday, within: .seconds(23 * 3600)) != nil) // exactly at the bound
        #expect(schedule.nextShift(of: MentorID("b"), after: monday, within: .seconds(23 * 3600 - 1)) == nil)
        // The piece running now does not count: a is next on Wednesday.
        #expect(schedule.nextShift(of: MentorID("a"), after: monday, within: .seconds(24 * 3600)) == nil)
        #expect(schedule.nextShift(of: MentorID("a"), after: monday, within: .seconds(48 * 3600))?.start == F.at("2026-01-07", "08:00"))
        #expect(schedule.nextShift(of: MentorID("nobody"), after: monday, within: .seconds(30 * 86400)) == nil)
        #expect(schedule.nextShift(of: MentorID("b"), after: monday, within: .seconds(-5)) == nil)
        // An override counts, and the found piece is not cut at the bound.
        let cover = F.override("o1", "x", from: F.at("2026-01-05", "20:00"), to: F.at("2026-01-06", "20:00"))
        let covered = try #require(schedule.nextShift(of: MentorID("x"), after: monday, within: .seconds(12 * 3600), overrides: [cover]))
        #expect(covered.end == F.at("2026-01-06", "20:00"))
        #expect(schedule.nextShift(of: MentorID("b"), after: monday, within: .seconds(36 * 3600), overrides: [cover])?.start == F.at("2026-01-06", "20:00"))
    }

    @Test func nextShiftStartsAtTheWindow() throws {
        let schedule = F.schedule(F.layer(["a"], .weekly, start: "2026-01-05", restrictions: [F.window(F.weekdays, "08:00", "16:00")]))
        let friday = F.at("2026-01-09", "17:00")
        let next = try #require(schedule.nextShift(of: MentorID("a"), after: friday, within: .seconds(3 * 86400)))
        #expect(next.start == F.at("2026-01-12", "08:00"))
        #expect(next.end == F.at("2026-01-12", "16:00"))
    }

    @Test func sixtyDaysAreFast() {
        let schedule = F.schedule(
            F.layer(["a", "b", "c"], .hours(12), start: "2026-01-01"),
            F.layer(["d", "e"], .daily, handoff: "00:00", start: "2026-01-01", restrictions: [F.window(F.weekdays, "08:00", "16:00"), F.window([.saturday], "22:00", "06:00")]),
            F.layer(["f"], .hours(1), handoff: "00:30", start: "2026-01-01", restrictions: [F.window([.sunday], "02:00", "03:00")])
        )
        let overrides = (0..<60).map { (day: Int) -> ScheduleOverride in
            let start = F.at("2026-03-01", "10:00").addingTimeInterval(Double(day) * 86400)
            let replacing: String? = day % 2 == 0 ? nil : "b"
            return F.override("o\(day)", "x\(day % 4)", from: start, to: start.addingTimeInterval(3 * F.hour), replacing: replacing, created: Double(day))
        }
        let clock = ContinuousClock()
        var pieces: [Shift] = []
        let elapsed = clock.measure {
            pieces = schedule.shifts(from: F.at("2026-03-01", "00:00"), to: F.at("2026-04-30", "00:00"), overrides: overrides)
        }
        #expect(pieces.count > 200)
        #expect(elapsed < .seconds(2))
    }
}
