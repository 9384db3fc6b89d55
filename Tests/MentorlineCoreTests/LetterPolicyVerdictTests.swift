import Foundation
import Testing
@testable import MentorlineCore

private typealias L = LetterFixtures

private let weekend = L.span("fri 12:00", "mon 08:00")

@Suite struct LetterPolicyVerdictTests {
    // 2026-01-09 is a Friday, 2026-01-12 a Monday.
    @Test(arguments: [
        ("2026-01-09T11:59", LetterVerdict.allowed),
        ("2026-01-09T12:00", .held(.quietPeriod(weekend))),
        ("2026-01-10T10:00", .held(.quietPeriod(weekend))),
        ("2026-01-12T07:59", .held(.quietPeriod(weekend))),
        ("2026-01-12T08:00", .allowed),
        ("2026-01-13T07:59", .held(.outsideDeliveryHours)),
        ("2026-01-13T16:59", .allowed),
        ("2026-01-13T17:00", .held(.outsideDeliveryHours)),
        ("2026-05-25T10:00", .held(.holiday(.whitMonday))),
        // A holiday outranks a quiet period: Good Friday afternoon.
        ("2026-04-03T14:00", .held(.holiday(.goodFriday))),
        // Across the spring-forward night and in the repeated autumn hour.
        ("2026-03-29T01:30:00Z", .held(.quietPeriod(weekend))),
        ("2026-03-30T06:00:00Z", .allowed),
        ("2026-03-30T05:59:59Z", .held(.quietPeriod(weekend))),
        ("2026-10-26T07:00:00Z", .allowed),
        ("2026-10-26T06:59:59Z", .held(.quietPeriod(weekend))),
    ])
    func citizen(at: String, expected: LetterVerdict) {
        #expect(L.citizen.verdict(at: L.at(at)) == expected)
    }

    @Test(arguments: [
        ("2026-01-12T07:59", LetterVerdict.held(.outsideDeliveryHours)),
        ("2026-01-12T08:00", .allowed),
        ("2026-01-09T15:59", .allowed),
        ("2026-01-09T16:00", .held(.outsideDeliveryHours)),
        ("2026-01-10T10:00", .held(.outsideDeliveryHours)),
        ("2026-05-14T10:00", .held(.holiday(.ascensionDay))),
        ("2026-06-05T10:00", .held(.holiday(.constitutionDay))),
        ("2026-12-31T09:00", .held(.holiday(.newYearsEve))),
    ])
    func officeHours(at: String, expected: LetterVerdict) {
        #expect(L.office.verdict(at: L.at(at)) == expected)
    }

    /// Holiday, then closed date, then quiet period, then delivery hours.
    @Test func reasonPriority() {
        let christmas = L.date("2026-12-25")
        let closed = L.citizen(holidays: HolidayCalendar(), closedDates: [christmas, L.date("2026-12-28"), L.date("2027-01-08")])
        #expect(closed.verdict(at: L.at("2026-12-25T10:00")) == .held(.holiday(.christmasDay)))
        #expect(closed.verdict(at: L.at("2026-12-28T10:00")) == .held(.closedDate(L.date("2026-12-28"))))
        // Friday 2027-01-08: closed all day, quiet from noon, outside hours in the evening.
        #expect(closed.verdict(at: L.at("2027-01-08T20:00")) == .held(.closedDate(L.date("2027-01-08"))))
        #expect(L.citizen.verdict(at: L.at("2027-01-08T20:00")) == .held(.quietPeriod(weekend)))
        #expect(L.citizen.verdict(at: L.at("2027-01-07T20:00")) == .held(.outsideDeliveryHours))
        // With several quiet spans the first that applies is named.
        var twoSpans = L.citizen
        twoSpans.quietSpans = [L.span("thu 18:00", "fri 13:00"), weekend]
        #expect(twoSpans.verdict(at: L.at("2027-01-08T12:30")) == .held(.quietPeriod(L.span("thu 18:00", "fri 13:00"))))
        #expect(twoSpans.verdict(at: L.at("2027-01-08T13:00")) == .held(.quietPeriod(weekend)))
    }

    @Test(arguments: [
        (HoldReason.holiday(.whitMonday), "Whit Monday", "holiday"),
        (.holiday(.generalPrayerDay), "General Prayer Day", "holiday"),
        (.closedDate(L.date("2026-12-28")), "closed date 2026-12-28", "closed_date"),
        (.quietPeriod(weekend), "quiet period fri 12:00–mon 08:00", "quiet_period"),
        (.outsideDeliveryHours, "outside delivery hours", "outside_hours"),
    ])
    func describesReasons(reason: HoldReason, description: String, code: String) {
        #expect(reason.description == description)
        #expect(reason.code == code)
    }

    /// A daily window and weekly windows both apply: Monday, Wednesday and Friday, 09:30–15:45.
    @Test(arguments: [
        ("2026-01-12T09:29", false), ("2026-01-12T09:30", true), ("2026-01-12T15:44", true), ("2026-01-12T15:45", false),
        ("2026-01-13T12:00", false), ("2026-01-14T12:00", true), ("2026-01-10T12:00", false),
    ])
    func dailyAndWeeklyWindowsTogether(at: String, allowed: Bool) {
        let policy = LetterPolicy(
            timeZone: L.copenhagen, dailyWindow: L.daily("09:30", "15:45"), allowedWeekly: [L.window([.monday, .wednesday, .friday], "00:00", "00:00")]
        )
        #expect(policy.verdict(at: L.at(at)) == (allowed ? .allowed : .held(.outsideDeliveryHours)))
    }
}
