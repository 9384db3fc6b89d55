import Foundation

extension TimeZone {
    /// The whole seconds since 1970 whose wall-clock reading falls in `readings` (local seconds, a range of
    /// at most a day), as sorted, disjoint ranges.
    ///
    /// Before an offset change an instant `t` reads `t + a`, after it `t + b`, so the answer is one range
    /// per offset, cut at the change. Where clocks spring forward, readings that start in the skipped hour
    /// start at the jump; where they fall back, readings that start or end inside the repeated hour give
    /// two ranges, one per pass. Assumes at most one offset change within a day either side, as
    /// `firstOffsetChange` does.
    func instantRanges(readingIn readings: Range<Int>) -> [Range<Int>] {
        let before = readings.lowerBound - 86400
        let after = readings.upperBound + 86400
        let offsetBefore = offset(atSecond: before)
        guard let change = firstOffsetChange(after: before, through: after) else {
            return [(readings.lowerBound - offsetBefore)..<(readings.upperBound - offsetBefore)]
        }
        let offsetAfter = offset(atSecond: after)
        let beforeChange = (readings.lowerBound - offsetBefore, min(readings.upperBound - offsetBefore, change))
        let afterChange = (max(readings.lowerBound - offsetAfter, change), readings.upperBound - offsetAfter)
        return [beforeChange, afterChange].filter { $0.0 < $0.1 }.map { $0.0..<$0.1 }.coalesced()
    }
}
