package import Foundation

/// Who is on call, computed from the layers, their restrictions and the overrides.
///
/// Turn boundaries are wall-clock readings in the schedule's zone (first handoff plus whole turns),
/// resolved as `LocalDateTime.instant(in:)` does; restrictions and working hours compare the wall-clock
/// reading with their windows (see `WeeklyWindow`). Later layers win where they cover, overrides win
/// over every layer, and among overlapping overrides the one created last wins (`createdAt`, then id).
/// An override with `replacing` applies only where the layers put that mentor on call; overrides of
/// other schedules and overrides that end before they start are ignored.
extension Schedule {
    /// The piece of the final timeline covering `instant` (start ≤ instant < end), or nil when nobody is
    /// on call. Its ends are where the on-call mentor or the reason changes: a turn cut by a restriction
    /// window or an override ends at the cut, and consecutive turns of the same mentor are one piece.
    /// The end is `Date.distantFuture` when nothing ever changes again (a layer of one mentor without
    /// restrictions and no later override).
    package func onCall(at instant: Date, overrides: [ScheduleOverride] = []) -> Shift? {
        ScheduleTimeline(schedule: self, overrides: overrides).piece(containing: instant)
    }

    /// The final timeline in `[from, to)`: sorted, non-overlapping pieces clipped to the range, with gaps
    /// where nobody is on call left out. Adjacent stretches with the same mentor and the same source are
    /// one piece, so every piece not cut by the range equals `onCall(at:)` anywhere inside it.
    package func shifts(from: Date, to: Date, overrides: [ScheduleOverride] = []) -> [Shift] {
        ScheduleTimeline(schedule: self, overrides: overrides).pieces(from: from, to: to)
    }

    /// The first piece of the final timeline on which `mentor` is on call that starts strictly after
    /// `instant` and no later than `instant + within`, with its full length (not cut at the bound).
    /// A piece already running at `instant` does not count.
    package func nextShift(of mentor: MentorID, after instant: Date, within: Duration, overrides: [ScheduleOverride] = []) -> Shift? {
        let limit = instant.addingTimeInterval(within.timeInterval)
        guard limit > instant else { return nil }
        return ScheduleTimeline(schedule: self, overrides: overrides).firstPiece(of: mentor, after: instant, through: limit)
    }
}
