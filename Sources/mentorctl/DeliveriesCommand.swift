import ArgumentParser
import MentorlineControl

/// `mentorctl deliveries list|replay`: the outbox's messages, and dead ones sent again (admin token).
struct DeliveriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries",
        abstract: "List webhook deliveries (dead ones with --failed) and replay a dead one (takes an admin token).",
        discussion: """
            A replayed message keeps its id, so its webhook-id: a receiver that got it after all still \
            deduplicates. No payloads are shown.

            Examples:
              mentorctl deliveries list --failed
              mentorctl deliveries replay msg_01K…
            """,
        subcommands: [List.self, Replay.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The newest deliveries first, with their attempts and last error.")

        @OptionGroup var connection: ConnectionOptions

        @Flag(help: "Only dead messages (the same as --state dead).")
        var failed = false

        @Option(help: ArgumentHelp("Only messages in this state: dead, pending or delivered.", valueName: "state"))
        var state: String?

        @Option(help: ArgumentHelp("How many (1-1000, default 50).", valueName: "n"))
        var limit: Int?

        @Flag(help: "Print one JSON object instead of text.")
        var json = false

        func validate() throws {
            if failed, let state, state != "dead" { throw ValidationError("--failed lists dead messages; it cannot be combined with --state \(state).") }
        }

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                try await ControlCommands.listDeliveries(
                    state: failed ? "dead" : state, limit: limit, format: json ? .json : .text, connection: try connection.connection())
            }
        }
    }

    struct Replay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a dead message again, with the same webhook-id and its attempts reset.")

        @OptionGroup var connection: ConnectionOptions

        @Argument(help: ArgumentHelp("The message's id (msg_…, from `deliveries list --failed`).", valueName: "id"))
        var id: String

        @Flag(help: "Print the message as JSON.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                try await ControlCommands.replayDelivery(id, format: json ? .json : .text, connection: try connection.connection())
            }
        }
    }
}
