import Foundation

/// Where the daemon is and the bearer token to send it.
///
/// The URL comes from `--url`, else `$MENTORLINE_URL`, else the `server.public_url` of the
/// configuration directory; the token from `--token-file`, else `$MENTORLINE_TOKEN`. Whitespace around
/// the token is trimmed.
package struct DaemonConnection: Sendable, Hashable {
    /// `http(s)://host[:port][/prefix]`, without a trailing slash.
    package var baseURL: String
    package var token: String

    package init(baseURL: String, token: String) {
        self.baseURL = Self.trimmingSlashes(baseURL)
        self.token = token
    }

    package static func resolve(
        url: String?, tokenFile: String?, configDirectory: String?, environment: [String: String]
    ) throws(ControlError) -> DaemonConnection {
        let token = try Self.token(file: tokenFile, environment: environment)
        let baseURL: String
        if let url = url ?? environment["MENTORLINE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) {
            baseURL = url
        } else {
            let directory = ConfigurationDirectory.resolve(configDirectory, environment: environment)
            baseURL = try ConfigurationDirectory.publicURL(directory, environment: environment)
        }
        try Self.checkURL(baseURL)
        return DaemonConnection(baseURL: baseURL, token: token)
    }

    static func token(file: String?, environment: [String: String]) throws(ControlError) -> String {
        if let file {
            let text: String
            do {
                text = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                throw ControlError(.token, "Cannot read the token file \(file).")
            }
            let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { throw ControlError(.token, "The token file \(file) is empty.") }
            return token
        }
        if let token = environment["MENTORLINE_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty {
            return token
        }
        throw ControlError(.token, "No token: give --token-file FILE or set MENTORLINE_TOKEN.")
    }

    static func checkURL(_ url: String) throws(ControlError) {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), url.split(separator: "/").count >= 2,
              !url.contains(where: { $0.isWhitespace })
        else {
            throw ControlError(.usage, "The daemon URL must look like http://127.0.0.1:8080 or https://mentor.example.dk (got \"\(url)\").")
        }
    }

    private static func trimmingSlashes(_ url: String) -> String {
        var url = Substring(url)
        while url.hasSuffix("/") { url = url.dropLast() }
        return String(url)
    }
}
