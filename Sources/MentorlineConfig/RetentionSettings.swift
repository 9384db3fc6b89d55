package import MentorlineCore

/// `retention:` in `mentorline.yaml`: how long closed cases keep their personal data, and when the
/// daily erasure runs.
package struct RetentionSettings: Hashable, Sendable {
    /// How long after a case is resolved (or cancelled) its personal fields are kept.
    package var period: Duration
    /// When the daily run starts, in the deployment's time zone.
    package var runAt: WallClockTime

    package init(period: Duration = ConfigurationDefaults.retentionPeriod, runAt: WallClockTime = ConfigurationDefaults.retentionRunAt) {
        self.period = period
        self.runAt = runAt
    }

    /// The rule the daemon applies.
    package var policy: RetentionPolicy { RetentionPolicy(period: period) }
}
