import Foundation
import Testing
@testable import MentorlineCore

private typealias F = ScheduleFixtures

/// The timeline computed the slow, obvious way, one instant at a time, straight from the rules: turn
/// boundaries listed one by one, `WeeklyWindow.contains` on the wall-clock reading, overrides by
/// precedence. The fast timeline must agree with it everywhere.
private struct ReferenceTimeline {
    var schedule: Schedule
    var overrides: [ScheduleOverride]
    /// Every turn boundary of every layer up to the end of the range checked.
    var boundaries: [[Date]]

    init(schedule: Schedule, overrides: [ScheduleOverride], until end: Date) {
        self.schedule = schedule
        self.overrides = overrides
        boundaries = schedule.layers.map { layer in
            guard !layer.mentors.isEmpty, layer.rotation.wallClockSeconds > 0 else { return [] }
            var list: [Date] = []
            for turn in 0... {
                let wallClock = layer.handoff.secondsSinceMidnight + turn * layer.rotation.wallClockSeconds
                let boundary = LocalDateTime(date: layer.start.adding(days: wallClock / 86400), secondsIntoDay: wallClock % 86400).instant(in: schedule.timeZone)
                if boundary > end { break }
                list.append(boundary)
            }
            return list
        }
    }

    func placement(at instant: Date) -> (mentor: MentorID, source: ShiftSource)? {
        var layered: (mentor: MentorID, index: Int)?
        let reading = LocalDateTime(instant, in: schedule.timeZone)
        for (index, layer) in schedule.layers.enumerated().reversed() {
            guard let turn = boundaries[index].lastIndex(where: { $0 <= instant }) else { continue }
            guard layer.restrictions.isEmpty || layer.restrictions.contains(where: { $0.contains(reading) }) else { continue }
            layered = (layer.mentors[turn % layer.mentors.count], index)
            break
        }
        let applicable = overrides.filter {
            $0.schedule == schedule.id && $0.start <= instant && instant < $0.end && ($0.replacing == nil || $0.replacing == layered?.mentor)
        }
        if let winner = applicable.max(by: { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }) {
            return (winner.mentor, .override(winner.id))
        }
        return layered.map { ($0.mentor, .layer($0.index)) }
    }
}

/// A schedule with overrides, checked over a range.
struct TimelineScenario: Sendable, CustomTestStringConvertible {
    var name: String
    var schedule: Schedule
    var overrides: [ScheduleOverride]
    var from: Date
    var to: Date
    var testDescription: String { name }
}

private let scenarios: [TimelineScenario] = [
    TimelineScenario(
        name: "weekly rota across spring forward",
        schedule: F.schedule(F.layer(["a", "b", "c"], .weekly, start: "2026-01-05")), overrides: [],
        from: F.at("2026-03-16", "00:00"), to: F.at("2026-04-10", "00:00")
    ),
    TimelineScenario(
        name: "12h rotation, office hours and weekend nights, overrides, spring forward",
        schedule: F.schedule(
            F.layer(["a", "b", "c"], .hours(12), start: "2026-03-01"),
            F.layer(["d", "e"], .weekly, handoff: "12:00", start: "2026-03-04", restrictions: [F.window(F.weekdays, "08:00", "16:00")]),
            F.layer(["f", "g"], .daily, handoff: "02:00", start: "2026-03-01", restrictions: [F.window([.friday, .saturday], "22:00", "06:00")])
        ),
        overrides: [
            F.override("o1", "x", from: F.at("2026-03-24", "10:00"), to: F.at("2026-03-24", "14:00"), created: 1),
            F.override("o2", "y", from: F.at("2026-03-24", "12:00"), to: F.at("2026-03-25", "09:00"), created: 2),
            F.override("o3", "z", from: F.at("2026-03-20", "00:00"), to: F.at("2026-03-31", "00:00"), replacing: "b", created: 3),
            F.override("o4", "w", from: F.at("2026-03-26", "00:00"), to: F.at("2026-03-27", "00:00"), created: 4, schedule: "other"),
            F.override("o5", "v", from: F.at("2026-03-28", "23:00"), to: F.at("2026-03-29", "04:00"), replacing: "g", created: 5),
            F.override("o6", "u", from: F.at("2026-03-27", "08:00"), to: F.at("2026-03-27", "08:00"), created: 6),
        ],
        from: F.at("2026-03-18", "06:00"), to: F.at("2026-04-03", "00:00")
    ),
    TimelineScenario(
        name: "hourly turns and windows in the skipped hour",
        schedule: F.schedule(
            F.layer(["a", "b", "c"], .hours(1), handoff: "00:30", start: "2026-03-27"),
            F.layer(["d"], .daily, start: "2026-03-01", restrictions: [F.window([.sunday], "02:00", "03:00")]),
            F.layer(["e", "f"], .hours(5), start: "2026-03-01", restrictions: [F.window([.sunday], "02:30", "05:00"), F.window([.saturday], "23:00", "01:00")])
        ),
        overrides: [], from: F.at("2026-03-27", "00:00"), to: F.at("2026-03-31", "00:00")
    ),
    TimelineScenario(
        name: "hourly turns and windows in the repeated hour",
        schedule: F.schedule(
            F.layer(["a", "b", "c"], .hours(1), handoff: "00:30", start: "2026-10-23"),
            F.layer(["d"], .daily, start: "2026-10-01", restrictions: [F.window([.sunday], "02:00", "03:00")]),
            F.layer(["e", "f"], .hours(5), start: "2026-10-01", restrictions: [F.window([.sunday], "02:30", "08:00")])
        ),
        overrides: [F.override("o1", "x", from: F.utc("2026-10-25T00:45:00Z"), to: F.utc("2026-10-25T01:15:00Z"), replacing: "e")],
        from: F.at("2026-10-23", "00:00"), to: F.at("2026-10-28", "00:00")
    ),
    TimelineScenario(
        name: "36h turns, repeated mentors and a lone night layer across fall back",
        schedule: F.schedule(
            F.layer(["a", "a", "b"], .hours(36), start: "2026-10-10"),
            F.layer(["n"], .weekly, start: "2026-10-01", restrictions: [F.window(F.everyDay, "22:00", "06:00")])
        ),
        overrides: [F.override("o1", "n", from: F.at("2026-10-20", "20:00"), to: F.at("2026-10-21", "02:00"))],
        from: F.at("2026-10-15", "00:00"), to: F.at("2026-11-05", "00:00")
    ),
    TimelineScenario(
        name: "3-day turns over year end and the leap day, whole-day windows",
        schedule: F.schedule(
            F.layer(["a", "b", "c"], .days(3), start: "2027-12-01"),
            F.layer(["s"], .daily, start: "2027-12-01", restrictions: [F.window([.saturday], "08:00", "08:00")])
        ),
        overrides: [F.override("o1", "x", from: F.at("2027-12-31", "20:00"), to: F.at("2028-01-01", "04:00"))],
        from: F.at("2027-12-25", "00:00"), to: F.at("2028-03-08", "00:00")
    ),
]

@Suite struct ScheduleTimelineConsistencyTests {
    /// Every five minutes (and a second either side of every piece edge), the shift list, `onCall` and the
    /// reference agree on who is on call and why.
    @Test(arguments: scenarios)
    func agreesWithTheReferenceEverywhere(_ scenario: TimelineScenario) {
        let reference = ReferenceTimeline(schedule: scenario.schedule, overrides: scenario.overrides, until: scenario.to)
        let pieces = scenario.schedule.shifts(from: scenario.from, to: scenario.to, overrides: scenario.overrides)
        var samples = Array(stride(from: scenario.from, to: scenario.to, by: 300))
        for piece in pieces { samples += [piece.start, piece.start.addingTimeInterval(-1), piece.end, piece.end.addingTimeInterval(-1)] }
        var mismatches = 0
        for instant in samples where instant >= scenario.from && instant < scenario.to {
            let expected = reference.placement(at: instant)
            let piece = pieces.first { $0.start <= instant && instant < $0.end }
            let onCall = scenario.schedule.onCall(at: instant, overrides: scenario.overrides)
            if piece?.mentor != expected?.mentor || piece?.source != expected?.source || onCall?.mentor != expected?.mentor
                || onCall?.source != expected?.source {
                mismatches += 1
                if mismatches <= 5 {
                    Issue.record("at \(instant): reference \(String(describing: expected)), shifts \(String(describing: piece)), onCall \(String(describing: onCall))")
                }
            }
        }
        #expect(mismatches == 0)
    }

    /// The list is sorted, non-overlapping, clipped, maximal (touching pieces differ), and every piece not
    /// cut by the range is exactly what `onCall` returns at its first and last second.
    @Test(arguments: scenarios)
    func shiftsAreMaximalPiecesThatOnCallReturns(_ scenario: TimelineScenario) {
        let pieces = scenario.schedule.shifts(from: scenario.from, to: scenario.to, overrides: scenario.overrides)
        #expect(!pieces.isEmpty)
        for piece in pieces {
            #expect(piece.start < piece.end)
            #expect(piece.start >= scenario.from && piece.end <= scenario.to)
        }
        for (earlier, later) in zip(pieces, pieces.dropFirst()) {
            #expect(earlier.end <= later.start)
            if earlier.end == later.start {
                #expect(earlier.mentor != later.mentor || earlier.source != later.source, "\(earlier) and \(later) should be one piece")
            }
        }
        for piece in pieces {
            let onCallAtStart = scenario.schedule.onCall(at: piece.start, overrides: scenario.overrides)
            let onCallAtEnd = scenario.schedule.onCall(at: piece.end.addingTimeInterval(-1), overrides: scenario.overrides)
            if piece.start > scenario.from && piece.end < scenario.to {
                #expect(onCallAtStart == piece)
                #expect(onCallAtEnd == piece)
                let next = scenario.schedule.onCall(at: piece.end, overrides: scenario.overrides)
                #expect(next?.mentor != piece.mentor || next?.source != piece.source)
            } else {
                // Cut by the range: onCall knows the whole piece, which contains the cut one.
                #expect(onCallAtStart.map { $0.start <= piece.start && piece.end <= $0.end && $0.mentor == piece.mentor } == true)
            }
        }
    }

    /// `nextShift` finds the first later piece of each mentor in the list.
    @Test(arguments: scenarios)
    func nextShiftMatchesTheList(_ scenario: TimelineScenario) {
        let pieces = scenario.schedule.shifts(from: scenario.from, to: scenario.to, overrides: scenario.overrides)
        let mentors = Set(pieces.map(\.mentor))
        for instant in stride(from: scenario.from, to: scenario.to, by: 6 * 3600 + 17) {
            for mentor in mentors {
                let within = Duration.seconds(3 * 86400)
                let found = scenario.schedule.nextShift(of: mentor, after: instant, within: within, overrides: scenario.overrides)
                let limit = instant.addingTimeInterval(3 * 86400)
                guard limit < scenario.to else { continue }
                let expected = pieces.first { $0.mentor == mentor && $0.start > instant && $0.start <= limit }
                #expect(found?.start == expected?.start, "\(mentor) after \(instant)")
                if let found, let expected, expected.end < scenario.to { #expect(found == expected) }
            }
        }
    }
}
