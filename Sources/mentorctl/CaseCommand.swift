import ArgumentParser
import MentorlineControl

/// `mentorctl case show`: a case's state, trail, tasks and messages.
struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Show a case (takes an admin or intake token).",
        subcommands: [Show.self]
    )

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a case: its state, trail, tasks, and every message sent, held or failed, with its text.",
            discussion: """
                The texts are what the caller and the mentors were sent: show them only to those entitled to see \
                the case. Times are printed in the deployment's time zone (see letters next --help).

                Example:
                  mentorctl case show case_01KABCDEFGHJKMNPQRSTVWXYZ0
                """
        )

        @OptionGroup var connection: ConnectionOptions

        @Argument(help: ArgumentHelp("The case's id (case_…).", valueName: "case-id"))
        var caseID: String

        @Flag(help: "Print the daemon's JSON answer, every field, instead of text.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                try await ControlCommands.showCase(
                    caseID, format: json ? .json : .text, connection: try connection.connection(), timeZone: connection.timeZone())
            }
        }
    }
}
