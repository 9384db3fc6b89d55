extension Array where Element == Range<Int> {
    /// The same integers as sorted, disjoint ranges with no two touching: overlapping or adjacent ranges
    /// are joined, empty ones dropped.
    func coalesced() -> [Range<Int>] {
        var joined: [Range<Int>] = []
        for range in sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if let last = joined.last, range.lowerBound <= last.upperBound {
                joined[joined.count - 1] = last.lowerBound..<Swift.max(last.upperBound, range.upperBound)
            } else {
                joined.append(range)
            }
        }
        return joined
    }
}
