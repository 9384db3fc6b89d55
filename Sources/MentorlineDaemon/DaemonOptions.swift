package import Foundation
package import Logging
package import MentorlineConfig
package import MentorlineDelivery

/// How to start the daemon: what `mentorlined`'s flags and environment say, or what a test sets.
package struct DaemonOptions: Sendable {
    /// `--config`; else `$CONFIGURATION_DIRECTORY`; else `Config`.
    package var configurationDirectory: URL
    /// `--state`; when nil, `$STATE_DIRECTORY`, else the configuration's `storage.state_directory`.
    package var stateDirectory: String?
    /// `--listen`; when nil, the configuration's `server.listen`.
    package var listen: ListenAddress?
    package var environment: [String: String]
    /// Trap SIGTERM/SIGINT (graceful stop) and SIGHUP (reload). Tests running several daemons in one process turn this off.
    package var handlesSignals: Bool
    package var now: @Sendable () -> Date
    package var logger: Logger
    /// Replaces libcurl for delivery (tests that need a transport to misbehave in ways a socket cannot).
    package var transport: (any WebhookTransport)?

    package init(
        configurationDirectory: URL, stateDirectory: String? = nil, listen: ListenAddress? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment, handlesSignals: Bool = true,
        now: @escaping @Sendable () -> Date = { Date() }, logger: Logger, transport: (any WebhookTransport)? = nil
    ) {
        self.configurationDirectory = configurationDirectory
        self.stateDirectory = stateDirectory
        self.listen = listen
        self.environment = environment
        self.handlesSignals = handlesSignals
        self.now = now
        self.logger = logger
        self.transport = transport
    }
}
