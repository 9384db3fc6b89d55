package import Foundation

/// Parses an iCalendar feed with a standard parser (the `icalendar` Python package, through
/// `Tests/Tools/parse_ics.py`), so feeds are checked by something other than the code that wrote them.
package enum ICalendarParser {
    package struct Event: Sendable, Hashable {
        package var uid: String
        package var start: String
        package var end: String
        package var summary: String
    }

    package static func events(in feed: String) throws -> [Event] {
        let tools = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tools")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).ics")
        try Data(feed.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", tools.appendingPathComponent("parse_ics.py").path, file.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ParseError(description: "parse_ics.py failed (pip install icalendar?): \(message)")
        }
        let json = try JSONSerialization.jsonObject(with: data)
        let list = (json as? [[String: Any]]) ?? ((json as? [String: Any])?["events"] as? [[String: Any]]) ?? []
        return list.map {
            Event(uid: "\($0["uid"] ?? "")", start: "\($0["start"] ?? "")", end: "\($0["end"] ?? "")", summary: "\($0["summary"] ?? "")")
        }
    }

    package struct ParseError: Error, CustomStringConvertible {
        package var description: String
    }
}
