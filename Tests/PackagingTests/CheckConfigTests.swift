import Foundation
import Testing

/// `mentorctl check-config`, the built binary (`ExecStartPre=` of the unit), on the shipped Config/ and
/// on a broken copy, as text and as JSON.
@Suite struct CheckConfigTests {
    /// The `mentorctl` built next to this test binary by `swift build --build-tests`.
    static let mentorctl = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        .appendingPathComponent("mentorctl").path

    @Test func theShippedConfigurationIsValidInTextAndJSON() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.mentorctl), "no mentorctl at \(Self.mentorctl)")
        let text = try run(Self.mentorctl, ["check-config", RepositoryRoot.path + "/Config"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("Config OK: "))
        // The shipped cafe.yaml: one café, four volunteers, two talks, counted alongside the roster.
        #expect(text.stdout.hasSuffix(", 1 café, 4 volunteers, 2 talks\n"))
        let json = try run(Self.mentorctl, ["check-config", RepositoryRoot.path + "/Config", "--json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == true)
        let counts = object["counts"] as? [String: Any]
        #expect(counts?["endpoints"] as? Int == 4)
        #expect(counts?["cafes"] as? Int == 1 && counts?["volunteers"] as? Int == 4 && counts?["talks"] as? Int == 2)
    }

    @Test func aBrokenConfigurationIsRefusedWithEachProblemsPlace() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: URL(fileURLWithPath: RepositoryRoot.path + "/Config"), to: copy)
        let file = copy.appendingPathComponent("mentorline.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
        try yaml.replacingOccurrences(of: "time_zone: Europe/Copenhagen", with: "time_zone: Europe/Kbh").write(to: file, atomically: true, encoding: .utf8)
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("time_zone:") }.map { $0 + 1 }

        let text = try run(Self.mentorctl, ["check-config", copy.path])
        #expect(text.status == 1)
        #expect(text.stdout.contains("mentorline.yaml:\(line ?? 0):12: unknown time zone 'Europe/Kbh'"))
        #expect(text.stdout.hasSuffix("1 error\n"))

        let json = try run(Self.mentorctl, ["check-config", copy.path, "--json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == false)
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(errors.first?["file"] as? String == "mentorline.yaml")
        #expect(errors.first?["line"] as? Int == line)
        #expect(errors.first?["column"] as? Int == 12)
    }
}
