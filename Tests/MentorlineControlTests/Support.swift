import Foundation
import MentorlineControl
import MentorlineTesting
import Testing

/// A roster with one weekly schedule (`vagt`: anna, then bo, from Monday 2026-01-05 08:00), an
/// office-hours team and three routes, one with an urgent policy and one to the office-hours team only.
let controlTestRoster = """
    topics:
      - {id: placement, label: praktik}
      - {id: rules, label: regler}
      - {id: other, label: andet}
    mentors:
      - {id: anna, name: Anna Holm, topics: [placement], languages: [da, en], capacity: 5}
      - {id: bo, name: Bo Lind, topics: [placement, rules], languages: [da], capacity: 5}
      - {id: carl, name: Carl Berg, topics: [rules], languages: [da, en], capacity: 5}
    teams:
      - id: desk
        name: Virksomhedsservice
        members: [bo, carl]
        working_hours:
          - {days: [mon-fri], from: "08:00", to: "16:00"}
    schedules:
      - id: vagt
        name: Mentorvagten
        time_zone: Europe/Copenhagen
        layers:
          - {rotation: weekly, handoff: "08:00", start: 2026-01-05, mentors: [anna, bo]}
    escalation_policies:
      - id: standard
        levels:
          - targets: [{schedule: vagt}]
            ack_timeout: 10m
            urgent_ack_timeout: 3m
          - targets: [{team: desk}]
            ack_timeout: 15m
      - id: urgent
        levels:
          - targets: [{team: desk}, {schedule: vagt}]
            ack_timeout: 5m
            strategy: simultaneous
      - id: daytime
        levels:
          - targets: [{team: desk}]
            ack_timeout: 15m
    routes:
      - id: office
        match: {topics: [other]}
        policy: daytime
      - id: rules
        match: {topics: [rules]}
        policy: standard
        urgent_policy: urgent
      - id: everything
        policy: standard
    routing:
      coordinator: carl

    """

/// The test configuration with ``controlTestRoster``; endpoints point at a port nobody listens on
/// (these tests register no cases).
func controlTestConfiguration() -> TestConfiguration {
    var configuration = TestConfiguration(mentorEndpointURL: "http://127.0.0.1:9/hooks/mentor", opsEndpointURL: "http://127.0.0.1:9/hooks/ops")
    configuration.roster = controlTestRoster
    return configuration
}

/// Runs `body`, which must fail with a ``ControlError``, and returns that error.
func controlError(_ body: () async throws(ControlError) -> String) async -> ControlError? {
    do {
        let output = try await body()
        Issue.record("expected a ControlError, got output:\n\(output)")
        return nil
    } catch {
        return error
    }
}

/// `text` parsed as a JSON object.
func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// `2026-11-25T09:00:00Z`: a time `--at`, `--from` and `--to` accept.
func isoText(_ date: Date) -> String {
    date.ISO8601Format()
}
