import MentorlineConfig
import Testing

struct DurationParsingTests {
    @Test(arguments: [
        ("500ms", Duration.milliseconds(500)),
        ("1ms", .milliseconds(1)),
        ("30s", .seconds(30)),
        ("5m", .seconds(300)),
        ("2h", .seconds(7200)),
        ("1d", .seconds(86_400)),
        ("10h", .seconds(36_000)),
        ("90s", .seconds(90)),
    ])
    func parses(text: String, expected: Duration) {
        #expect(Duration(configurationText: text) == expected)
    }

    @Test(arguments: ["", "0s", "0ms", "-5s", "5", "s", "1.5h", "5 m", " 5m", "5M", "5min", "1w", "2h30m", "99999999999999999999s", "9223372036854775807d"])
    func rejects(text: String) {
        #expect(Duration(configurationText: text) == nil)
    }
}
