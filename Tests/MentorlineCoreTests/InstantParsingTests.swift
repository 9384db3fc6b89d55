import Foundation
import Testing
@testable import MentorlineCore

/// `InstantParsing.parse`: the instants people type into `?at=` and `mentorctl --at`.
@Suite struct InstantParsingTests {
    /// An instant from its UTC reading, by Foundation's own ISO 8601 parser.
    static func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    @Test(arguments: [
        ("2026-11-23T14:05:00+01:00", "2026-11-23T13:05:00Z"),
        ("2026-11-23T14:05+01:00", "2026-11-23T13:05:00Z"),
        ("2026-11-23T14:05+01", "2026-11-23T13:05:00Z"),
        ("2026-11-23T13:05Z", "2026-11-23T13:05:00Z"),
        ("2026-11-23T13:05z", "2026-11-23T13:05:00Z"),
        ("2026-11-23T13:05:30Z", "2026-11-23T13:05:30Z"),
        ("2026-11-23T14:05+00:00", "2026-11-23T14:05:00Z"),
        ("2026-11-23T14:05-00:00", "2026-11-23T14:05:00Z"),
        ("2026-11-23T14:05-03:30", "2026-11-23T17:35:00Z"),
        ("2026-11-23T14:05+05:45", "2026-11-23T08:20:00Z"),
        ("2026-11-23T01:00+02:00", "2026-11-22T23:00:00Z"),
        ("2026-11-23T23:30-01:00", "2026-11-24T00:30:00Z"),
        ("2026-11-23T10:00+14:00", "2026-11-22T20:00:00Z"),
        ("2024-02-29T12:00Z", "2024-02-29T12:00:00Z"),
        // An explicit offset wins over the wall clock of the zone it is read in, DST or not.
        ("2026-03-29T02:30+01:00", "2026-03-29T01:30:00Z"),
        ("2026-06-15T00:00:00+02:00", "2026-06-14T22:00:00Z"),
    ])
    func anExplicitOffsetIsHonoured(text: String, expected: String) {
        #expect(InstantParsing.parse(text, in: Fixtures.copenhagen) == Self.utc(expected))
    }

    @Test(arguments: [
        ("2026-11-23T14:05", "2026-11-23T13:05:00Z"), // winter, +01:00
        ("2026-11-23T14:05:09", "2026-11-23T13:05:09Z"),
        ("2026-06-15T14:05", "2026-06-15T12:05:00Z"), // summer, +02:00
        ("2026-01-01T00:00", "2025-12-31T23:00:00Z"),
        // Spring forward 2026-03-29: 02:00–03:00 does not exist; the later offset is used.
        ("2026-03-29T01:59", "2026-03-29T00:59:00Z"),
        ("2026-03-29T02:00", "2026-03-29T01:00:00Z"),
        ("2026-03-29T02:30", "2026-03-29T01:30:00Z"),
        ("2026-03-29T03:00", "2026-03-29T01:00:00Z"),
        // Fall back 2026-10-25: 02:00–03:00 happens twice; the earlier is chosen.
        ("2026-10-25T01:59", "2026-10-24T23:59:00Z"),
        ("2026-10-25T02:00", "2026-10-25T00:00:00Z"),
        ("2026-10-25T02:30", "2026-10-25T00:30:00Z"),
        ("2026-10-25T03:00", "2026-10-25T02:00:00Z"),
    ])
    func aWallClockReadingIsReadInTheGivenZone(text: String, expected: String) {
        #expect(InstantParsing.parse(text, in: Fixtures.copenhagen) == Self.utc(expected))
    }

    @Test(arguments: [
        ("2026-11-23", "2026-11-22T23:00:00Z"),
        ("2026-06-15", "2026-06-14T22:00:00Z"),
        ("2026-03-29", "2026-03-28T23:00:00Z"),
        ("2026-10-25", "2026-10-24T22:00:00Z"),
    ])
    func aDateAloneIsLocalMidnight(text: String, expected: String) {
        #expect(InstantParsing.parse(text, in: Fixtures.copenhagen) == Self.utc(expected))
    }

    @Test func theZoneOnlyMattersWithoutAnOffset() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let newYork = try #require(TimeZone(identifier: "America/New_York"))
        #expect(InstantParsing.parse("2026-11-23T14:05", in: utc) == Self.utc("2026-11-23T14:05:00Z"))
        #expect(InstantParsing.parse("2026-11-23T14:05", in: newYork) == Self.utc("2026-11-23T19:05:00Z"))
        #expect(InstantParsing.parse("2026-11-23", in: newYork) == Self.utc("2026-11-23T05:00:00Z"))
        #expect(InstantParsing.parse("2026-11-23T14:05Z", in: newYork) == Self.utc("2026-11-23T14:05:00Z"))
    }

    @Test(arguments: [
        "", "now", "T", "T14:05", "2026-11-23T", "2026-11-23 14:05", "2026-11-23t14:05", "23-11-2026", "2026/11/23", "2026-11-23T14",
        "2026-11-23T14:5", "2026-11-23T1405", "2026-11-23T24:00", "2026-11-23T14:60", "2026-11-23T14:05:60", "2026-11-23T14:05:00.5Z",
        "2026-11-23T14:05:00:00", "2026-02-30T10:00", "2026-13-01", "2026-11-23T14:05+1:00", "2026-11-23T14:05+0100", "2026-11-23T14:05+15:00",
        "2026-11-23T14:05+01:60", "2026-11-23T14:05+01:00:00", "2026-11-23T14:05+", "2026-11-23T14:05ZZ", "2026-11-23T14:05 ", " 2026-11-23",
        "2026-11-23T14:05+01:00Z", "2026-11-23TT14:05", "26-11-23",
    ])
    func malformedInputIsRejected(text: String) {
        #expect(InstantParsing.parse(text, in: Fixtures.copenhagen) == nil)
    }

    /// `Int(_:)` accepts a leading sign, so clock fields and the year may carry one: `-1:05Z` reads as
    /// 23:05 the day before, `+026-01-05` as year 26.
    @Test(arguments: ["2026-11-23T-1:05Z", "2026-11-23T+1:05Z", "2026-11-23T14:-5Z", "2026-11-23T14:05:-1Z", "2026-11-23T-1:05+01:00", "+026-11-23"])
    func signedFieldsAreRejected(text: String) {
        do {
            #expect(InstantParsing.parse(text, in: Fixtures.copenhagen) == nil)
        }
    }
}
