internal import Foundation

/// Reads secret and token files named in the configuration. A path is relative to the configuration
/// directory, but when `CREDENTIALS_DIRECTORY` is set (systemd `LoadCredential=`) and holds a file with
/// the same base name, that file is read instead.
struct CredentialFiles {
    let configurationDirectory: URL
    let environment: [String: String]

    /// The file that would be read for `path`.
    func location(of path: String) -> URL {
        if let credentials = environment["CREDENTIALS_DIRECTORY"], !credentials.isEmpty {
            let candidate = URL(fileURLWithPath: credentials, isDirectory: true)
                .appendingPathComponent((path as NSString).lastPathComponent)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
        }
        if path.hasPrefix("/") { return URL(fileURLWithPath: path) }
        return configurationDirectory.appendingPathComponent(path)
    }

    /// The file's text with surrounding whitespace trimmed, or nil when it cannot be read.
    func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: location(of: path).path),
              let text = String(data: data, encoding: .utf8)
        else { return nil }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
