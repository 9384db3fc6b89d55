package import Foundation
import MentorlineCore

/// Instants as the commands about letters and cases print them: with the weekday (a letter's day
/// matters), or to the minute in a list whose time zone is named once.
extension TimeText {
    /// `2026-05-25 10:00 (Mon)`: wall-clock time in `timeZone`, to the minute, and the weekday there.
    package static func formatWithWeekday(_ instant: Date, in timeZone: TimeZone) -> String {
        let local = LocalDateTime(instant, in: timeZone)
        return "\(local.date) \(Self.clock(local.secondsIntoDay)) (\(Self.weekdayNames[local.date.isoWeekday - 1]))"
    }

    /// `2026-05-25 10:02`: to the minute (seconds dropped).
    package static func minute(_ instant: Date, in timeZone: TimeZone) -> String {
        let local = LocalDateTime(instant, in: timeZone)
        return "\(local.date) \(Self.clock(local.secondsIntoDay))"
    }

    /// `10:02` when `instant` falls on the same day as `reference` in `timeZone`, else `2026-05-26 08:00`.
    package static func minute(_ instant: Date, sameDayAs reference: Date, in timeZone: TimeZone) -> String {
        let local = LocalDateTime(instant, in: timeZone)
        guard local.date == LocalDateTime(reference, in: timeZone).date else { return Self.minute(instant, in: timeZone) }
        return Self.clock(local.secondsIntoDay)
    }

    private static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// `08:05`.
    private static func clock(_ secondsIntoDay: Int) -> String {
        "\(two(secondsIntoDay / 3600)):\(two(secondsIntoDay / 60 % 60))"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
