import ArgumentParser
import Foundation
import MentorlineControl

/// How the commands that talk to the daemon find it, shared by `oncall`, `override`, `endpoints` and `deliveries`.
struct ConnectionOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The daemon's base URL (default: $MENTORLINE_URL, else server.public_url of the configuration).", valueName: "url")
    )
    var url: String?

    @Option(
        name: .customLong("token-file"),
        help: ArgumentHelp("File holding the bearer token (default: $MENTORLINE_TOKEN). Whitespace is trimmed.", valueName: "file")
    )
    var tokenFile: String?

    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "Configuration directory, read only for its server.public_url when no URL is given "
                + "(default: $CONFIGURATION_DIRECTORY, else /etc/mentorline, else ./Config).",
            valueName: "dir")
    )
    var configDirectory: String?

    func connection() throws(ControlError) -> DaemonConnection {
        try DaemonConnection.resolve(
            url: url, tokenFile: tokenFile, configDirectory: configDirectory, environment: ProcessInfo.processInfo.environment)
    }
}
