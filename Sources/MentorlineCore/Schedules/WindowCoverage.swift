import Foundation

/// The instants covered by a set of weekly windows in one time zone, with the arithmetic to find where
/// coverage next changes, so timelines jump from edge to edge instead of stepping through time.
///
/// Windows are merged into runs of one repeating week of wall-clock time ("week seconds", Monday 00:00
/// = 0); an instant is covered when its reading falls inside a run, as `WeeklyWindow.contains` decides.
/// Coverage changes only where the reading crosses a run edge or where the zone changes its offset
/// (the reading jumps), so those are the only places the search looks at.
struct WindowCoverage: Sendable {
    static let week = 7 * 86400
    /// 1970-01-05 00:00, a Monday, in local seconds.
    private static let firstMonday = 4 * 86400

    let timeZone: TimeZone
    /// Merged, sorted, disjoint runs within `0..<week`.
    private let runs: [Range<Int>]
    /// Sorted week seconds at which coverage flips; empty when coverage never changes.
    private let edges: [Int]

    init(windows: [WeeklyWindow], timeZone: TimeZone) {
        self.timeZone = timeZone
        var pieces: [Range<Int>] = []
        for window in windows {
            let length = window.wallClockLength
            for day in window.days {
                let start = (day.rawValue - 1) * 86400 + window.from.secondsSinceMidnight
                let end = start + length
                if end <= Self.week {
                    pieces.append(start..<end)
                } else {
                    // Sunday's overnight occurrence ends on Monday of the next week.
                    pieces.append(start..<Self.week)
                    pieces.append(0..<(end - Self.week))
                }
            }
        }
        var runs: [Range<Int>] = []
        for piece in pieces.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = runs.last, piece.lowerBound <= last.upperBound {
                runs[runs.count - 1] = last.lowerBound..<Swift.max(last.upperBound, piece.upperBound)
            } else {
                runs.append(piece)
            }
        }
        self.runs = runs
        // A run ending at the end of the week continues into one starting on Monday 00:00: no edge there.
        let starts = Set(runs.map(\.lowerBound))
        let ends = Set(runs.map { $0.upperBound % Self.week })
        self.edges = starts.symmetricDifference(ends).sorted()
    }

    /// True when no instant is covered.
    var coversNothing: Bool { runs.isEmpty }

    /// Whether the reading (local seconds) is inside a run.
    func covers(reading: Int) -> Bool {
        let second = (reading - Self.firstMonday).flooredModulo(Self.week)
        return runs.contains { $0.contains(second) }
    }

    func covers(_ instant: Date) -> Bool {
        covers(reading: timeZone.reading(of: instant))
    }

    /// The first instant after `instant` at which coverage may change: the next run edge reached at the
    /// current offset, or an offset change before it (a change of offset may or may not flip coverage).
    /// Nil when coverage never changes.
    func nextChange(after instant: Date) -> Date? {
        guard let first = edges.first else { return nil }
        let second = Int(floor(instant.timeIntervalSince1970))
        let offset = timeZone.secondsFromGMT(for: instant)
        let reading = second + offset
        let intoWeek = (reading - Self.firstMonday).flooredModulo(Self.week)
        let weekStart = reading - intoWeek
        let edge = edges.first { $0 > intoWeek }.map { weekStart + $0 } ?? weekStart + Self.week + first
        let crossing = edge - offset
        let change = timeZone.firstOffsetChange(after: second, through: crossing) ?? crossing
        return Date(timeIntervalSince1970: TimeInterval(change))
    }

    /// The last instant at or before `instant` at which coverage may have changed; coverage is the same
    /// from there to `instant`. Nil when coverage never changes.
    func lastChange(atOrBefore instant: Date) -> Date? {
        guard let last = edges.last else { return nil }
        let second = Int(floor(instant.timeIntervalSince1970))
        let offset = timeZone.secondsFromGMT(for: instant)
        let reading = second + offset
        let intoWeek = (reading - Self.firstMonday).flooredModulo(Self.week)
        let weekStart = reading - intoWeek
        let edge = edges.last { $0 <= intoWeek }.map { weekStart + $0 } ?? weekStart - Self.week + last
        let crossing = edge - offset
        // If the offset at the crossing differs, the current offset began later: the reading jumped then.
        let change = timeZone.firstOffsetChange(after: crossing, through: second) ?? crossing
        return Date(timeIntervalSince1970: TimeInterval(change))
    }
}
