package import Foundation

/// `mentorctl token create|list|revoke` (admin token).
extension ControlCommands {
    /// `mentorctl token create --kind KIND --name NAME [--mentor ID] [--expires TIME|SPAN] [--json]`: the
    /// output holds the token's text, which is never shown again.
    ///
    /// - Parameter timeZone: the deployment's, which the text prints times in (``DeploymentTimeZone``).
    package static func createToken(
        _ draft: TokenDraft, format: OutputFormat, connection: DaemonConnection, timeZone: TimeZone, now: Date = Date()
    ) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            let report = try await TokenReport.create(draft, timeZone: timeZone, now: now, client: client)
            return switch format {
            case .text: report.createdText
            case .json: report.json(single: true)
            }
        }
    }

    /// `mentorctl token list [--json]`.
    package static func listTokens(format: OutputFormat, connection: DaemonConnection, timeZone: TimeZone) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            let report = try await TokenReport.list(timeZone: timeZone, client: client)
            return switch format {
            case .text: report.listText
            case .json: report.json(single: false)
            }
        }
    }

    /// `mentorctl token revoke ID [--json]`.
    package static func revokeToken(
        _ id: String, format: OutputFormat, connection: DaemonConnection, timeZone: TimeZone
    ) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            let report = try await TokenReport.revoke(id, timeZone: timeZone, client: client)
            return switch format {
            case .text: report.revokedText
            case .json: report.json(single: true)
            }
        }
    }
}
