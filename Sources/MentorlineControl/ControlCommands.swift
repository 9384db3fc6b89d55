package import Foundation
import MentorlineConfig
import MentorlineCore

/// The commands of `mentorctl` that talk to the daemon or test routing, as functions returning what to
/// print, so that tests run them in-process. Every error they throw is a ``ControlError``.
package enum ControlCommands {
    /// `mentorctl oncall [--at TIME] [--schedule ID] [--json]`.
    package static func onCall(
        at: String?, schedule: String?, format: OutputFormat, connection: DaemonConnection, now: Date = Date()
    ) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            try await OnCallReport.fetch(at: at, schedule: schedule, client: client, now: now).rendered(format)
        }
    }

    /// `mentorctl override add --schedule ID --mentor ID --from TIME --to TIME [--replacing ID] [--note TEXT] [--json]`.
    package static func addOverride(_ draft: OverrideDraft, format: OutputFormat, connection: DaemonConnection) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            let report = try await OverrideReport.add(draft, client: client)
            return switch format {
            case .text: report.addedText
            case .json: report.json(single: true)
            }
        }
    }

    /// `mentorctl override list --schedule ID [--json]`.
    package static func listOverrides(schedule: String, format: OutputFormat, connection: DaemonConnection) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            let report = try await OverrideReport.list(schedule: schedule, client: client)
            return switch format {
            case .text: report.listText
            case .json: report.json(single: false)
            }
        }
    }

    /// `mentorctl override remove --schedule ID OVERRIDE_ID`.
    package static func removeOverride(schedule: String, override: String, connection: DaemonConnection) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            try await OverrideReport.remove(schedule: schedule, override: override, client: client)
        }
    }

    /// `mentorctl endpoints list [--json]`.
    package static func listEndpoints(format: OutputFormat, connection: DaemonConnection, timeZone: TimeZone = .current) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            let report = try await EndpointReport.list(client: client, timeZone: timeZone)
            return switch format {
            case .text: report.listText
            case .json: report.json(single: false)
            }
        }
    }

    /// `mentorctl endpoints enable NAME [--json]`.
    package static func enableEndpoint(
        _ id: String, format: OutputFormat, connection: DaemonConnection, timeZone: TimeZone = .current
    ) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            let report = try await EndpointReport.enable(id, client: client, timeZone: timeZone)
            return switch format {
            case .text: report.changedText
            case .json: report.json(single: true)
            }
        }
    }

    /// `mentorctl endpoints disable NAME [--reason TEXT] [--json]`.
    package static func disableEndpoint(
        _ id: String, reason: String?, format: OutputFormat, connection: DaemonConnection, timeZone: TimeZone = .current
    ) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            let report = try await EndpointReport.disable(id, reason: reason, client: client, timeZone: timeZone)
            return switch format {
            case .text: report.changedText
            case .json: report.json(single: true)
            }
        }
    }

    /// `mentorctl deliveries list [--failed | --state STATE] [--limit N] [--json]`.
    package static func listDeliveries(
        state: String?, limit: Int?, format: OutputFormat, connection: DaemonConnection, timeZone: TimeZone = .current
    ) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            let report = try await DeliveryReport.list(state: state, limit: limit, client: client, timeZone: timeZone)
            return switch format {
            case .text: report.listText
            case .json: report.json(single: false)
            }
        }
    }

    /// `mentorctl deliveries replay ID [--json]`.
    package static func replayDelivery(
        _ id: String, format: OutputFormat, connection: DaemonConnection, timeZone: TimeZone = .current
    ) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            let report = try await DeliveryReport.replay(id, client: client, timeZone: timeZone)
            return switch format {
            case .text: report.replayedText
            case .json: report.json(single: true)
            }
        }
    }

    /// `mentorctl routes test --case FILE.json [--at TIME] [--config DIR] [--json]`: offline; reads the
    /// configuration directory and the case file, nothing else.
    ///
    /// - Parameter now: the instant tested when `at` is nil.
    package static func testRoute(
        caseFile: String, at: String?, configDirectory: String?, environment: [String: String], format: OutputFormat, now: Date = Date()
    ) throws(ControlError) -> String {
        let directory = ConfigurationDirectory.resolve(configDirectory, environment: environment)
        let configuration = try ConfigurationDirectory.load(directory, environment: environment)
        let intake: CaseIntake
        switch try CaseFile.read(caseFile) {
        case .success(let valid):
            intake = valid
        case .failure(let rejection):
            let problems = rejection.problems
            let output = switch format {
            case .text: problems.map { "\(caseFile): \($0.field): \($0.reason)" }.joined(separator: "\n")
            case .json: JSONOutput.render(InvalidCase(invalidParams: problems.map { .init(name: $0.field, reason: $0.reason) }))
            }
            let count = problems.count == 1 ? "1 field problem" : "\(problems.count) field problems"
            throw ControlError(.invalidCase, "\(caseFile) is not a valid case (\(count)); intake would refuse it.", output: output)
        }
        let instant = try at.map { (text) throws(ControlError) in try TimeText.parse(text, option: "--at", in: configuration.timeZone) } ?? now
        return RouteTestReport(intake: intake, configuration: configuration, at: instant).rendered(format)
    }

    /// Runs `body` with a client for `connection`, turning every error into a ``ControlError``.
    ///
    /// - Parameter timeout: how long one request may take, when longer than the default.
    static func online(
        _ connection: DaemonConnection, timeout: Duration? = nil, _ body: (DaemonClient) async throws -> String
    ) async throws(ControlError) -> String {
        do {
            return try await DaemonClient.with(connection, timeout: timeout, body)
        } catch let error as ControlError {
            throw error
        } catch is CancellationError {
            throw ControlError(.unreachable, "Cancelled before the daemon answered.")
        } catch {
            throw ControlError(.unexpectedResponse, "mentorctl failed unexpectedly: \(error)")
        }
    }
}

/// `--json` output for a case file intake would refuse: the fields as the daemon's 422 names them.
struct InvalidCase: Encodable {
    struct Param: Encodable {
        var name: String
        var reason: String
    }

    var valid = false
    var invalidParams: [Param]

    enum CodingKeys: String, CodingKey {
        case valid
        case invalidParams = "invalid-params"
    }
}
