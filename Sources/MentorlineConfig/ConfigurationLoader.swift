package import Foundation
internal import MentorlineCore

/// Loads `Config/`: `mentorline.yaml`, `roster.yaml` and the secret and token files they name.
///
/// Every problem is collected in one pass and thrown together, each located at `file:line:column`.
package struct ConfigurationLoader: Sendable {
    package static let settingsFileName = "mentorline.yaml"
    package static let rosterFileName = "roster.yaml"
    /// Optional: without it the deployment has no advice café.
    package static let cafeFileName = "cafe.yaml"

    package var directory: URL
    /// Consulted for `CREDENTIALS_DIRECTORY` (systemd `LoadCredential=`).
    package var environment: [String: String]

    package init(directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.directory = directory
        self.environment = environment
    }

    package func load() throws(ConfigurationErrors) -> MentorlineConfiguration {
        let diagnostics = Diagnostics()
        let references = ReferenceTable()
        let credentials = CredentialFiles(configurationDirectory: directory, environment: environment)

        let settingsFile = YAMLFile(path: Self.settingsFileName, diagnostics: diagnostics)
        var settings = SettingsDecoder.Settings()
        if let root = settingsFile.compose(at: directory.appendingPathComponent(Self.settingsFileName)) {
            settings = SettingsDecoder(file: settingsFile, references: references, credentials: credentials).decode(root)
        }

        let rosterFile = YAMLFile(path: Self.rosterFileName, diagnostics: diagnostics)
        var roster = Roster()
        if let root = rosterFile.compose(at: directory.appendingPathComponent(Self.rosterFileName)) {
            roster = RosterDecoder(file: rosterFile, references: references, defaultTimeZone: settings.timeZone).decode(root)
        }

        let cafeURL = directory.appendingPathComponent(Self.cafeFileName)
        if FileManager.default.fileExists(atPath: cafeURL.path) {
            let cafeFile = YAMLFile(path: Self.cafeFileName, diagnostics: diagnostics)
            if let root = cafeFile.compose(at: cafeURL) {
                let holidays = (settings.letters ?? .standard(timeZone: settings.timeZone)).citizens.holidays
                roster.cafes = CafeDecoder(file: cafeFile, references: references, defaultTimeZone: settings.timeZone, holidays: holidays).decode(root)
            }
        }

        references.checkReferences()
        let texts = templates(settings, roster: roster, diagnostics: diagnostics)
        guard diagnostics.isEmpty, let texts else { throw ConfigurationErrors(errors: diagnostics.errors) }
        return MentorlineConfiguration(
            directory: directory,
            server: settings.server,
            storage: settings.storage,
            timeZone: settings.timeZone,
            delivery: settings.delivery,
            dispatch: settings.dispatch,
            tokens: settings.tokens,
            roster: roster,
            letters: settings.letters,
            texts: texts,
            retention: settings.retention
        )
    }

    /// The message templates, checked against the channel limits of the endpoints that carry each event
    /// type; each problem is reported at its template's `file:line`.
    private func templates(_ settings: SettingsDecoder.Settings, roster: Roster, diagnostics: Diagnostics) -> MessageTemplates? {
        let path = settings.templates.directory
        do {
            return try MessageTemplates.load(
                directory: directory.appendingPathComponent(path, isDirectory: true), displayPath: path,
                fallbackLanguage: settings.templates.fallbackLanguage, limits: { settings.delivery.textLimit(for: $0, roster: roster) }
            )
        } catch {
            for problem in error.problems {
                diagnostics.report(problem.message, file: problem.file, line: problem.line ?? 1, column: 1)
            }
            return nil
        }
    }
}
