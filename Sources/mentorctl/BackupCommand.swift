import ArgumentParser
import MentorlineControl

/// `mentorctl backup FILE`: a consistent copy of the running daemon's database.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the running daemon's database to FILE (admin token; audited).",
        discussion: """
            The daemon copies its database with SQLite's online backup while it keeps taking calls, into \
            backups/ of its state directory; mentorctl then moves the copy to FILE (a new file, mode 0600) and \
            syncs it. Run it on the daemon's machine as a user who may read the state directory (root). The \
            copy holds personal data: keep backups no longer than the retention period.

            Restore: stop the daemon, install the copy as the database (owned by the service user, mode \
            0600, with no -wal or -shm file beside it), start the daemon.

            Example:
              sudo MENTORLINE_TOKEN="$(cat /etc/mentorline/credentials/admin.token)" \\
                mentorctl backup /var/backups/mentorline-$(date +%F).sqlite
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: ArgumentHelp("Where to write the copy; must not exist yet.", valueName: "file"))
    var file: String

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() async throws {
        try await CommandOutput.run { () async throws(ControlError) in
            try await ControlCommands.backup(
                to: file, format: json ? .json : .text, connection: try connection.connection(), timeZone: connection.timeZone())
        }
    }
}
