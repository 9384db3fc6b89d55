package import Foundation

extension ControlCommands {
    /// `mentorctl status [--json]` (admin token).
    package static func status(format: OutputFormat, connection: DaemonConnection, timeZone: TimeZone) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            let report = try await StatusReport.fetch(client: client, timeZone: timeZone)
            return switch format {
            case .text: report.text
            case .json: report.json
            }
        }
    }

    /// `mentorctl queue [--limit N] [--json]` (admin token).
    package static func queue(limit: Int, format: OutputFormat, connection: DaemonConnection, timeZone: TimeZone) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            let report = try await QueueReport.fetch(limit: limit, client: client, timeZone: timeZone)
            return switch format {
            case .text: report.text
            case .json: report.json
            }
        }
    }
}
