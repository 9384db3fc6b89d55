import Foundation

/// One schedule layer as a function of time: whose turn it is, whether the restrictions let the layer
/// cover, and where that may next (or last) have changed — all computed arithmetically from the turn
/// length and the restriction edges, never by stepping through time.
struct LayerTimeline: Sendable {
    /// Position in the schedule's layers; higher wins.
    let index: Int
    let mentors: [MentorID]
    let timeZone: TimeZone
    /// The first handoff as a reading in local seconds.
    let firstHandoff: Int
    /// One turn in wall-clock seconds.
    let turnLength: Int
    /// Nil when the layer has no restrictions and covers whenever a turn is running.
    let coverage: WindowCoverage?

    /// Nil when the layer can never cover anything (no mentors, a turn of no length, or restrictions
    /// that cover no time at all), so the timeline can leave it out.
    init?(index: Int, layer: ScheduleLayer, timeZone: TimeZone) {
        let coverage = layer.restrictions.isEmpty ? nil : WindowCoverage(windows: layer.restrictions, timeZone: timeZone)
        guard !layer.mentors.isEmpty, layer.rotation.wallClockSeconds > 0, coverage?.coversNothing != true else { return nil }
        self.index = index
        self.mentors = layer.mentors
        self.timeZone = timeZone
        self.firstHandoff = layer.start.dayNumber * 86400 + layer.handoff.secondsSinceMidnight
        self.turnLength = layer.rotation.wallClockSeconds
        self.coverage = coverage
    }

    /// Where turn `turn` begins: the handoff reading plus whole turns, resolved in the zone the way
    /// `LocalDateTime.instant(in:)` does. Non-decreasing in `turn`; a one-hour turn that would start in
    /// the hour skipped in spring has no length.
    func boundary(_ turn: Int) -> Date {
        LocalDateTime(localSeconds: firstHandoff + turn * turnLength).instant(in: timeZone)
    }

    /// The turn running at `instant` (the last boundary at or before it), or nil before the first handoff.
    func turn(at instant: Date) -> Int? {
        // The reading gives the turn up to the size of a DST change; comparing instants settles it.
        var turn = Swift.max(-1, (timeZone.reading(of: instant) - firstHandoff).flooredDivision(by: turnLength))
        while turn >= 0, boundary(turn) > instant { turn -= 1 }
        while boundary(turn + 1) <= instant { turn += 1 }
        return turn >= 0 ? turn : nil
    }

    func mentor(ofTurn turn: Int) -> MentorID { mentors[turn % mentors.count] }

    /// The mentor this layer puts on call at `instant`, or nil where it covers nothing.
    func mentor(at instant: Date) -> MentorID? {
        guard let turn = turn(at: instant), coverage?.covers(instant) ?? true else { return nil }
        return mentor(ofTurn: turn)
    }

    /// The first instant after `instant` at which `mentor(at:)` may change (a superset of the real
    /// changes is fine for callers), or nil if it never changes again.
    func nextChange(after instant: Date) -> Date? {
        guard let turn = turn(at: instant) else { return boundary(0) }
        let current = mentor(ofTurn: turn)
        // Consecutive turns of the same mentor are one stretch.
        var next = (1...mentors.count).first { mentor(ofTurn: turn + $0) != current }.map { boundary(turn + $0) }
        if let change = coverage?.nextChange(after: instant) {
            next = next.map { Swift.min($0, change) } ?? change
        }
        return next
    }

    /// The last instant at or before `instant` at which `mentor(at:)` may have changed; it is the same
    /// from there up to `instant`. Nil if it never changed (before the first handoff).
    func lastChange(atOrBefore instant: Date) -> Date? {
        guard let turn = turn(at: instant) else { return nil }
        let current = mentor(ofTurn: turn)
        var sameBefore = 0
        while sameBefore < turn, sameBefore < mentors.count, mentor(ofTurn: turn - sameBefore - 1) == current {
            sameBefore += 1
        }
        // Every mentor in the list is the same one: the stretch goes back to the first handoff.
        var last = sameBefore == mentors.count ? boundary(0) : boundary(turn - sameBefore)
        if let change = coverage?.lastChange(atOrBefore: instant) {
            last = Swift.max(last, change)
        }
        return last
    }
}
