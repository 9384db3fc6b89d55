package import Foundation

/// The data-care commands: `purge` (the retention rule), `export` (a citizen's data-access request) and
/// `backup`. Each takes an admin token, and the daemon audits each under that token's name.
extension ControlCommands {
    /// Requests that may take long on a large database: a backup, the first retention run.
    static let longRequest: Duration = .seconds(1800)

    /// `mentorctl purge --dry-run [--json]`: what the retention rule would erase now; erases nothing.
    package static func purgePreview(format: OutputFormat, connection: DaemonConnection, timeZone: TimeZone) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            try await PurgeReport.preview(timeZone: timeZone, client: client).rendered(format)
        }
    }

    /// `mentorctl purge --yes [--json]`: erase now what the rule finds due, as the daily run would.
    package static func purge(format: OutputFormat, connection: DaemonConnection, timeZone: TimeZone) async throws(ControlError) -> String {
        try await Self.online(connection, timeout: longRequest) { client in
            try await PurgeReport.run(timeZone: timeZone, client: client).rendered(format)
        }
    }

    /// `mentorctl export --citizen REF [--json]`.
    package static func exportCitizen(
        _ reference: String, format: OutputFormat, connection: DaemonConnection, timeZone: TimeZone
    ) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            try await CitizenExportReport.fetch(citizen: reference, timeZone: timeZone, client: client).rendered(format)
        }
    }

    /// `mentorctl backup FILE [--json]`: a consistent copy of the running daemon's database at FILE
    /// (a new file, mode 0600).
    package static func backup(
        to file: String, format: OutputFormat, connection: DaemonConnection, timeZone: TimeZone
    ) async throws(ControlError) -> String {
        try await Self.online(connection, timeout: longRequest) { client in
            try await BackupReport.make(destination: file, timeZone: timeZone, client: client).rendered(format)
        }
    }
}
