package import Foundation
package import Logging
package import MentorlineCore
package import MentorlineStore

/// What the HTTP API needs from the running daemon.
package struct APIEnvironment: Sendable {
    package var store: any CaseStore
    package var committer: IntakeCommitter
    /// The settings in force; read per request, so a reload takes effect at once.
    package var settings: @Sendable () -> APISettings
    /// Whether the daemon can do its work, for `/readyz`.
    package var readiness: @Sendable () async -> Readiness
    package var now: @Sendable () -> Date
    /// Tells the dispatcher a case needs routing again (after a decline), and the deliverer that
    /// messages were queued (a handoff's, the withdrawals after an accept) or may flow again (an endpoint
    /// enabled, a dead message replayed).
    package var wakeDispatcher: @Sendable () -> Void
    /// The Prometheus text exposition for `/metrics`; nil answers 404.
    package var metrics: (@Sendable () async throws -> [UInt8])?
    /// Told how long each accepted offer waited for its mentor, for the time-to-accept histogram.
    package var offerAccepted: @Sendable (Duration) -> Void
    /// What `GET /v1/status` reports beyond the store: version, uptime, configuration generation.
    package var daemonInfo: @Sendable () -> DaemonInfo
    package var logger: Logger
    /// The tokens made through `POST /v1/tokens`, checked after the configured ones.
    package var storedTokens: StoredTokenRegistry
    /// Where `POST /v1/admin/backup` writes (the state directory's `backups/`); nil answers 503.
    package var backupDirectory: URL?
    /// Runs the retention rule now as the daily job does, logging the counts (`actor` runs it); nil
    /// runs it through the store directly.
    package var runRetention: (@Sendable (_ actor: String) async throws -> RetentionReport)?

    /// - Parameter storedTokens: the daemon's registry, loaded before the server starts; by default an
    ///   empty one over `store`.
    package init(
        store: any CaseStore, committer: IntakeCommitter, settings: @escaping @Sendable () -> APISettings,
        readiness: @escaping @Sendable () async -> Readiness, now: @escaping @Sendable () -> Date,
        wakeDispatcher: @escaping @Sendable () -> Void, metrics: (@Sendable () async throws -> [UInt8])? = nil,
        offerAccepted: @escaping @Sendable (Duration) -> Void = { _ in }, daemonInfo: @escaping @Sendable () -> DaemonInfo = { DaemonInfo() },
        logger: Logger, storedTokens: StoredTokenRegistry? = nil, backupDirectory: URL? = nil,
        runRetention: (@Sendable (_ actor: String) async throws -> RetentionReport)? = nil
    ) {
        self.storedTokens = storedTokens ?? StoredTokenRegistry(store: store)
        self.store = store
        self.committer = committer
        self.settings = settings
        self.readiness = readiness
        self.now = now
        self.wakeDispatcher = wakeDispatcher
        self.metrics = metrics
        self.offerAccepted = offerAccepted
        self.daemonInfo = daemonInfo
        self.logger = logger
        self.backupDirectory = backupDirectory
        self.runRetention = runRetention
    }
}

/// The running daemon as `GET /v1/status` describes it.
package struct DaemonInfo: Sendable, Hashable {
    package var version: String
    package var startedAt: Date?
    /// 1 at start, one more for each successful reload.
    package var configurationGeneration: Int

    package init(version: String = "unknown", startedAt: Date? = nil, configurationGeneration: Int = 0) {
        self.version = version
        self.startedAt = startedAt
        self.configurationGeneration = configurationGeneration
    }
}

/// The reloadable part of the API's configuration.
package struct APISettings: Sendable {
    package var tokens: TokenTable
    /// Base of status URLs, without a trailing slash.
    package var publicURL: String
    /// The largest request body accepted.
    package var maximumBodyBytes: Int
    /// Mentors, schedules and policies in force, for handlers that name or check them.
    package var roster: Roster { planner.roster }
    /// Turns task actions into writes, with the roster and message texts in force.
    package var planner: CasePlanner
    /// Checks the signatures of action links; nil when the deployment has no link key.
    package var actionLinks: ActionLinks?
    /// The configured webhook endpoints and their URLs as operators may see them (no credentials).
    package var endpoints: [EndpointID: String]
    /// How long closed cases keep their personal data.
    package var retention: RetentionPolicy
    /// When the daily erasure runs, for the preview's `next_run`.
    package var retentionRun: DailyRun?

    package init(
        tokens: TokenTable, publicURL: String, maximumBodyBytes: Int = 64 * 1024, planner: CasePlanner, actionLinks: ActionLinks? = nil,
        endpoints: [EndpointID: String] = [:], retention: RetentionPolicy = .standard, retentionRun: DailyRun? = nil
    ) {
        self.tokens = tokens
        self.publicURL = publicURL
        self.maximumBodyBytes = maximumBodyBytes
        self.planner = planner
        self.actionLinks = actionLinks
        self.endpoints = endpoints
        self.retention = retention
        self.retentionRun = retentionRun
    }
}

/// The answer of `/readyz`: ready, or the reasons not.
package struct Readiness: Sendable, Hashable {
    package var problems: [String]

    package init(problems: [String]) { self.problems = problems }

    package var isReady: Bool { problems.isEmpty }
}
