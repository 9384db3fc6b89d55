import Foundation
import MentorlineTesting

/// Rosters for the routing-depth tests: mentors anna, bo and carl (all Danish-speaking, placement),
/// with the schedule, policy and routing section each test needs.
enum DepthRoster {
    static func yaml(
        mentorExtras: [String: String] = [:], teamExtra: String = "", schedules: String = "", levels: String,
        rounds: Int = 1, routing: String = "", routeExtra: String = ""
    ) -> String {
        func mentor(_ id: String, _ name: String) -> String {
            "  - {id: \(id), name: \(name), topics: [placement, debt], languages: [da, en], capacity: 5\(mentorExtras[id].map { ", " + $0 } ?? "")}"
        }
        return """
            topics:
              - {id: placement, label: praktik}
              - {id: debt, label: gæld}
            mentors:
            \(mentor("anna", "Anna Holm"))
            \(mentor("bo", "Bo Lind"))
            \(mentor("carl", "Carl Berg"))
            teams:
              - {id: everyone, name: Alle, members: [anna, bo, carl]\(teamExtra)}
            \(schedules)
            escalation_policies:
              - id: standard
                rounds: \(rounds)
                levels:
            \(levels)
            routes:
              - id: everything
                policy: standard
            \(routeExtra)
            \(routing)

            """
    }

    /// A schedule `vagt` with one daily layer of `mentors` since 2026-01-01.
    static func dailySchedule(_ mentors: [String]) -> String {
        """
        schedules:
          - id: vagt
            name: Mentorvagten
            layers:
              - {rotation: daily, handoff: "08:00", start: 2026-01-01, mentors: [\(mentors.joined(separator: ", "))]}
        """
    }

    static func level(_ target: String, timeout: String = "10m", strategy: String = "sequential") -> String {
        "      - {targets: [\(target)], ack_timeout: \(timeout), strategy: \(strategy)}"
    }
}

/// ISO 8601 in UTC, as query parameters and override bodies take it.
func iso(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
}

func history(_ details: [String: Any]) -> [String] {
    (details["history"] as? [[String: Any]] ?? []).compactMap { $0["event"] as? String }
}

extension TestDaemon {
    func put(_ path: String, json: String, token: String?) async throws -> HTTPResult {
        try await request("PUT", path, token: token, body: Data(json.utf8))
    }

    func delete(_ path: String, token: String?) async throws -> HTTPResult {
        try await request("DELETE", path, token: token)
    }

    /// A citizen's call about `topics`, with a citizen reference.
    static func citizenCall(reference: String, urgency: String = "routine", topics: String = "[\"placement\"]") -> String {
        """
        {"caller": {"kind": "citizen", "name": "Mikkel Jensen", "phone": "+45 22 33 44 55"},
         "citizen_reference": "\(reference)", "topics": \(topics), "urgency": "\(urgency)"}
        """
    }
}
