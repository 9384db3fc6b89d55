import Foundation
import MentorlineControl
import MentorlineTesting
import Testing

/// Where the online commands find the daemon and the token.
@Suite struct DaemonConnectionTests {
    @Test func commandLineOverEnvironmentOverConfiguration() throws {
        let directory = try TestDaemon.temporaryDirectory("mentorctl-connection")
        let tokenFile = directory.appendingPathComponent("admin.token")
        try Data("  secret-token \n".utf8).write(to: tokenFile)
        let config = try controlTestConfiguration().write(to: directory.appendingPathComponent("Config"))
        let environment = ["MENTORLINE_URL": "http://env.example:8080/", "MENTORLINE_TOKEN": "env-token"]

        let flags = try DaemonConnection.resolve(url: "https://flag.example/", tokenFile: tokenFile.path, configDirectory: nil, environment: environment)
        #expect(flags == DaemonConnection(baseURL: "https://flag.example", token: "secret-token"))

        let fromEnvironment = try DaemonConnection.resolve(url: nil, tokenFile: nil, configDirectory: config.path, environment: environment)
        #expect(fromEnvironment == DaemonConnection(baseURL: "http://env.example:8080", token: "env-token"))

        // No URL given: the configuration's server.public_url, from --config or $CONFIGURATION_DIRECTORY.
        let fromConfig = try DaemonConnection.resolve(url: nil, tokenFile: nil, configDirectory: config.path, environment: ["MENTORLINE_TOKEN": "t"])
        #expect(fromConfig.baseURL == "http://127.0.0.1:8080")
        let fromSystemd = try DaemonConnection.resolve(
            url: nil, tokenFile: nil, configDirectory: nil, environment: ["MENTORLINE_TOKEN": "t", "CONFIGURATION_DIRECTORY": config.path])
        #expect(fromSystemd.baseURL == "http://127.0.0.1:8080")
    }

    @Test func defaultConfigurationDirectory() {
        #expect(ConfigurationDirectory.resolve(nil, environment: [:], directoryExists: { _ in true }).path == "/etc/mentorline")
        #expect(ConfigurationDirectory.resolve(nil, environment: [:], directoryExists: { _ in false }).lastPathComponent == "Config")
        #expect(ConfigurationDirectory.resolve(nil, environment: ["CONFIGURATION_DIRECTORY": "/a:/b"]).path == "/a")
        #expect(ConfigurationDirectory.resolve("/x", environment: ["CONFIGURATION_DIRECTORY": "/a"]).path == "/x")
    }

    @Test func missingOrBadInputsAreOneLine() throws {
        let noToken = try #require(throws: ControlError.self) {
            try DaemonConnection.resolve(url: "http://127.0.0.1:8080", tokenFile: nil, configDirectory: nil, environment: [:])
        }
        #expect(noToken.message == "No token: give --token-file FILE or set MENTORLINE_TOKEN.")

        let unreadable = try #require(throws: ControlError.self) {
            try DaemonConnection.resolve(url: "http://127.0.0.1:8080", tokenFile: "/nonexistent/token", configDirectory: nil, environment: [:])
        }
        #expect(unreadable.message == "Cannot read the token file /nonexistent/token.")

        let badURL = try #require(throws: ControlError.self) {
            try DaemonConnection.resolve(url: "127.0.0.1:8080", tokenFile: nil, configDirectory: nil, environment: ["MENTORLINE_TOKEN": "t"])
        }
        #expect(badURL.code == .usage)

        let emptyDirectory = try TestDaemon.temporaryDirectory("mentorctl-no-config")
        let noURL = try #require(throws: ControlError.self) {
            try DaemonConnection.resolve(url: nil, tokenFile: nil, configDirectory: emptyDirectory.path, environment: ["MENTORLINE_TOKEN": "t"])
        }
        #expect(noURL.code == .configuration)
        #expect(noURL.message.hasPrefix("No daemon URL: give --url or set MENTORLINE_URL"))
        #expect(!noURL.message.contains("\n"))
    }
}
