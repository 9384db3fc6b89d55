import Foundation
import MentorlineConfig
import MentorlineCore
import Testing

/// `retention:` in `mentorline.yaml`: the period closed cases keep their personal data, and the daily run.
struct RetentionSettingsTests {
    @Test func theDefaultKeepsClosedCases180DaysAndRunsAtHalfPastThree() throws {
        let configuration = try ConfigFixture().load()
        #expect(configuration.retention == RetentionSettings(period: .seconds(180 * 86_400), runAt: WallClockTime("03:30")!))
        #expect(configuration.retention.policy == .standard)
        #expect(configuration.retentionRun == DailyRun(at: WallClockTime("03:30")!, timeZone: configuration.timeZone))
    }

    @Test func bothKeysAreRead() throws {
        let settings = ConfigFixture.minimalSettings + """

            time_zone: Europe/Berlin
            retention: {period: 90d, run_at: "04:15"}
            """
        let configuration = try ConfigFixture(settings: settings).load()
        #expect(configuration.retention.period == .seconds(90 * 86_400))
        #expect(configuration.retentionRun == DailyRun(at: WallClockTime("04:15")!, timeZone: TimeZone(identifier: "Europe/Berlin")!))
    }

    @Test func aPeriodBelowADayABadTimeAndUnknownKeysAreRefusedWithTheirLines() {
        let settings = ConfigFixture.minimalSettings + """

            retention:
              period: 12h
              run_at: "3:30"
              keep_for: 1y
            """
        #expect(ConfigFixture(settings: settings).errors() == [
            "mentorline.yaml:6:11: 'period' must be at least 1d: closed cases are kept whole at least a day",
            "mentorline.yaml:7:11: invalid time '3:30' for 'run_at' (expected HH:MM, e.g. \"08:00\")",
            "mentorline.yaml:8:3: unknown key 'keep_for' in retention",
        ])
        #expect(ConfigFixture(settings: ConfigFixture.minimalSettings + "\nretention: {period: half a year}").errors() == [
            "mentorline.yaml:5:21: invalid duration 'half a year' for 'period' (expected a positive whole number with a unit ms, s, m, h or d, e.g. 30s)",
        ])
    }
}
