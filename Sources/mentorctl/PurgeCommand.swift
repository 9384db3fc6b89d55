import ArgumentParser
import MentorlineControl

/// `mentorctl purge`: the retention rule, previewed (`--dry-run`) or run now (`--yes`).
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Erase the personal data of cases closed longer ago than the retention period (admin token).",
        discussion: """
            The daemon does this every day at retention.run_at (and at start when it was down then); purge \
            shows what that would erase now (--dry-run) or does it now (--yes). Erased: names, phone numbers, \
            e-mail addresses, citizen references, notes, free text and message texts. Kept for statistics: \
            ids, times, states, topics, urgency and outcomes. Erasure cannot be undone; backups taken before \
            still hold the data. Prints case ids only.

            Examples:
              mentorctl purge --dry-run
              mentorctl purge --yes --json
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Show which cases would be erased now, and erase nothing.")
    var dryRun = false

    @Flag(help: "Erase now: personal data of the cases due is gone for good.")
    var yes = false

    @Flag(help: "Print the daemon's JSON answer instead of text.")
    var json = false

    func validate() throws {
        if dryRun == yes {
            throw ValidationError(
                dryRun ? "Give --dry-run or --yes, not both."
                    : "purge erases personal data for good: give --dry-run to see what would go, or --yes to erase it now.")
        }
    }

    func run() async throws {
        try await CommandOutput.run { () async throws(ControlError) in
            let format: OutputFormat = json ? .json : .text
            let daemon = try connection.connection()
            if dryRun {
                return try await ControlCommands.purgePreview(format: format, connection: daemon, timeZone: connection.timeZone())
            }
            return try await ControlCommands.purge(format: format, connection: daemon, timeZone: connection.timeZone())
        }
    }
}
