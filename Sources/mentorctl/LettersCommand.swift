import ArgumentParser
import MentorlineControl

/// `mentorctl letters next`: when the letter policy lets a letter go.
struct LettersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letters",
        abstract: "Ask the letter policy when letters to citizens, representatives and companies may go.",
        subcommands: [Next.self]
    )

    struct Next: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the next instant a letter may go, now or at a time, and what holds it.",
            discussion: """
                Asks the daemon (any token). Times are printed in the deployment's time zone, the time_zone of \
                the configuration directory (this machine's where it does not load); the line names it.

                Examples:
                  mentorctl letters next
                  mentorctl letters next --at 2026-05-25T10:00 --recipient company --json
                """
        )

        @OptionGroup var connection: ConnectionOptions

        @Option(
            help: ArgumentHelp(
                "The time a letter is asked for, in the deployment's time zone unless an offset is given: 2026-11-23T08:00, "
                    + "2026-11-23T07:00Z, 2026-11-23T08:00+01:00 or 2026-11-23 (default: now).",
                valueName: "time")
        )
        var at: String?

        @Option(help: ArgumentHelp("Whose letter: citizen, representative or company (default: citizen).", valueName: "kind"))
        var recipient: String?

        @Flag(help: "Print the daemon's JSON answer instead of text.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                try await ControlCommands.nextLetter(
                    at: at, recipient: recipient, format: json ? .json : .text, connection: try connection.connection(),
                    timeZone: connection.timeZone())
            }
        }
    }
}
