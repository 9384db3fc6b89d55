package import Foundation
package import MentorlineCore

/// Every default of the configuration, in one place. `Config/README.md` documents the same values.
package enum ConfigurationDefaults {
    package static let listen = ListenAddress(host: "127.0.0.1", port: 8080)
    package static let stateDirectory = "var"
    package static let databaseFile = "mentorline.sqlite"
    package static let timeZoneIdentifier = "Europe/Copenhagen"
    /// Europe/Copenhagen; UTC only if the system has no time zone database.
    package static let timeZone = TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(secondsFromGMT: 0)!
    /// 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, ±10 % jitter, `Retry-After` honoured up to a day.
    package static let retry = RetryPolicy.standard
    package static let connectTimeout: Duration = .seconds(5)
    package static let requestTimeout: Duration = .seconds(15)
    package static let maxInFlight = 64
    /// An endpoint answering no 2xx for this long is disabled (and ops alerted).
    package static let disableAfter: Duration = .seconds(3600)
    /// Active secrets an endpoint may have at once: the current one and the next, during a rotation.
    package static let maximumSecretsPerEndpoint = 2
    package static let dispatchBatchSize = 256
    /// Escalation policies run their levels once unless they say otherwise.
    package static let escalationRounds = 1
    /// The shortest webhook secret accepted, in bytes (the Standard Webhooks minimum).
    package static let minimumSecretBytes = 24
    /// The shortest bearer token accepted, in characters.
    package static let minimumTokenLength = 16
    /// Closed cases keep their personal data this long (180 days).
    package static let retentionPeriod: Duration = .seconds(180 * 86_400)
    /// The shortest retention period accepted: a day.
    package static let minimumRetentionPeriod: Duration = .seconds(86_400)
    /// The daily erasure runs at this time in the deployment's time zone.
    package static let retentionRunAt = WallClockTime(hour: 3, minute: 30)!
}
