package import Foundation

/// Reads an HTTP `Retry-After` value: delay seconds (`120`) or an IMF-fixdate
/// (`Sun, 06 Nov 1994 08:49:37 GMT`), as RFC 9110 §10.2.3 allows.
package enum RetryAfter {
    /// How long the receiver asks us to wait, measured from `now`; nil when the value is not one of the two forms.
    package static func parse(_ value: String, now: Date) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(text) { return seconds >= 0 ? .seconds(seconds) : nil }
        guard let date = imfFixdate(text) else { return nil }
        return .seconds(max(0, date.timeIntervalSince(now)))
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func imfFixdate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[0].hasSuffix(","), parts[5] == "GMT",
              let day = Int(parts[1]), let monthIndex = months.firstIndex(of: String(parts[2])), let year = Int(parts[3]),
              let date = LocalDate(year: year, month: monthIndex + 1, day: day)
        else { return nil }
        let clock = parts[4].split(separator: ":")
        guard clock.count == 3, let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2]),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(date.dayNumber * 86400 + hour * 3600 + minute * 60 + second))
    }
}
