import Foundation
import Testing
@testable import MentorlineCore

private typealias L = LetterFixtures

@Suite struct LetterPolicyLatestAllowedTests {
    /// (deadline, earliest, expected). 2026-01-07 is a Wednesday, 2026-01-12 a Monday.
    @Test(arguments: [
        // An allowed deadline is the answer.
        ("2026-01-12T10:00", "2026-01-07T10:00", "2026-01-12T10:00" as String?),
        ("2026-01-12T10:00", "2026-01-12T10:00", "2026-01-12T10:00"),
        // Held by the weekend: a minute before the quiet period starts.
        ("2026-01-12T07:00", "2026-01-07T10:00", "2026-01-09T11:59"),
        ("2026-01-12T07:00", "2026-01-09T11:59:30", "2026-01-09T11:59:30"),
        ("2026-01-12T07:00", "2026-01-09T12:00", nil),
        // Held by the daily window: a minute before 17:00 the day before.
        ("2026-01-13T07:00", "2026-01-07T10:00", "2026-01-12T16:59"),
        ("2026-01-13T17:00", "2026-01-07T10:00", "2026-01-13T16:59"),
        // Easter 2026: nothing is allowed from Maundy Thursday until Tuesday 08:00.
        ("2026-04-07T07:59", "2026-04-02T09:00", nil),
        ("2026-04-07T09:00", "2026-04-02T09:00", "2026-04-07T09:00"),
        ("2026-04-07T07:59", "2026-04-01T10:00", "2026-04-01T16:59"),
        // Across the DST weekends: Friday 11:59 at the offset of that Friday.
        ("2026-03-30T07:00+02:00", "2026-03-23T00:00", "2026-03-27T11:59+01:00"),
        ("2026-10-26T07:00+01:00", "2026-10-19T00:00", "2026-10-23T11:59+02:00"),
        // New Year's Eve and Day and the weekend: back to Wednesday 30 December; Christmas back to the 23rd.
        ("2027-01-04T07:00", "2026-12-20T00:00", "2026-12-30T16:59"),
        ("2026-12-28T07:00", "2026-12-20T00:00", "2026-12-23T16:59"),
        // A deadline before the earliest allowed time is no answer, even when allowed.
        ("2026-01-12T10:00", "2026-01-12T10:01", nil),
    ])
    func citizen(deadline: String, earliest: String, expected: String?) {
        #expect(L.citizen.latestAllowed(atOrBefore: L.at(deadline), notBefore: L.at(earliest)) == expected.map(L.at))
    }

    @Test func officeHours() {
        #expect(L.office.latestAllowed(atOrBefore: L.at("2026-01-10T10:00"), notBefore: L.at("2026-01-05T00:00")) == L.at("2026-01-09T15:59"))
        #expect(L.office.latestAllowed(atOrBefore: L.at("2026-01-12T07:59"), notBefore: L.at("2026-01-10T00:00")) == nil)
    }

    @Test func fractionalDeadlines() {
        let allowed = L.at("2026-01-09T11:59:59").addingTimeInterval(0.5)
        #expect(L.citizen.latestAllowed(atOrBefore: allowed, notBefore: L.at("2026-01-09T00:00")) == allowed)
        let held = L.at("2026-01-09T12:00").addingTimeInterval(0.5)
        #expect(L.citizen.latestAllowed(atOrBefore: held, notBefore: L.at("2026-01-09T00:00")) == L.at("2026-01-09T11:59"))
    }

    /// On the autumn night the window 02:30–08:00 is open for half an hour on the first pass of the
    /// repeated hour, then closed until 02:30 comes round again.
    @Test func repeatedHour() {
        let sundayNight = LetterPolicy(
            timeZone: L.copenhagen, allowedWeekly: [L.window([.sunday], "02:30", "08:00")], holidays: HolidayCalendar(enabled: false)
        )
        #expect(sundayNight.latestAllowed(atOrBefore: L.at("2026-10-25T01:15:00Z"), notBefore: L.at("2026-10-20T00:00")) == L.at("2026-10-25T00:59:00Z"))
        #expect(sundayNight.latestAllowed(atOrBefore: L.at("2026-10-25T01:15:00Z"), notBefore: L.at("2026-10-25T00:59:30Z")) == L.at("2026-10-25T00:59:30Z"))
    }
}
