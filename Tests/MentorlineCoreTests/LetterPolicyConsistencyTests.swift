import Foundation
import Testing
@testable import MentorlineCore

private typealias L = LetterFixtures

/// The policy's rules written out plainly, reading the wall clock with Foundation's `Calendar` and
/// counting minutes round the week; slow, but independent of the code under test.
private struct ReferencePolicy {
    let policy: LetterPolicy
    let calendar: Calendar

    init(_ policy: LetterPolicy) {
        self.policy = policy
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = policy.timeZone
        self.calendar = calendar
    }

    static let week = 7 * 1440

    func reason(at instant: Date) -> HoldReason? {
        let clock = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: instant)
        let date = LocalDate(year: clock.year!, month: clock.month!, day: clock.day!)!
        let minuteOfDay = clock.hour! * 60 + clock.minute!
        // Calendar counts Sunday as 1; count Monday as 0 here.
        let minuteOfWeek = (clock.weekday! + 5) % 7 * 1440 + minuteOfDay
        if let holiday = holiday(on: date) { return .holiday(holiday) }
        if policy.closedDates.contains(date) { return .closedDate(date) }
        for span in policy.quietSpans {
            let start = Self.minuteOfWeek(span.from), end = Self.minuteOfWeek(span.to)
            if Self.forward(from: start, to: minuteOfWeek) < Self.forward(from: start, to: end) { return .quietPeriod(span) }
        }
        if let daily = policy.dailyWindow, minuteOfDay < Self.minutes(daily.from) || minuteOfDay >= Self.minutes(daily.to) {
            return .outsideDeliveryHours
        }
        if !policy.allowedWeekly.isEmpty, !policy.allowedWeekly.contains(where: { Self.window($0, contains: minuteOfWeek) }) {
            return .outsideDeliveryHours
        }
        return nil
    }

    private func holiday(on date: LocalDate) -> DanishHoliday? {
        guard policy.holidays.enabled else { return nil }
        switch (date.month, date.day) {
        case (1, 1): return .newYearsDay
        case (12, 25): return .christmasDay
        case (12, 26): return .boxingDay
        default: break
        }
        switch date.dayNumber - L.gaussEaster(date.year).dayNumber {
        case -3: return .maundyThursday
        case -2: return .goodFriday
        case 0: return .easterSunday
        case 1: return .easterMonday
        case 26 where date.year <= 2023: return .generalPrayerDay
        case 39: return .ascensionDay
        case 49: return .whitSunday
        case 50: return .whitMonday
        default: break
        }
        let custom: [DanishHoliday: (Int, Int)] = [.constitutionDay: (6, 5), .christmasEve: (12, 24), .newYearsEve: (12, 31)]
        return custom.first { policy.holidays.customDays.contains($0.key) && $0.value == (date.month, date.day) }?.key
    }

    /// Each occurrence of a weekly window starts on one of its days and lasts its length (a whole day when the ends are equal).
    private static func window(_ window: WeeklyWindow, contains minuteOfWeek: Int) -> Bool {
        let length = (minutes(window.to) - minutes(window.from) + 1440) % 1440
        return window.days.contains { day in
            forward(from: (day.rawValue - 1) * 1440 + minutes(window.from), to: minuteOfWeek) < (length == 0 ? 1440 : length)
        }
    }

    private static func minutes(_ time: WallClockTime) -> Int { time.hour * 60 + time.minute }
    private static func minuteOfWeek(_ time: WeekdayTime) -> Int { (time.weekday.rawValue - 1) * 1440 + minutes(time.time) }
    /// Minutes from `start` forward to `end`, round the week.
    private static func forward(from start: Int, to end: Int) -> Int { ((end - start) % week + week) % week }
}

private let policies: [(String, LetterPolicy)] = [
    ("citizen", L.citizen),
    ("office", L.office),
    // Windows and quiet spans inside the DST hours of Sunday night, closed dates, one custom day.
    ("night", LetterPolicy(
        timeZone: L.copenhagen,
        allowedWeekly: [L.window(L.weekdays, "07:00", "18:00"), L.window([.saturday], "22:00", "02:30"), L.window([.sunday], "02:15", "02:45")],
        quietSpans: [L.span("wed 12:00", "wed 13:00"), L.span("sun 02:40", "mon 07:30")],
        holidays: HolidayCalendar(customDays: [.christmasEve]),
        closedDates: [L.date("2026-03-30"), L.date("2026-10-26"), L.date("2027-07-01"), L.date("2027-07-02")]
    )),
    ("daily and weekly", LetterPolicy(
        timeZone: L.copenhagen, dailyWindow: L.daily("09:30", "15:45"), allowedWeekly: [L.window([.monday, .wednesday, .friday], "00:00", "00:00")],
        quietSpans: [L.span("thu 15:00", "fri 10:00")], holidays: HolidayCalendar(enabled: false)
    )),
    ("quiet hour", LetterPolicy(timeZone: L.copenhagen, quietSpans: [L.span("sun 02:00", "sun 03:00")], holidays: HolidayCalendar(enabled: false))),
]

@Suite struct LetterPolicyConsistencyTests {
    /// Every 37 minutes through 2026 and 2027: the verdict agrees with the reference; `nextAllowed` is
    /// allowed, starts an allowed interval and skips nothing allowed; `latestAllowed` is allowed and as
    /// late as it can be to the minute. The minute-by-minute walks run on every 50th instant (about 31 hours apart, so
    /// they visit every time of day and week).
    @Test(arguments: policies.indices)
    func agreesWithReference(index: Int) {
        let (name, policy) = policies[index]
        let reference = ReferencePolicy(policy)
        var problems: [String] = []
        var instant = L.at("2026-01-01T00:00:00Z")
        var step = 0
        while instant < L.at("2028-01-01T00:00:00Z") {
            defer { instant.addTimeInterval(37 * 60); step += 1 }
            let reason = reference.reason(at: instant)
            if policy.verdict(at: instant) != reason.map(LetterVerdict.held) ?? .allowed { problems.append("verdict at \(instant)") }
            guard let next = policy.nextAllowed(atOrAfter: instant) else {
                problems.append("no next after \(instant)")
                continue
            }
            if next.heldBy != reason { problems.append("reason at \(instant)") }
            if next.at < instant || reference.reason(at: next.at) != nil { problems.append("next after \(instant) is \(next.at)") }
            if reason != nil, policy.verdict(at: next.at.addingTimeInterval(-1)) == .allowed { problems.append("next after \(instant) is late") }
            guard step % 50 == 0 else { continue }
            if heldThroughout(policy, from: instant, to: next.at.addingTimeInterval(-1)) == false { problems.append("skipped before \(next.at)") }
            let earliest = instant.addingTimeInterval(-10 * 86400)
            let latest = policy.latestAllowed(atOrBefore: instant, notBefore: earliest)
            if let latest {
                if reason == nil ? latest != instant : (latest < earliest || latest >= instant || reference.reason(at: latest) != nil) {
                    problems.append("latest before \(instant) is \(latest)")
                } else if reason != nil, !heldThroughout(policy, from: latest.addingTimeInterval(60), to: instant) {
                    problems.append("latest before \(instant) is early")
                }
            } else if !heldThroughout(policy, from: earliest, to: instant) {
                problems.append("no latest before \(instant)")
            }
        }
        #expect(step > 28_000)
        #expect(problems.isEmpty, "\(name): \(problems.count) problems, first \(problems.prefix(5))")
    }

    /// Whether every whole minute from `start` to `end` (both included) is held.
    private func heldThroughout(_ policy: LetterPolicy, from start: Date, to end: Date) -> Bool {
        stride(from: start.timeIntervalSince1970, through: end.timeIntervalSince1970, by: 60).allSatisfy {
            policy.verdict(at: Date(timeIntervalSince1970: $0)) != .allowed
        }
    }
}
