import Foundation
import MentorlineControl
import Testing

@Suite struct TimeTextTests {
    @Test func wallClockAndZoneAcrossDaylightSaving() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Copenhagen"))
        let winter = try Date("2026-11-23T07:00:00Z", strategy: .iso8601)
        let summer = try Date("2026-06-01T06:30:15Z", strategy: .iso8601)
        #expect(TimeText.format(winter, in: zone) == "2026-11-23 08:00 (CET)")
        #expect(TimeText.format(summer, in: zone) == "2026-06-01 08:30:15 (CEST)")
        #expect(TimeText.format(winter, in: .gmt) == "2026-11-23 07:00 (GMT)")
        // A zone without a letter abbreviation shows its offset.
        let kolkata = try #require(TimeZone(identifier: "Asia/Kolkata"))
        #expect(["2026-11-23 12:30 (IST)", "2026-11-23 12:30 (UTC+05:30)"].contains(TimeText.format(winter, in: kolkata)))
    }

    @Test func durations() {
        #expect(TimeText.format(.seconds(600)) == "10m")
        #expect(TimeText.format(.seconds(5400)) == "1h30m")
        #expect(TimeText.format(.seconds(86400)) == "1d")
    }
}

@Suite struct TimeTextDaysTests {
    @Test func weekdayAndMinute() throws {
        let zone = try #require(TimeZone(identifier: "Europe/Copenhagen"))
        let whitMonday = try Date("2026-05-25T08:00:42Z", strategy: .iso8601)
        #expect(TimeText.formatWithWeekday(whitMonday, in: zone) == "2026-05-25 10:00 (Mon)")
        #expect(TimeText.formatWithWeekday(whitMonday.addingTimeInterval(6 * 86400), in: zone) == "2026-05-31 10:00 (Sun)")
        #expect(TimeText.minute(whitMonday, in: zone) == "2026-05-25 10:00")
        #expect(TimeText.minute(whitMonday, sameDayAs: whitMonday.addingTimeInterval(-9 * 3600), in: zone) == "10:00")
        // 22:00 UTC on the 24th is already the 25th in Copenhagen, 21:00 UTC is not: the day is the zone's.
        #expect(TimeText.minute(whitMonday, sameDayAs: whitMonday.addingTimeInterval(-10 * 3600), in: zone) == "10:00")
        #expect(TimeText.minute(whitMonday, sameDayAs: whitMonday.addingTimeInterval(-11 * 3600), in: zone) == "2026-05-25 10:00")
    }
}
