/// Durations as configuration writes them.
extension Duration {
    /// Parses a positive whole number followed by a unit: `500ms`, `30s`, `5m`, `2h`, `1d`.
    /// Nil for zero, negative numbers, fractions, missing or unknown units, and overflow.
    package init?(configurationText text: String) {
        let digits = text.prefix { ("0"..."9").contains($0) }
        let unit = text.dropFirst(digits.count)
        guard !digits.isEmpty, let value = Int64(digits), value > 0 else { return nil }
        let secondsPerUnit: Int64
        switch unit {
        case "ms":
            self = .milliseconds(value)
            return
        case "s": secondsPerUnit = 1
        case "m": secondsPerUnit = 60
        case "h": secondsPerUnit = 3600
        case "d": secondsPerUnit = 86_400
        default: return nil
        }
        let (seconds, overflow) = value.multipliedReportingOverflow(by: secondsPerUnit)
        guard !overflow else { return nil }
        self = .seconds(seconds)
    }
}
