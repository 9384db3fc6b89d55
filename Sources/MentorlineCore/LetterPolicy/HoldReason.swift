/// Why the letter policy holds a letter at some instant. When several reasons apply, the first in
/// declaration order is given.
package enum HoldReason: Hashable, Sendable, CustomStringConvertible {
    /// The date is an observed holiday.
    case holiday(DanishHoliday)
    /// The date is one of the policy's extra closed dates.
    case closedDate(LocalDate)
    /// The time is inside this quiet span.
    case quietPeriod(WeeklySpan)
    /// The time is outside the daily window or outside every allowed weekly window.
    case outsideDeliveryHours

    /// A stable label for metrics: `holiday`, `closed_date`, `quiet_period`, `outside_hours`.
    package var code: String {
        switch self {
        case .holiday: "holiday"
        case .closedDate: "closed_date"
        case .quietPeriod: "quiet_period"
        case .outsideDeliveryHours: "outside_hours"
        }
    }

    /// Every `code`, for metrics that show each reason even while nothing is held for it.
    package static let codes = ["holiday", "closed_date", "quiet_period", "outside_hours"]

    /// For people: `Whit Monday`, `closed date 2026-12-28`, `quiet period fri 12:00–mon 08:00`, `outside delivery hours`.
    package var description: String {
        switch self {
        case .holiday(let holiday): holiday.name
        case .closedDate(let date): "closed date \(date)"
        case .quietPeriod(let span): "quiet period \(span)"
        case .outsideDeliveryHours: "outside delivery hours"
        }
    }
}
