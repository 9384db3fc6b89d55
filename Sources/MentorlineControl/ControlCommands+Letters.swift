package import Foundation

/// The commands about what citizens, companies and mentors are sent: `letters next`, `case show`,
/// `templates preview`.
extension ControlCommands {
    /// `mentorctl letters next [--at TIME] [--recipient citizen|representative|company] [--json]` (any token).
    ///
    /// - Parameter timeZone: the deployment's, which the text prints times in (``DeploymentTimeZone``).
    package static func nextLetter(
        at: String?, recipient: String?, format: OutputFormat, connection: DaemonConnection, timeZone: TimeZone
    ) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            try await NextLetterReport.fetch(at: at, recipient: recipient, timeZone: timeZone, client: client).rendered(format)
        }
    }

    /// `mentorctl case show ID [--json]` (admin or intake token).
    ///
    /// - Parameters:
    ///   - timeZone: the deployment's, which the text prints times in (``DeploymentTimeZone``).
    ///   - now: a pending message is held while its `not_before` is after this.
    package static func showCase(
        _ id: String, format: OutputFormat, connection: DaemonConnection, timeZone: TimeZone, now: Date = Date()
    ) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            try await CaseReport.fetch(id: id, timeZone: timeZone, now: now, client: client).rendered(format)
        }
    }

    /// `mentorctl templates preview EVENT [--lang da] [--case ID] [--json]` (admin token).
    package static func previewTemplate(
        _ event: String, language: String?, caseID: String?, format: OutputFormat, connection: DaemonConnection
    ) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            try await TemplatePreviewReport.fetch(event: event, language: language, caseID: caseID, client: client).rendered(format)
        }
    }
}
