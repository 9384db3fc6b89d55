import ArgumentParser
import MentorlineControl

/// `mentorctl templates preview`: a message text rendered by the daemon, not sent.
struct TemplatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Preview the message templates the daemon renders (takes an admin token).",
        subcommands: [Preview.self]
    )

    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render an event's template without sending anything.",
            discussion: """
                Values come from the case where it has them (with --case) and from the template's examples \
                elsewhere; --json lists them.

                Examples:
                  mentorctl templates preview case.receipt
                  mentorctl templates preview case.appointment --lang en --case case_01KABCDEFGHJKMNPQRSTVWXYZ0
                """
        )

        @OptionGroup var connection: ConnectionOptions

        @Argument(help: ArgumentHelp("The event type, e.g. case.receipt or task.offered.", valueName: "event"))
        var event: String

        @Option(name: .customLong("lang"), help: ArgumentHelp("The language (default: da).", valueName: "code"))
        var language: String?

        @Option(name: .customLong("case"), help: ArgumentHelp("Render with this case's values.", valueName: "case-id"))
        var caseID: String?

        @Flag(help: "Print the daemon's JSON answer, with the values used, instead of text.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                try await ControlCommands.previewTemplate(
                    event, language: language, caseID: caseID, format: json ? .json : .text, connection: try connection.connection())
            }
        }
    }
}
