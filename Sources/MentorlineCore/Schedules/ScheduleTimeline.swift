import Foundation

/// The final timeline of one schedule with a set of overrides: layers by precedence, then overrides.
///
/// The timeline is piecewise constant. From any instant it finds the next (or last) place where the
/// on-call mentor may change by asking each layer and the override edges, and it only asks the parts
/// that can matter there: layers below the covering one are hidden, and under an override that applies
/// regardless of the layers no layer matters until an override edge. So it walks from change to change,
/// never through time, and `piece(containing:)` costs O(layers + overrides) per change it passes.
struct ScheduleTimeline {
    /// Who is on call and why; two adjacent stretches with equal placements are one piece.
    struct Placement: Hashable {
        var mentor: MentorID
        var source: ShiftSource
    }

    /// What holds at one instant.
    private struct Evaluation {
        /// The covering layer with the highest index and its mentor.
        var layered: (index: Int, mentor: MentorID)?
        var placement: Placement?
        /// False when a winning override applies whatever the layers say, so layer changes cannot
        /// change the placement before the next override edge.
        var layersMatter: Bool
    }

    /// A guard against endless walks on inputs nobody writes (one piece passing this many possible
    /// changes that change nothing); the piece is then reported as ending there.
    private static let maximumStepsPerPiece = 100_000

    private let layers: [LayerTimeline]
    /// This schedule's overrides with a positive length, the winner first (latest `createdAt`, then
    /// the greatest id).
    private let overrides: [ScheduleOverride]
    /// Every override start and end, sorted, without duplicates.
    private let overrideEdges: [Date]

    init(schedule: Schedule, overrides: [ScheduleOverride]) {
        layers = schedule.layers.enumerated().compactMap { LayerTimeline(index: $0.offset, layer: $0.element, timeZone: schedule.timeZone) }
        self.overrides = overrides
            .filter { $0.schedule == schedule.id && $0.start < $0.end }
            .sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
        overrideEdges = Set(self.overrides.flatMap { [$0.start, $0.end] }).sorted()
    }

    // MARK: Pieces

    /// The maximal piece with one placement that contains `instant`, or nil when nobody is on call.
    /// Its end is `Date.distantFuture` when the placement never changes again.
    func piece(containing instant: Date) -> Shift? {
        let evaluation = evaluate(at: instant)
        guard let placement = evaluation.placement else { return nil }
        return Shift(
            mentor: placement.mentor, start: start(ofPieceAt: instant, evaluation), end: end(ofPieceAt: instant, evaluation),
            source: placement.source
        )
    }

    /// The pieces in `[from, to)`, clipped to it, in order.
    func pieces(from: Date, to: Date) -> [Shift] {
        guard from < to else { return [] }
        var pieces: [Shift] = []
        var evaluation = evaluate(at: from)
        var placement = evaluation.placement
        var start = from
        var position = from
        while let next = nextCandidate(after: position, evaluation), next < to {
            let nextEvaluation = evaluate(at: next)
            if nextEvaluation.placement != placement {
                if let placement { pieces.append(Shift(mentor: placement.mentor, start: start, end: next, source: placement.source)) }
                placement = nextEvaluation.placement
                start = next
            }
            position = next
            evaluation = nextEvaluation
        }
        if let placement { pieces.append(Shift(mentor: placement.mentor, start: start, end: to, source: placement.source)) }
        return pieces
    }

    /// The first piece of `mentor` starting in `(instant, limit]`, with its full length.
    func firstPiece(of mentor: MentorID, after instant: Date, through limit: Date) -> Shift? {
        var evaluation = evaluate(at: instant)
        var placement = evaluation.placement
        var position = instant
        while let next = nextCandidate(after: position, evaluation), next <= limit {
            let nextEvaluation = evaluate(at: next)
            if nextEvaluation.placement != placement, let found = nextEvaluation.placement {
                if found.mentor == mentor {
                    return Shift(mentor: mentor, start: next, end: end(ofPieceAt: next, nextEvaluation), source: found.source)
                }
            }
            placement = nextEvaluation.placement
            position = next
            evaluation = nextEvaluation
        }
        return nil
    }

    private func end(ofPieceAt instant: Date, _ evaluation: Evaluation) -> Date {
        var evaluation = evaluation
        var position = instant
        for _ in 0..<Self.maximumStepsPerPiece {
            guard let next = nextCandidate(after: position, evaluation) else { return .distantFuture }
            let nextEvaluation = evaluate(at: next)
            if nextEvaluation.placement != evaluation.placement { return next }
            position = next
            evaluation = nextEvaluation
        }
        return position
    }

    private func start(ofPieceAt instant: Date, _ evaluation: Evaluation) -> Date {
        var evaluation = evaluation
        var position = instant
        for _ in 0..<Self.maximumStepsPerPiece {
            // The placement is the same on [change, position]; look at the stretch just before `change`.
            guard let change = lastCandidate(atOrBefore: position, evaluation) else { return .distantPast }
            let probe = lastCandidate(before: change) ?? change.addingTimeInterval(-1)
            let before = evaluate(at: probe)
            if before.placement != evaluation.placement { return change }
            position = probe
            evaluation = before
        }
        return position
    }

    // MARK: Evaluation

    private func evaluate(at instant: Date) -> Evaluation {
        var layered: (index: Int, mentor: MentorID)?
        for layer in layers.reversed() {
            if let mentor = layer.mentor(at: instant) {
                layered = (layer.index, mentor)
                break
            }
        }
        var winner: ScheduleOverride?
        var dependsOnLayers = false
        for override in overrides where override.start <= instant && instant < override.end {
            if let replaced = override.replacing {
                // Applies only over the replaced mentor, so the layers decide whether it (or, if it does
                // not apply, a lower one) wins.
                dependsOnLayers = true
                if replaced == layered?.mentor {
                    winner = override
                    break
                }
            } else {
                winner = override
                break
            }
        }
        if let winner {
            return Evaluation(
                layered: layered, placement: Placement(mentor: winner.mentor, source: .override(winner.id)), layersMatter: dependsOnLayers
            )
        }
        return Evaluation(layered: layered, placement: layered.map { Placement(mentor: $0.mentor, source: .layer($0.index)) }, layersMatter: true)
    }

    // MARK: Candidates

    /// The first instant after `instant` at which the placement may change. The placement is the same
    /// on `[instant, result)`.
    private func nextCandidate(after instant: Date, _ evaluation: Evaluation) -> Date? {
        var next = firstOverrideEdge(after: instant)
        guard evaluation.layersMatter else { return next }
        // Layers below the covering one are hidden until something at or above it changes.
        for layer in layers where layer.index >= (evaluation.layered?.index ?? 0) {
            if let change = layer.nextChange(after: instant) {
                next = next.map { min($0, change) } ?? change
            }
        }
        return next
    }

    /// The last instant at or before `instant` at which the placement may have changed. The placement
    /// is the same on `[result, instant]`.
    private func lastCandidate(atOrBefore instant: Date, _ evaluation: Evaluation) -> Date? {
        var last = lastOverrideEdge(atOrBefore: instant)
        guard evaluation.layersMatter else { return last }
        for layer in layers where layer.index >= (evaluation.layered?.index ?? 0) {
            if let change = layer.lastChange(atOrBefore: instant) {
                last = last.map { max($0, change) } ?? change
            }
        }
        return last
    }

    /// The last instant before `instant` at which anything at all may have changed, so that the
    /// placement is the same from there up to (not including) `instant`.
    private func lastCandidate(before instant: Date) -> Date? {
        let earlierEdges = overrideEdgeCount { $0 >= instant }
        var last = earlierEdges > 0 ? overrideEdges[earlierEdges - 1] : nil
        // Layer changes fall on whole seconds, so none lies after the whole second before `instant`.
        let wholeSecondBefore = Date(timeIntervalSince1970: ceil(instant.timeIntervalSince1970) - 1)
        for layer in layers {
            if let change = layer.lastChange(atOrBefore: wholeSecondBefore) {
                last = last.map { max($0, change) } ?? change
            }
        }
        return last
    }

    private func firstOverrideEdge(after instant: Date) -> Date? {
        let index = overrideEdgeCount { $0 > instant }
        return index < overrideEdges.count ? overrideEdges[index] : nil
    }

    private func lastOverrideEdge(atOrBefore instant: Date) -> Date? {
        let index = overrideEdgeCount { $0 > instant }
        return index > 0 ? overrideEdges[index - 1] : nil
    }

    /// How many sorted override edges come before the first one for which `isPast` holds (binary search;
    /// `isPast` must be false for a prefix of the edges and true for the rest).
    private func overrideEdgeCount(before isPast: (Date) -> Bool) -> Int {
        var low = 0
        var high = overrideEdges.count
        while low < high {
            let middle = (low + high) / 2
            if isPast(overrideEdges[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
