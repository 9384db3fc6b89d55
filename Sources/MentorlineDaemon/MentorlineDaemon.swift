import Foundation
import Hummingbird
import Logging
import MentorlineConfig
import MentorlineCore
import MentorlineDelivery
import MentorlineServer
import MentorlineStore
import NIOCore
import ServiceLifecycle
import UnixSignals

/// Wires the daemon: loads the configuration, opens the store, and runs the HTTP server, the intake
/// committer, the dispatcher, the deliverer and the retention job in one service group until SIGTERM (or a handle's
/// `shutdown()`), then stops them in order: intake first, deliveries in flight last.
package enum MentorlineDaemon {
    /// Runs until shut down. Throws ``ConfigurationErrors`` for an invalid configuration and other
    /// errors when the state directory or database cannot be used; `handle` learns of either.
    package static func run(_ options: DaemonOptions, handle: DaemonHandle = DaemonHandle()) async throws {
        do {
            try await runServices(options, handle: handle)
        } catch {
            handle.failed(error)
            throw error
        }
    }

    private static func runServices(_ options: DaemonOptions, handle: DaemonHandle) async throws {
        let logger = options.logger
        let live = try LiveConfiguration(directory: options.configurationDirectory, environment: options.environment)
        let configuration = live.current.configuration
        let stateDirectory = try StateDirectory.prepare(
            options.stateDirectory ?? options.environment["STATE_DIRECTORY"]?.split(separator: ":").first.map(String.init)
                ?? configuration.storage.stateDirectory
        )
        let databasePath = configuration.storage.databaseFile.hasPrefix("/")
            ? configuration.storage.databaseFile : stateDirectory.appendingPathComponent(configuration.storage.databaseFile).path
        let store = try SQLiteStore(path: databasePath)
        let storedTokens = StoredTokenRegistry(store: store)
        try await storedTokens.load()
        let listen = options.listen ?? configuration.server.listen
        let notifier = SystemdNotifier(environment: options.environment)

        let curlConfiguration = CurlClientConfiguration(
            connectTimeout: configuration.delivery.connectTimeout, totalTimeout: configuration.delivery.requestTimeout,
            maxConnectionsPerHost: configuration.delivery.maxInFlight, maxConnectionsTotal: configuration.delivery.maxInFlight
        )
        let startedAt = options.now()
        let metrics = DaemonMetrics(store: store, version: MentorlineVersion.current, now: options.now) {
            Array(live.current.configuration.delivery.endpoints.keys)
        }
        try await CurlClient.withClient(configuration: curlConfiguration) { curl in
            let deliverer = Deliverer(
                store: store, transport: options.transport ?? curl, settings: { live.current.delivery }, now: options.now,
                logger: logger.with("service", "deliverer"), metrics: metrics.delivery
            )
            let dispatcher = Dispatcher(
                store: store, planner: { live.current.planner }, generation: { live.current.generation }, batchSize: { live.current.configuration.dispatch.batchSize },
                now: options.now, logger: logger.with("service", "dispatcher"), messagesQueued: { deliverer.wake() }
            )
            let committer = IntakeCommitter(store: store, logger: logger.with("service", "intake")) { _ in dispatcher.wake() }
            let retention = RetentionService(
                store: store, settings: { live.current.retention }, now: options.now, logger: logger.with("service", "retention")
            )
            let readiness: @Sendable () async -> Readiness = {
                var problems: [String] = []
                do { try await store.checkWritable() } catch { problems.append("store is not writable") }
                for (name, heartbeat) in [("dispatcher", dispatcher.heartbeat), ("deliverer", deliverer.heartbeat)] {
                    switch heartbeat.status {
                    case .running: break
                    case .stopped: problems.append("\(name) is not running")
                    case .stalled(let silent): problems.append("\(name) has not gone round for \(silent.components.seconds) s")
                    }
                }
                return Readiness(problems: problems)
            }
            let api = MentorlineAPI(environment: APIEnvironment(
                store: store, committer: committer, settings: { live.current.api }, readiness: readiness, now: options.now,
                wakeDispatcher: { dispatcher.wake(); deliverer.wake() }, metrics: { try await metrics.scrape() },
                offerAccepted: { metrics.offerAccepted(after: $0) },
                daemonInfo: {
                    DaemonInfo(version: MentorlineVersion.current, startedAt: startedAt, configurationGeneration: live.current.generation)
                },
                logger: logger.with("service", "api"), storedTokens: storedTokens,
                backupDirectory: stateDirectory.appendingPathComponent("backups", isDirectory: true),
                runRetention: { actor in try await retention.runNow(actor: actor) }
            ))
            let application = Application(
                router: api.buildRouter().router,
                configuration: ApplicationConfiguration(address: .hostname(listen.host, port: listen.port), serverName: "mentorline"),
                onServerRunning: { channel in
                    let port = channel.localAddress?.port ?? listen.port
                    logger.notice("Mentorline is listening.", metadata: [
                        "address": "\(listen.host):\(port)", "generation": "\(live.current.generation)", "database": "\(databasePath)",
                    ])
                    notifier.notify("READY=1\nSTATUS=Listening on \(listen.host):\(port)")
                    handle.listening(on: port)
                },
                logger: logger.with("service", "http")
            )

            let reload: @Sendable () async -> Bool = {
                notifier.notify("RELOADING=1\nMONOTONIC_USEC=\(SystemdNotifier.monotonicMicroseconds())")
                defer { notifier.notify("READY=1") }
                do {
                    let generation = try live.reload()
                    logger.notice("Configuration reloaded.", metadata: ["generation": "\(generation)"])
                    dispatcher.wake()
                    deliverer.wake()
                    retention.wake()
                    return true
                } catch {
                    logger.error("Configuration reload refused; keeping the running configuration.", metadata: [
                        "generation": "\(live.current.generation)", "errors": "\(String(describing: error))",
                    ])
                    return false
                }
            }

            // Graceful shutdown runs from the last service to the first: the HTTP server stops taking
            // intake, queued intake is committed, the dispatcher stops, deliveries in flight finish, and the
            // stored tokens' last use times are written.
            var services: [any Service] = [
                TokenUsageService(tokens: storedTokens, interval: .seconds(60), logger: logger.with("service", "tokens")),
                deliverer, dispatcher, retention, committer, application,
            ]
            if let interval = SystemdNotifier.watchdogInterval(environment: options.environment) {
                services.append(WatchdogService(notifier: notifier, interval: interval, healthy: {
                    dispatcher.heartbeat.isRunning && deliverer.heartbeat.isRunning
                }, logger: logger))
            }
            if options.handlesSignals { services.append(ReloadService(reload: { _ = await reload() })) }
            services.append(StoppingNotice(notifier: notifier, logger: logger))

            var groupConfiguration = ServiceGroupConfiguration(
                services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0, successTerminationBehavior: .gracefullyShutdownGroup) },
                gracefulShutdownSignals: options.handlesSignals ? [.sigterm, .sigint] : [],
                logger: logger
            )
            groupConfiguration.maximumGracefulShutdownDuration = .seconds(60)
            let group = ServiceGroup(configuration: groupConfiguration)
            handle.attach(group: group, reload: reload, wake: { dispatcher.wake(); deliverer.wake(); retention.wake() })
            try await group.run()
        }
        logger.notice("Mentorline stopped.")
    }
}

/// Tells systemd the daemon is stopping as soon as graceful shutdown begins.
struct StoppingNotice: Service {
    let notifier: SystemdNotifier
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        logger.notice("Mentorline is stopping: intake closed, finishing work in flight.")
        notifier.notify("STOPPING=1")
    }
}

extension Logger {
    func with(_ key: String, _ value: String) -> Logger {
        var copy = self
        copy[metadataKey: key] = "\(value)"
        return copy
    }
}
