import ArgumentParser
import MentorlineControl

/// `mentorctl export --citizen REF`: everything held about one citizen, for a data-access request.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Everything held about one citizen, for a data-access request (admin token; audited).",
        discussion: """
            The text is a summary: the citizen's cases (ids, states, times, counts), contact person, \
            representative and audit entries. --json prints the whole export: every case with the caller's \
            details, notes, trail, tasks and every message with its text and payload. It is personal data: \
            write it only where the citizen's request is handled (umask 077). Cases erased under the \
            retention rule no longer carry the reference and are not part of it.

            Example:
              mentorctl export --citizen J-2026-0412 --json > J-2026-0412.json
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("The citizen reference, as given at intake.", valueName: "reference"))
    var citizen: String

    @Flag(help: "Print the whole export as JSON instead of a summary.")
    var json = false

    func run() async throws {
        try await CommandOutput.run { () async throws(ControlError) in
            try await ControlCommands.exportCitizen(
                citizen, format: json ? .json : .text, connection: try connection.connection(), timeZone: connection.timeZone())
        }
    }
}
