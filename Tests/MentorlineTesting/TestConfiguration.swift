package import Foundation

/// A small, complete configuration directory for integration tests, written to a temporary folder:
/// three mentors (`anna`, `bo`, `carl`) offered in that order, one catch-all route, and every
/// endpoint pointing at a test sink.
package struct TestConfiguration: Sendable {
    package var mentorEndpointURL: String
    package var opsEndpointURL: String
    package var acknowledgementTimeout: String = "10m"
    package var retrySchedule: [String] = ["200ms", "200ms", "200ms"]
    package var rounds = 1
    /// When set, the only level targets a schedule that starts on this date (none on call before it).
    package var scheduleStart: String?
    package var requestTimeout = "2s"
    /// Extra endpoints `(id, url)` besides `mentor-gateway` and `ops-alerts`.
    package var extraEndpoints: [(id: String, url: String)] = []
    /// Recipient kinds for callers: `citizen`, `company`, … mapped to endpoint ids.
    package var callerRecipients: [String: String] = [:]
    /// Mentors with a token file (`mentors` by default); a custom roster may name more.
    package var mentorIDs = TestConfiguration.mentors
    /// Café volunteers with a configured token (``volunteerToken(_:)``); they must be in ``cafe``.
    package var volunteerIDs: [String] = []
    /// Writes signed action links into offers.
    package var actionLinks = false
    /// A whole `roster.yaml` replacing the default one.
    package var roster: String?
    /// A whole `cafe.yaml`; nil writes none (the deployment has no café).
    package var cafe: String?
    /// A `letters:` section for `mentorline.yaml` (YAML at the top level); nil keeps the shipped defaults.
    package var letters: String?
    /// Template files written over the shipped ones, by file name (`case.receipt.da.mustache`).
    package var templates: [String: String] = [:]
    /// More keys for an endpoint's flow mapping, by endpoint id (`"timeout: 300ms, concurrency: 2"`). With
    /// `secret_files` the endpoint's default `secret_file` is left out.
    package var endpointOptions: [String: String] = [:]
    /// More lines under `delivery:` (`"disable_after: 1s"`, `"ops_fallback: fallback"`).
    package var deliveryOptions: [String] = []
    /// A `retention:` section for `mentorline.yaml` (YAML at the top level); nil keeps the defaults.
    package var retention: String?

    /// The repository's `Config/templates/`, which every test configuration starts from.
    package static let shippedTemplates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Config/templates", isDirectory: true)

    package static let actionLinkSecret = "whsec_YWN0aW9uLWxpbmstc2VjcmV0LWZvci10ZXN0cy0wMQ=="

    package static let webhookSecret = "whsec_dGVzdC1zZWNyZXQtdGhhdC1pcy1sb25nLWVub3VnaC0zMg=="
    /// In `secrets/webhook-next.secret`: the next secret of a rotation (`secret_files: [secrets/webhook.secret, secrets/webhook-next.secret]`).
    package static let nextWebhookSecret = "whsec_bmV4dC1zZWNyZXQtZm9yLXJvdGF0aW9uLXRlc3RzLTAx"
    package static let intakeToken = "test-intake-token-0001"
    package static let adminToken = "test-admin-token-0001"
    package static let mentors = ["anna", "bo", "carl"]

    package static func mentorToken(_ mentor: String) -> String { "test-mentor-\(mentor)-token" }

    package static func volunteerToken(_ volunteer: String) -> String { "test-volunteer-\(volunteer)-token" }

    package init(mentorEndpointURL: String, opsEndpointURL: String) {
        self.mentorEndpointURL = mentorEndpointURL
        self.opsEndpointURL = opsEndpointURL
    }

    /// `mentor-gateway`, `ops-alerts` and the extra endpoints, in that order.
    private var endpoints: [(id: String, url: String)] {
        [("mentor-gateway", mentorEndpointURL), ("ops-alerts", opsEndpointURL)] + extraEndpoints
    }

    /// The secret and any options of one endpoint's flow mapping.
    private func endpointKeys(_ id: String) -> String {
        guard let options = endpointOptions[id] else { return "secret_file: secrets/webhook.secret" }
        return options.contains("secret_files") ? options : "secret_file: secrets/webhook.secret, " + options
    }

    /// Writes the directory and returns it.
    package func write(to directory: URL) throws -> URL {
        let manager = FileManager.default
        try manager.createDirectory(at: directory.appendingPathComponent("secrets"), withIntermediateDirectories: true)
        func file(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        try file("secrets/webhook.secret", Self.webhookSecret + "\n")
        try file("secrets/webhook-next.secret", Self.nextWebhookSecret + "\n")
        try file("secrets/intake.token", Self.intakeToken + "\n")
        try file("secrets/admin.token", Self.adminToken + "\n")
        try file("secrets/action-links.secret", Self.actionLinkSecret + "\n")
        for mentor in mentorIDs { try file("secrets/mentor-\(mentor).token", Self.mentorToken(mentor) + "\n") }
        for volunteer in volunteerIDs { try file("secrets/volunteer-\(volunteer).token", Self.volunteerToken(volunteer) + "\n") }
        let templateDirectory = directory.appendingPathComponent("templates")
        try manager.createDirectory(at: templateDirectory, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: Self.shippedTemplates.path) where name.hasSuffix(".mustache") {
            try manager.copyItem(at: Self.shippedTemplates.appendingPathComponent(name), to: templateDirectory.appendingPathComponent(name))
        }
        for (name, text) in templates { try file("templates/\(name)", text) }
        if let cafe { try file("cafe.yaml", cafe) }

        let mentorTokens = (mentorIDs.map { "    - {kind: mentor, mentor: \($0), file: secrets/mentor-\($0).token}" }
            + volunteerIDs.map { "    - {kind: volunteer, volunteer: \($0), file: secrets/volunteer-\($0).token}" }).joined(separator: "\n")
        try file("mentorline.yaml", """
            server:
              listen: 127.0.0.1:0
              public_url: http://127.0.0.1:8080
            \(actionLinks ? "  action_links: {secret_file: secrets/action-links.secret, valid_for: 1h}" : "")
            storage:
              state_directory: var
              database: mentorline.sqlite
            time_zone: Europe/Copenhagen
            auth:
              tokens:
                - {kind: intake, name: test-intake, file: secrets/intake.token}
                - {kind: admin, name: test-admin, file: secrets/admin.token}
            \(mentorTokens)
            delivery:
              endpoints:
            \(endpoints.map { "    - {id: \($0.id), url: \"\($0.url)\", \(endpointKeys($0.id))}" }.joined(separator: "\n"))
              recipients: {mentor: mentor-gateway, ops: ops-alerts\(callerRecipients.sorted { $0.key < $1.key }.map { ", \($0.key): \($0.value)" }.joined())}
              retry_schedule: [\(retrySchedule.joined(separator: ", "))]
              retry_jitter: 0
              connect_timeout: 1s
              request_timeout: \(requestTimeout)
              max_in_flight: 64
            \(deliveryOptions.map { "  " + $0 }.joined(separator: "\n"))
            dispatch:
              batch_size: 64
            \(letters ?? "")
            \(retention ?? "")

            """)
        let target = scheduleStart == nil ? "{team: everyone}" : "{schedule: later}"
        let schedule = scheduleStart.map { start in
            """
            schedules:
              - id: later
                name: Senere vagt
                layers:
                  - {rotation: weekly, handoff: "08:00", start: \(start), mentors: [anna]}
            """
        } ?? ""
        if let roster {
            try file("roster.yaml", roster)
            return directory
        }
        try file("roster.yaml", """
            topics:
              - {id: placement, label: praktik}
              - {id: debt, label: gæld}
              - {id: other, label: andet}
            mentors:
              - {id: anna, name: Anna Holm, topics: [placement], languages: [da, en], capacity: 5}
              - {id: bo, name: Bo Lind, topics: [placement], languages: [da], capacity: 5}
              - {id: carl, name: Carl Berg, topics: [placement], languages: [da], capacity: 5}
            teams:
              - {id: everyone, name: Alle, members: [anna, bo, carl]}
            \(schedule)
            escalation_policies:
              - id: standard
                rounds: \(rounds)
                levels:
                  - targets: [\(target)]
                    ack_timeout: \(acknowledgementTimeout)
            routes:
              - id: everything
                policy: standard

            """)
        return directory
    }
}
