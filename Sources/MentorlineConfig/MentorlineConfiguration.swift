package import Foundation
package import MentorlineCore

/// The whole validated configuration: `mentorline.yaml`, `roster.yaml` and the secret and token
/// files they name. Made by ``ConfigurationLoader``; every reference in it resolves.
package struct MentorlineConfiguration: Sendable {
    /// The configuration directory it was loaded from.
    package var directory: URL
    package var server: ServerSettings
    package var storage: StorageSettings
    /// The deployment's time zone (letter policy, default for schedules).
    package var timeZone: TimeZone
    package var delivery: DeliverySettings
    package var dispatch: DispatchSettings
    package var tokens: [TokenGrant]
    package var roster: Roster
    /// When caller-facing messages may go, and to whom when a citizen is represented.
    package var letters: LetterRules
    /// The message texts, from `templates/`.
    package var texts: any MessageTexts
    /// How long closed cases keep their personal data, and when the daily erasure runs.
    package var retention: RetentionSettings

    package init(
        directory: URL,
        server: ServerSettings = ServerSettings(),
        storage: StorageSettings = StorageSettings(),
        timeZone: TimeZone = ConfigurationDefaults.timeZone,
        delivery: DeliverySettings = DeliverySettings(),
        dispatch: DispatchSettings = DispatchSettings(),
        tokens: [TokenGrant] = [],
        roster: Roster = Roster(),
        letters: LetterRules? = nil,
        texts: any MessageTexts,
        retention: RetentionSettings = RetentionSettings()
    ) {
        self.directory = directory
        self.server = server
        self.storage = storage
        self.timeZone = timeZone
        self.delivery = delivery
        self.dispatch = dispatch
        self.tokens = tokens
        self.roster = roster
        self.letters = letters ?? .standard(timeZone: timeZone)
        self.texts = texts
        self.retention = retention
    }

    /// The daily erasure's schedule: `retention.run_at` in the deployment's time zone.
    package var retentionRun: DailyRun { DailyRun(at: retention.runAt, timeZone: timeZone) }
}
