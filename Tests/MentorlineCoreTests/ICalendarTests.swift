import Foundation
import Testing
@testable import MentorlineCore

private typealias F = ScheduleFixtures

/// The physical lines of a rendered feed, split on CRLF octets (String operations would see a space and
/// the combining mark after it as one character).
private func physicalLines(_ text: String) -> [String] {
    var lines: [String] = []
    var line: [UInt8] = []
    var bytes = Array(text.utf8)[...]
    while let byte = bytes.popFirst() {
        if byte == 13, bytes.first == 10 {
            bytes.removeFirst()
            lines.append(String(decoding: line, as: UTF8.self))
            line = []
        } else {
            line.append(byte)
        }
    }
    return lines
}

/// The content lines after unfolding (RFC 5545 §3.1: a line starting with a space continues the one before).
private func unfoldedLines(_ text: String) -> [String] {
    var lines: [String] = []
    for line in physicalLines(text) {
        if line.utf8.first == UInt8(ascii: " "), let last = lines.popLast() {
            lines.append(last + String(decoding: line.utf8.dropFirst(), as: UTF8.self))
        } else {
            lines.append(line)
        }
    }
    return lines
}

@Suite struct ICalendarTests {
    let event = CalendarEvent(
        uid: "oncall-1774764000-amira@mentorline", start: F.at("2026-03-29", "08:00"), end: F.at("2026-03-30", "08:00"), summary: "Mentorvagten: Amira"
    )

    @Test(arguments: [
        ("plain", "plain"),
        ("a,b;c\\d", "a\\,b\\;c\\\\d"),
        ("line one\nline two", "line one\\nline two"),
        ("windows\r\nline", "windows\\nline"),
        ("old mac\rline", "old mac\\nline"),
        ("two\n\nbreaks", "two\\n\\nbreaks"),
        ("tab\tstays", "tab\tstays"),
        ("bell\u{7} and nul\u{0} and del\u{7F} go", "bell and nul and del go"),
        ("Søren Ærø, Åbenrå", "Søren Ærø\\, Åbenrå"),
        ("colon: and \"quotes\" stay", "colon: and \"quotes\" stay"),
    ])
    func textEscaping(raw: String, escaped: String) {
        #expect(ContentLine.escaped(raw) == escaped)
    }

    @Test(arguments: [
        (0.0, "19700101T000000Z"),
        (1_774_764_000.0, "20260329T060000Z"),
        (1_774_764_000.75, "20260329T060000Z"),
        (1_830_297_599.0, "20271231T235959Z"),
        (1_835_395_200.0, "20280229T000000Z"),
        (-1.0, "19691231T235959Z"),
    ])
    func utcDateTimes(seconds: TimeInterval, expected: String) {
        #expect(ContentLine.utcDateTime(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func feedStructure() {
        let feed = ICalendarFeed(name: "Mentorvagten", events: [event])
        let text = feed.rendered(stamp: F.utc("2026-03-20T12:00:00Z"))
        #expect(unfoldedLines(text) == [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Mentorline//Mentorline//DA", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:Mentorvagten",
            "BEGIN:VEVENT", "UID:oncall-1774764000-amira@mentorline", "DTSTAMP:20260320T120000Z", "DTSTART:20260329T060000Z",
            "DTEND:20260330T060000Z", "SUMMARY:Mentorvagten: Amira", "END:VEVENT",
            "END:VCALENDAR",
        ])
    }

    @Test func optionalPropertiesAndEmptyFeeds() {
        var full = event
        full.description = "Vagt i Mentorvagten"
        full.location = "Rådhuset; 2. sal"
        full.url = "https://mentorline.example/v1/schedules/oncall?a=1,2;b=3\r\nX-INJECTED:1"
        full.status = "CONFIRMED"
        let lines = unfoldedLines(ICalendarFeed(name: "N", events: [full]).rendered(stamp: F.utc("2026-03-20T12:00:00Z")))
        #expect(lines.contains("DESCRIPTION:Vagt i Mentorvagten"))
        #expect(lines.contains("LOCATION:Rådhuset\\; 2. sal"))
        #expect(lines.contains("URL:https://mentorline.example/v1/schedules/oncall?a=1,2;b=3X-INJECTED:1"))
        #expect(!lines.contains { $0.hasPrefix("X-INJECTED") })
        #expect(lines.contains("STATUS:CONFIRMED"))
        let empty = unfoldedLines(ICalendarFeed(name: "Tom, kalender", events: []).rendered(stamp: .distantPast))
        #expect(empty.count == 7)
        #expect(empty.dropFirst(5).first == "X-WR-CALNAME:Tom\\, kalender")
    }

    @Test func crlfEverywhere() {
        var long = event
        long.description = String(repeating: "Vagt i Mentorvagten, dækker for Søren.\n", count: 10)
        let text = ICalendarFeed(name: "Mentorvagten", events: [long, event]).rendered(stamp: .now)
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") { #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r"), "bare LF at \(index)") }
            if byte == UInt8(ascii: "\r") { #expect(index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"), "bare CR at \(index)") }
        }
    }

    /// "SUMMARY:" is 8 octets; 66 more ASCII characters make 74, so the two-octet "æ" would end at octet
    /// 76: the fold comes before it, never inside it.
    @Test func foldingNeverSplitsACharacter() throws {
        var danish = event
        danish.summary = String(repeating: "a", count: 66) + "æøå" + String(repeating: "b", count: 80)
        let lines = physicalLines(ICalendarFeed(name: "N", events: [danish]).rendered(stamp: .now))
        let start = try #require(lines.firstIndex { $0.hasPrefix("SUMMARY:") })
        try #require(lines.count > start + 2)
        #expect(lines[start] == "SUMMARY:" + String(repeating: "a", count: 66))
        #expect(lines[start].utf8.count == 74)
        #expect(lines[start + 1].hasPrefix(" æøå"))
        #expect(lines[start + 1].utf8.count == 75)
        #expect(lines[start + 2] == " " + String(repeating: "b", count: 12))
    }

    /// Every physical line is at most 75 octets and continuation lines start with one space, whatever the
    /// mix of one- to four-octet characters; unfolding gives back exactly what went in.
    @Test(arguments: [
        String(repeating: "æøå", count: 60),
        String(repeating: "x", count: 67) + "🙂" + String(repeating: "🙂é", count: 40),
        "e" + String(repeating: "\u{301}", count: 50) + " — combining marks longer than a line",
        String(repeating: "Søren, Åse; Ærø\\", count: 20),
        "",
    ])
    func foldingKeepsLinesShortAndLossless(summary: String) {
        var tricky = event
        tricky.summary = summary
        let text = ICalendarFeed(name: "N", events: [tricky]).rendered(stamp: .now)
        for (index, line) in physicalLines(text).enumerated() {
            #expect(line.utf8.count <= 75, "line \(index) has \(line.utf8.count) octets")
            #expect(!line.isEmpty)
        }
        #expect(unfoldedLines(text).contains("SUMMARY:" + ContentLine.escaped(summary)))
    }

    /// A feed written here parses back to the same events in an independent implementation: the Python
    /// `icalendar` package, through `Tests/Tools/parse_ics.py`.
    @Test func parsesBackWithPythonICalendar() throws {
        let events = [
            CalendarEvent(
                uid: "oncall-1774764000-amira@mentorline", start: F.at("2026-03-29", "08:00"), end: F.at("2026-03-30", "08:00"),
                summary: "Mentorvagten: Amira Haddad", description: "Vagt i Mentorvagten (dækker for Søren Ærø)"
            ),
            CalendarEvent(
                uid: "oncall-1774850400-hodan@mentorline", start: F.at("2026-03-30", "08:00"), end: F.at("2026-10-25", "08:00"),
                summary: "Backslash \\ semicolon ; comma , æøå ÆØÅ 🙂", description: "Første linje\nAnden linje, med komma; og semikolon\n"
                    + String(repeating: "lang tekst med æøå ", count: 12),
                location: "Rådhuspladsen 1, København", url: "https://mentorline.example/v1/schedules/oncall.ics?a=1,2", status: "CONFIRMED"
            ),
        ]
        let feed = ICalendarFeed(name: "Mentorvagten, København", events: events)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-\(UUID().uuidString).ics")
        try Data(feed.rendered(stamp: F.utc("2026-03-20T12:00:00Z")).utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let parsed = try PythonICalendar.parse(file)
        #expect(parsed.name == "Mentorvagten, København")
        try #require(parsed.events.count == 2)
        #expect(parsed.events[0].uid == events[0].uid)
        #expect(parsed.events[0].start == "2026-03-29T06:00:00Z")
        #expect(parsed.events[0].end == "2026-03-30T06:00:00Z")
        #expect(parsed.events[0].summary == events[0].summary)
        #expect(parsed.events[0].description == events[0].description)
        #expect(parsed.events[0].location == nil)
        #expect(parsed.events[1].start == "2026-03-30T06:00:00Z")
        #expect(parsed.events[1].end == "2026-10-25T07:00:00Z")
        #expect(parsed.events[1].summary == events[1].summary)
        #expect(parsed.events[1].description == events[1].description)
        #expect(parsed.events[1].location == events[1].location)
        #expect(parsed.events[1].url == events[1].url)
        #expect(parsed.events[1].status == "CONFIRMED")
    }
}

/// Runs `Tests/Tools/parse_ics.py` (found next to this file's folder) with the system `python3`.
private enum PythonICalendar {
    struct Feed: Decodable {
        var name: String?
        var events: [Event]
    }

    struct Event: Decodable {
        var uid: String?
        var start: String
        var end: String
        var summary: String?
        var description: String?
        var location: String?
        var url: String?
        var status: String?
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let installHint = "The iCalendar parse-back test needs python3 with the icalendar package: pip install icalendar"

    static func parse(_ file: URL, filePath: String = #filePath) throws -> Feed {
        let script = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tools/parse_ics.py")
        guard FileManager.default.fileExists(atPath: script.path) else { throw Failure(description: "missing \(script.path)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure(description: "could not start python3 (\(error)). \(installHint)")
        }
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        switch process.terminationStatus {
        case 0:
            return try JSONDecoder().decode(Feed.self, from: stdout)
        case 3, 127:
            throw Failure(description: "\(installHint) (exit \(process.terminationStatus): \(stderr))")
        default:
            throw Failure(description: "parse_ics.py failed with exit \(process.terminationStatus): \(stderr)")
        }
    }
}
