import ArgumentParser
import MentorlineControl

/// `mentorctl endpoints list|enable|disable`: webhook endpoints and their health (admin token).
struct EndpointsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "endpoints",
        abstract: "List webhook endpoints and their health; enable or disable one (takes an admin token).",
        discussion: """
            Delivery disables an endpoint that answers 410 Gone, or no 2xx for its disable_after (and alerts \
            ops). A disabled endpoint's messages wait, keeping their attempts, and flow again once it is enabled.

            Examples:
              mentorctl endpoints list
              mentorctl endpoints disable sms-gateway --reason "gateway maintenance until 14:00"
              mentorctl endpoints enable sms-gateway
            """,
        subcommands: [List.self, Enable.self, Disable.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every endpoint: enabled or not and why, failing since when, messages by state.")

        @OptionGroup var connection: ConnectionOptions

        @Flag(help: "Print one JSON object instead of text.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                try await ControlCommands.listEndpoints(format: json ? .json : .text, connection: try connection.connection())
            }
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let delivery send to an endpoint again; its waiting messages flow.")

        @OptionGroup var connection: ConnectionOptions

        @Argument(help: ArgumentHelp("The endpoint's id (from delivery.endpoints).", valueName: "name"))
        var name: String

        @Flag(help: "Print the endpoint as JSON.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                try await ControlCommands.enableEndpoint(name, format: json ? .json : .text, connection: try connection.connection())
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop delivery to an endpoint; its messages wait until it is enabled.")

        @OptionGroup var connection: ConnectionOptions

        @Argument(help: ArgumentHelp("The endpoint's id (from delivery.endpoints).", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("Why, in a few words (at most 200 characters; shown in the list and the audit log).", valueName: "text"))
        var reason: String?

        @Flag(help: "Print the endpoint as JSON.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                try await ControlCommands.disableEndpoint(name, reason: reason, format: json ? .json : .text, connection: try connection.connection())
            }
        }
    }
}
