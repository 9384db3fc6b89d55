import Foundation
import Testing
@testable import MentorlineCore

private typealias L = LetterFixtures

private let weekend = HoldReason.quietPeriod(L.span("fri 12:00", "mon 08:00"))

@Suite struct LetterPolicyNextAllowedTests {
    /// (at, expected instant, reason at `at`). Expected instants carry their UTC offset: +01:00 in
    /// winter, +02:00 in summer.
    @Test(arguments: [
        // Allowed now: the instant itself, with no reason.
        ("2026-01-09T11:59+01:00", "2026-01-09T11:59+01:00", nil as HoldReason?),
        ("2026-01-12T08:00+01:00", "2026-01-12T08:00+01:00", nil),
        // The weekend quiet period.
        ("2026-01-09T12:00+01:00", "2026-01-12T08:00+01:00", weekend),
        ("2026-01-12T07:59+01:00", "2026-01-12T08:00+01:00", weekend),
        // Daily window: 17:00 is held until 08:00 the next day; Friday morning is allowed.
        ("2026-01-13T17:00+01:00", "2026-01-14T08:00+01:00", .outsideDeliveryHours),
        ("2026-01-08T17:00+01:00", "2026-01-09T08:00+01:00", .outsideDeliveryHours),
        ("2026-01-14T03:00+01:00", "2026-01-14T08:00+01:00", .outsideDeliveryHours),
        // DST weekends: Monday 08:00 on the wall clock, 63 or 65 hours after Friday noon.
        ("2026-03-27T12:00+01:00", "2026-03-30T08:00+02:00", weekend),
        ("2026-03-29T01:30:00Z", "2026-03-30T08:00+02:00", weekend),
        ("2026-10-23T12:00+02:00", "2026-10-26T08:00+01:00", weekend),
        ("2026-10-25T01:30:00Z", "2026-10-26T08:00+01:00", weekend),
        ("2027-10-29T12:00+02:00", "2027-11-01T08:00+01:00", weekend),
        // In 2027 the spring-forward weekend is Easter: Easter Monday is a holiday too.
        ("2027-03-24T17:00+01:00", "2027-03-30T08:00+02:00", .outsideDeliveryHours),
        ("2027-03-26T09:00+01:00", "2027-03-30T08:00+02:00", .holiday(.goodFriday)),
        // Easter 2026: Maundy Thursday to Easter Monday.
        ("2026-04-01T17:00+02:00", "2026-04-07T08:00+02:00", .outsideDeliveryHours),
        ("2026-04-02T10:00+02:00", "2026-04-07T08:00+02:00", .holiday(.maundyThursday)),
        ("2026-04-06T12:00+02:00", "2026-04-07T08:00+02:00", .holiday(.easterMonday)),
        // Ascension Thursday: Friday morning is open before the weekend.
        ("2026-05-14T10:00+02:00", "2026-05-15T08:00+02:00", .holiday(.ascensionDay)),
        ("2026-05-25T09:00+02:00", "2026-05-26T08:00+02:00", .holiday(.whitMonday)),
        // Christmas 2026 (Thursday–Saturday, then Sunday) and New Year (Thursday, Friday, weekend).
        ("2026-12-23T17:00+01:00", "2026-12-28T08:00+01:00", .outsideDeliveryHours),
        ("2026-12-24T09:00+01:00", "2026-12-28T08:00+01:00", .holiday(.christmasEve)),
        ("2026-12-26T09:00+01:00", "2026-12-28T08:00+01:00", .holiday(.boxingDay)),
        ("2026-12-31T10:00+01:00", "2027-01-04T08:00+01:00", .holiday(.newYearsEve)),
        ("2027-01-01T10:00+01:00", "2027-01-04T08:00+01:00", .holiday(.newYearsDay)),
        // Constitution Day 2026 is a Friday.
        ("2026-06-05T09:00+02:00", "2026-06-08T08:00+02:00", .holiday(.constitutionDay)),
    ])
    func citizen(at: String, expected: String, heldBy: HoldReason?) {
        #expect(L.citizen.nextAllowed(atOrAfter: L.at(at)) == LetterSchedule(at: L.at(expected), heldBy: heldBy))
    }

    @Test func customDaySwitchedOff() {
        let policy = L.citizen(holidays: HolidayCalendar(customDays: [.christmasEve, .newYearsEve]))
        #expect(policy.nextAllowed(atOrAfter: L.at("2026-06-05T09:00")) == LetterSchedule(at: L.at("2026-06-05T09:00"), heldBy: nil))
        #expect(policy.nextAllowed(atOrAfter: L.at("2026-06-05T12:00")) == LetterSchedule(at: L.at("2026-06-08T08:00"), heldBy: weekend))
        let noCustomDays = L.citizen(holidays: HolidayCalendar(customDays: []))
        #expect(noCustomDays.nextAllowed(atOrAfter: L.at("2026-12-23T17:00"))?.at == L.at("2026-12-24T08:00"))
        #expect(noCustomDays.nextAllowed(atOrAfter: L.at("2026-12-30T17:00"))?.at == L.at("2026-12-31T08:00"))
    }

    @Test func holidaysDisabled() {
        let policy = L.citizen(holidays: HolidayCalendar(enabled: false))
        #expect(policy.nextAllowed(atOrAfter: L.at("2026-12-24T09:00")) == LetterSchedule(at: L.at("2026-12-24T09:00"), heldBy: nil))
        // The 2027 spring-forward weekend without Easter: Monday 08:00 summer time.
        #expect(policy.nextAllowed(atOrAfter: L.at("2027-03-26T12:00+01:00")) == LetterSchedule(at: L.at("2027-03-29T08:00+02:00"), heldBy: weekend))
    }

    @Test func closedDate() {
        let policy = L.citizen(holidays: HolidayCalendar(), closedDates: [L.date("2026-12-28")])
        let closed = HoldReason.closedDate(L.date("2026-12-28"))
        #expect(policy.nextAllowed(atOrAfter: L.at("2026-12-24T09:00")) == LetterSchedule(at: L.at("2026-12-29T08:00"), heldBy: .holiday(.christmasEve)))
        #expect(policy.nextAllowed(atOrAfter: L.at("2026-12-28T12:00")) == LetterSchedule(at: L.at("2026-12-29T08:00"), heldBy: closed))
    }

    @Test(arguments: [
        ("2026-01-09T15:00+01:00", "2026-01-09T15:00+01:00", nil as HoldReason?),
        ("2026-01-09T16:00+01:00", "2026-01-12T08:00+01:00", .outsideDeliveryHours),
        ("2026-01-12T07:00+01:00", "2026-01-12T08:00+01:00", .outsideDeliveryHours),
        ("2026-12-23T16:00+01:00", "2026-12-28T08:00+01:00", .outsideDeliveryHours),
        ("2026-05-14T09:00+02:00", "2026-05-15T08:00+02:00", .holiday(.ascensionDay)),
        ("2026-03-27T16:00+01:00", "2026-03-30T08:00+02:00", .outsideDeliveryHours),
    ])
    func officeHours(at: String, expected: String, heldBy: HoldReason?) {
        #expect(L.office.nextAllowed(atOrAfter: L.at(at)) == LetterSchedule(at: L.at(expected), heldBy: heldBy))
    }

    /// Fractions of a second: an allowed instant is returned as it is; a held one moves to the whole
    /// second at which the next interval starts.
    @Test func fractionalInstants() {
        let allowed = L.at("2026-01-09T11:59:59+01:00").addingTimeInterval(0.75)
        #expect(L.citizen.nextAllowed(atOrAfter: allowed)?.at == allowed)
        let held = L.at("2026-01-12T07:59:59+01:00").addingTimeInterval(0.75)
        #expect(L.citizen.nextAllowed(atOrAfter: held)?.at == L.at("2026-01-12T08:00+01:00"))
    }

    /// Readings in the skipped spring hour never occur, so a window from 02:30 opens when the clocks jump
    /// (01:00 UTC); in the repeated autumn hour readings before 02:30 are held on both passes.
    @Test func windowsInTheDSTHours() {
        let sundayNight = LetterPolicy(
            timeZone: L.copenhagen, allowedWeekly: [L.window([.sunday], "02:30", "08:00")], holidays: HolidayCalendar(enabled: false)
        )
        #expect(sundayNight.nextAllowed(atOrAfter: L.at("2026-03-28T12:00"))?.at == L.at("2026-03-29T01:00:00Z"))
        #expect(sundayNight.verdict(at: L.at("2026-03-29T00:59:59Z")) == .held(.outsideDeliveryHours))
        // Autumn: 02:30 CEST (00:30 UTC) opens; at 01:00 UTC the clock reads 02:00 CET and closes again until 02:30 CET.
        #expect(sundayNight.nextAllowed(atOrAfter: L.at("2026-10-24T12:00"))?.at == L.at("2026-10-25T00:30:00Z"))
        #expect(sundayNight.verdict(at: L.at("2026-10-25T00:59:59Z")) == .allowed)
        #expect(sundayNight.nextAllowed(atOrAfter: L.at("2026-10-25T01:00:00Z")) == LetterSchedule(at: L.at("2026-10-25T01:30:00Z"), heldBy: .outsideDeliveryHours))

        // A quiet span on Sunday 02:00–03:00 holds nothing in spring and two hours in autumn.
        let quietHour = LetterPolicy(timeZone: L.copenhagen, quietSpans: [L.span("sun 02:00", "sun 03:00")], holidays: HolidayCalendar(enabled: false))
        #expect(quietHour.verdict(at: L.at("2026-03-29T00:59:59Z")) == .allowed)
        #expect(quietHour.verdict(at: L.at("2026-03-29T01:00:00Z")) == .allowed)
        #expect(quietHour.nextAllowed(atOrAfter: L.at("2026-10-25T00:00:00Z"))?.at == L.at("2026-10-25T02:00:00Z"))
        #expect(quietHour.verdict(at: L.at("2026-10-24T23:59:59Z")) == .allowed)
    }

    @Test func nilWhenNothingIsEverAllowed() {
        let never = LetterPolicy(timeZone: L.copenhagen, dailyWindow: L.daily("08:00", "10:00"), allowedWeekly: [L.window([.saturday], "12:00", "16:00")])
        #expect(never.nextAllowed(atOrAfter: L.at("2026-01-09T12:00")) == nil)
        // The search covers the date asked about and the 400 after it (2026-01-06 to 2027-02-10, a Wednesday).
        let dates = (0...LetterPolicy.searchHorizonDays).map { L.date("2026-01-06").adding(days: $0) }
        let closedThroughTheHorizon = L.citizen(holidays: HolidayCalendar(), closedDates: Set(dates))
        #expect(closedThroughTheHorizon.nextAllowed(atOrAfter: L.at("2026-01-06T12:00")) == nil)
        let openOnTheLastDate = L.citizen(holidays: HolidayCalendar(), closedDates: Set(dates.dropLast()))
        #expect(openOnTheLastDate.nextAllowed(atOrAfter: L.at("2026-01-06T12:00"))?.at == L.at("2027-02-10T08:00"))
    }
}
