import ArgumentParser
import MentorlineControl

/// `mentorctl status`: the live daemon on one screen.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Summarise the running daemon on one screen (takes an admin token).",
        discussion: """
            Version, uptime, configuration generation, readiness, the queue, who is on call now, endpoints, \
            letters held by the letter policy, and dead messages. Times are printed in the deployment's time \
            zone (see letters next --help).

            Examples:
              mentorctl status
              mentorctl status --json | jq .queue.depth
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Print the daemon's JSON answer instead of text.")
    var json = false

    func run() async throws {
        try await CommandOutput.run { () async throws(ControlError) in
            try await ControlCommands.status(format: json ? .json : .text, connection: try connection.connection(), timeZone: connection.timeZone())
        }
    }
}
