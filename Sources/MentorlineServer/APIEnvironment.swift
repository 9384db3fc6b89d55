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
    /// messages were queued (a handoff's, the withdrawals after an accept).
    package var wakeDispatcher: @Sendable () -> Void
    package var logger: Logger
    /// Where `POST /v1/admin/backup` writes (the state directory's `backups/`); nil answers 503.
    package var backupDirectory: URL?
    /// Runs the retention rule now as the daily job does, logging the counts (`actor` runs it); nil
    /// runs it through the store directly.
    package var runRetention: (@Sendable (_ actor: String) async throws -> RetentionReport)?

    package init(
        store: any CaseStore, committer: IntakeCommitter, settings: @escaping @Sendable () -> APISettings,
        readiness: @escaping @Sendable () async -> Readiness, now: @escaping @Sendable () -> Date,
        wakeDispatcher: @escaping @Sendable () -> Void, logger: Logger, backupDirectory: URL? = nil,
        runRetention: (@Sendable (_ actor: String) async throws -> RetentionReport)? = nil
    ) {
        self.store = store
        self.committer = committer
        self.settings = settings
        self.readiness = readiness
        self.now = now
        self.wakeDispatcher = wakeDispatcher
        self.logger = logger
        self.backupDirectory = backupDirectory
        self.runRetention = runRetention
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
    /// How long closed cases keep their personal data.
    package var retention: RetentionPolicy
    /// When the daily erasure runs, for the preview's `next_run`.
    package var retentionRun: DailyRun?

    package init(
        tokens: TokenTable, publicURL: String, maximumBodyBytes: Int = 64 * 1024, planner: CasePlanner, actionLinks: ActionLinks? = nil,
        retention: RetentionPolicy = .standard, retentionRun: DailyRun? = nil
    ) {
        self.tokens = tokens
        self.publicURL = publicURL
        self.maximumBodyBytes = maximumBodyBytes
        self.planner = planner
        self.actionLinks = actionLinks
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
