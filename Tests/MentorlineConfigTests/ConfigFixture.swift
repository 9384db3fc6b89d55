import Foundation
import MentorlineConfig

/// A configuration directory written to a temporary folder: small valid files by default, with the one
/// under test replaced. Loads it, removes it, and hands back the configuration or the error lines.
struct ConfigFixture {
    var settings = ConfigFixture.minimalSettings
    var roster = ConfigFixture.minimalRoster
    /// Paths relative to the configuration directory → contents.
    var files: [String: String] = [
        "secrets/hook.secret": ConfigFixture.validSecret,
        "secrets/intake.token": "intake-token-0123456789",
    ]
    /// When false, roster.yaml is not written at all.
    var writesRoster = true
    /// When true, the shipped `templates/` are copied in (before `files`, which may replace one).
    var writesTemplates = true

    /// `whsec_` + base64 of 32 bytes.
    static let validSecret = "whsec_" + Data((0..<32).map { UInt8($0) }).base64EncodedString()

    static let minimalSettings = """
        delivery:
          endpoints:
            - {id: gateway, url: http://127.0.0.1:8099/hooks, secret_file: secrets/hook.secret}
          recipients: {mentor: gateway, ops: gateway}
        """

    static let minimalRoster = """
        topics:
          - {id: placement, label: praktik}
        mentors:
          - id: amira
            name: Amira Haddad
            topics: [placement]
            languages: [da]
            capacity: 2
        escalation_policies:
          - id: standard
            levels:
              - targets: [{mentor: amira}]
                ack_timeout: 10m
        routes:
          - id: everything
            policy: standard
        """

    func load(environment: [String: String] = [:]) throws(ConfigurationErrors) -> MentorlineConfiguration {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        write(into: directory)
        return try ConfigurationLoader(directory: directory, environment: environment).load()
    }

    /// The error lines of loading, or an empty array when it loads.
    func errors(environment: [String: String] = [:]) -> [String] {
        do {
            _ = try load(environment: environment)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    func write(into directory: URL) {
        if writesTemplates {
            let shipped = shippedConfigurationDirectory().appendingPathComponent("templates")
            try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try! FileManager.default.copyItem(at: shipped, to: directory.appendingPathComponent("templates"))
        }
        var contents = files
        contents["mentorline.yaml"] = settings
        if writesRoster { contents["roster.yaml"] = roster }
        for (path, text) in contents {
            let url = directory.appendingPathComponent(path)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }
    }

    /// The minimal roster with `replacement` in place of `original` (which must occur).
    static func roster(replacing original: String, with replacement: String) -> String {
        precondition(minimalRoster.contains(original), "fixture text not found: \(original)")
        return minimalRoster.replacingOccurrences(of: original, with: replacement)
    }
}

/// Walks up from this file to the repository root's `Config/`, the configuration shipped with Mentorline.
func shippedConfigurationDirectory(from file: String = #filePath) -> URL {
    var directory = URL(fileURLWithPath: file).deletingLastPathComponent()
    while directory.path != "/" {
        let candidate = directory.appendingPathComponent("Config")
        if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("mentorline.yaml").path) { return candidate }
        directory.deleteLastPathComponent()
    }
    fatalError("no Config/ above \(file)")
}
