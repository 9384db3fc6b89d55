package import Foundation

/// When the municipality may send a letter: never on holidays or closed dates, and only at the times
/// of day and week the policy allows. Citizens get no letters from Friday noon to Monday morning;
/// companies get them in office hours.
///
/// An instant is *allowed* when its wall-clock reading in `timeZone` is on a date that is neither an
/// observed holiday nor a closed date, inside `dailyWindow` (if any), inside one of `allowedWeekly` (if
/// any) and in none of `quietSpans`. Every window includes its start and excludes its end.
///
/// The rules read the wall clock, as `WeeklyWindow` does: readings skipped when clocks spring forward
/// never occur (a window from 02:30 opens when the clocks jump to 03:00), and readings repeated when
/// they fall back get the same verdict both times.
package struct LetterPolicy: Hashable, Sendable {
    /// The zone whose wall clock the rules read.
    package var timeZone: TimeZone
    /// The hours of every day in which letters may go out; nil: all day.
    package var dailyWindow: DailyWindow?
    /// Letters go out only inside one of these windows, such as a company's office hours; empty: no weekly restriction.
    package var allowedWeekly: [WeeklyWindow]
    /// Spans in which letters are held, such as a citizen's weekend (Friday 12:00 to Monday 08:00).
    package var quietSpans: [WeeklySpan]
    /// The holidays on which letters are held all day.
    package var holidays: HolidayCalendar
    /// Further dates on which letters are held all day.
    package var closedDates: Set<LocalDate>

    package init(
        timeZone: TimeZone, dailyWindow: DailyWindow? = nil, allowedWeekly: [WeeklyWindow] = [], quietSpans: [WeeklySpan] = [],
        holidays: HolidayCalendar = HolidayCalendar(), closedDates: Set<LocalDate> = []
    ) {
        self.timeZone = timeZone
        self.dailyWindow = dailyWindow
        self.allowedWeekly = allowedWeekly
        self.quietSpans = quietSpans
        self.holidays = holidays
        self.closedDates = closedDates
    }

    /// For citizens: 08:00–17:00, nothing from Friday 12:00 to Monday 08:00, nothing on holidays
    /// (including the days closed by custom).
    package static func citizenDefault(timeZone: TimeZone) -> LetterPolicy {
        LetterPolicy(
            timeZone: timeZone,
            dailyWindow: DailyWindow(from: WallClockTime(hour: 8, minute: 0)!, to: WallClockTime(hour: 17, minute: 0)!),
            quietSpans: [WeeklySpan(from: "fri 12:00", to: "mon 08:00")!]
        )
    }

    /// For companies: Monday–Friday 08:00–16:00, nothing on holidays (including the days closed by custom).
    package static func officeHours(timeZone: TimeZone) -> LetterPolicy {
        let weekdays: Set<Weekday> = [.monday, .tuesday, .wednesday, .thursday, .friday]
        return LetterPolicy(
            timeZone: timeZone,
            allowedWeekly: [WeeklyWindow(days: weekdays, from: WallClockTime(hour: 8, minute: 0)!, to: WallClockTime(hour: 16, minute: 0)!)]
        )
    }

    /// Whether a letter may go out at `instant`, and if not, why.
    package func verdict(at instant: Date) -> LetterVerdict {
        holdReason(at: LocalDateTime(instant, in: timeZone)).map(LetterVerdict.held) ?? .allowed
    }

    /// Why a letter is held at the reading, or nil when it may go out. Date reasons come before time reasons.
    func holdReason(at local: LocalDateTime) -> HoldReason? {
        holdReason(on: local.date) ?? timeHoldReason(at: local)
    }

    /// Why letters are held all day on `date` (a holiday, then a closed date), or nil.
    func holdReason(on date: LocalDate) -> HoldReason? {
        if let holiday = holidays.holiday(on: date) { return .holiday(holiday) }
        if closedDates.contains(date) { return .closedDate(date) }
        return nil
    }

    /// Why the time of day and week of the reading hold a letter (a quiet span, then delivery hours), or nil.
    /// Depends only on the weekday and the time of day.
    func timeHoldReason(at local: LocalDateTime) -> HoldReason? {
        if let span = quietSpans.first(where: { $0.contains(local) }) { return .quietPeriod(span) }
        let inDailyWindow = dailyWindow?.contains(local) ?? true
        let inWeeklyWindow = allowedWeekly.isEmpty || allowedWeekly.contains { $0.contains(local) }
        return inDailyWindow && inWeeklyWindow ? nil : .outsideDeliveryHours
    }
}
