import Foundation
import MentorlineControl
import MentorlineTesting
import Testing

/// `oncall` and `override` against the real daemon, in this process, on port 0.
@Suite struct OnlineCommandsTests {
    static let admin = TestConfiguration.adminToken

    /// A whole hour two days from now: inside the window the tests put an override in (overrides are
    /// listed only until they end, by the daemon's clock).
    static func window() -> (start: Date, end: Date, inside: Date) {
        let hour = (Date().timeIntervalSince1970 / 3600).rounded(.down) * 3600
        let start = Date(timeIntervalSince1970: hour + 2 * 86400)
        return (start, start.addingTimeInterval(86400), start.addingTimeInterval(3600))
    }

    @Test func overrideAddedShowsInOnCallAndListAndIsRemoved() async throws {
        try await TestDaemon.withDaemon(controlTestConfiguration()) { daemon in
            let connection = DaemonConnection(baseURL: daemon.baseURL + "/", token: Self.admin)
            let (start, end, inside) = Self.window()

            // Before: the layer decides (anna or bo, by the week).
            let before = try jsonObject(try await ControlCommands.onCall(at: isoText(inside), schedule: "vagt", format: .json, connection: connection))
            let beforeEntry = try #require((before["schedules"] as? [[String: Any]])?.first)
            let beforeShift = try #require(beforeEntry["on_call"] as? [String: Any])
            #expect(beforeShift["source"] as? String == "layer")
            #expect(["anna", "bo"].contains(beforeShift["mentor"] as? String))

            // Add: carl covers the window.
            let added = try jsonObject(try await ControlCommands.addOverride(
                OverrideDraft(schedule: "vagt", mentor: "carl", start: isoText(start), end: isoText(end), note: "bytter vagt"),
                format: .json, connection: connection
            ))
            let overrideID = try #require(added["id"] as? String)
            #expect(overrideID.hasPrefix("ovr_"))
            #expect(added["mentor"] as? String == "carl")
            #expect(added["created_by"] as? String == "admin:test-admin")

            // On call at a time inside the window: carl, by that override.
            let text = try await ControlCommands.onCall(at: isoText(inside), schedule: "vagt", format: .text, connection: connection)
            #expect(text.contains("vagt  Mentorvagten"))
            #expect(text.contains("Carl Berg (carl) since "))
            #expect(text.contains("by override \(overrideID)"))
            #expect(text.hasPrefix("On call at "))
            let json = try jsonObject(try await ControlCommands.onCall(at: isoText(inside), schedule: nil, format: .json, connection: connection))
            let entry = try #require((json["schedules"] as? [[String: Any]])?.first)
            #expect(entry["schedule"] as? String == "vagt")
            #expect(entry["time_zone"] as? String == "Europe/Copenhagen")
            let shift = try #require(entry["on_call"] as? [String: Any])
            #expect(shift["mentor"] as? String == "carl")
            #expect(shift["source"] as? String == "override")
            #expect(shift["override"] as? String == overrideID)
            #expect(shift["start"] as? String == isoText(start))
            #expect(shift["end"] as? String == isoText(end))

            // Now (before the window): still the layer.
            let now = try await ControlCommands.onCall(at: nil, schedule: nil, format: .text, connection: connection)
            #expect(now.hasPrefix("On call now, "))
            #expect(now.contains("by layer 1"))

            // List: the override, with its id.
            let list = try await ControlCommands.listOverrides(schedule: "vagt", format: .text, connection: connection)
            #expect(list.contains("Overrides of vagt (Mentorvagten)"))
            #expect(list.contains("\(overrideID)  carl on call from "))
            #expect(list.contains("\"bytter vagt\""))
            let listed = try jsonObject(try await ControlCommands.listOverrides(schedule: "vagt", format: .json, connection: connection))
            #expect((listed["overrides"] as? [[String: Any]])?.map { $0["id"] as? String } == [overrideID])

            // Remove; removing again is a 404 with the daemon's reason.
            let removed = try await ControlCommands.removeOverride(schedule: "vagt", override: overrideID, connection: connection)
            #expect(removed == "Removed override \(overrideID) from schedule vagt.")
            let again = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.removeOverride(schedule: "vagt", override: overrideID, connection: connection)
            })
            #expect(again.code == .refused(status: 404))
            #expect(again.message == "DELETE /v1/schedules/vagt/overrides/\(overrideID) answered 404 Not Found: Schedule vagt has no override \(overrideID).")
            let empty = try await ControlCommands.listOverrides(schedule: "vagt", format: .text, connection: connection)
            #expect(empty == "Schedule vagt (Mentorvagten) has no current or future overrides.")
            let after = try jsonObject(try await ControlCommands.onCall(at: isoText(inside), schedule: "vagt", format: .json, connection: connection))
            #expect(((after["schedules"] as? [[String: Any]])?.first?["on_call"] as? [String: Any])?["source"] as? String == "layer")
        }
    }

    @Test func addedOverrideTextNamesTheWindowInTheScheduleTimeZone() async throws {
        try await TestDaemon.withDaemon(controlTestConfiguration()) { daemon in
            let connection = DaemonConnection(baseURL: daemon.baseURL, token: Self.admin)
            let (start, end, _) = Self.window()
            let text = try await ControlCommands.addOverride(
                OverrideDraft(schedule: "vagt", mentor: "bo", start: isoText(start), end: isoText(end), replacing: "anna"),
                format: .text, connection: connection
            )
            let zone = try #require(TimeZone(identifier: "Europe/Copenhagen"))
            #expect(text.hasPrefix("Added override ovr_"))
            #expect(text.contains(" to vagt (Mentorvagten):\n    bo on call from \(TimeText.format(start, in: zone)) until \(TimeText.format(end, in: zone)), replacing anna"))
        }
    }

    @Test func mentorTokenIsToldOverridesTakeAnAdminToken() async throws {
        try await TestDaemon.withDaemon(controlTestConfiguration()) { daemon in
            let connection = DaemonConnection(baseURL: daemon.baseURL, token: TestConfiguration.mentorToken("anna"))
            // Any valid token may see who is on call.
            #expect(try await ControlCommands.onCall(at: nil, schedule: "vagt", format: .text, connection: connection).contains("Mentorvagten"))

            let listed = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.listOverrides(schedule: "vagt", format: .text, connection: connection)
            })
            #expect(listed.code == .refused(status: 403))
            #expect(listed.message == "GET /v1/schedules/vagt/overrides answered 403 Forbidden: This takes an admin token.")

            let (start, end, _) = Self.window()
            let added = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.addOverride(
                    OverrideDraft(schedule: "vagt", mentor: "anna", start: isoText(start), end: isoText(end)), format: .text, connection: connection)
            })
            #expect(added.code == .refused(status: 403))
            #expect(added.message.contains("This takes an admin token."))
        }
    }

    @Test func refusalsCarryTheProblemDetailAndInvalidParams() async throws {
        try await TestDaemon.withDaemon(controlTestConfiguration()) { daemon in
            let admin = DaemonConnection(baseURL: daemon.baseURL, token: Self.admin)
            let (start, end, _) = Self.window()

            // 422: end before start and an unknown mentor, both named.
            let invalid = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.addOverride(
                    OverrideDraft(schedule: "vagt", mentor: "nobody", start: isoText(end), end: isoText(start)), format: .text, connection: admin)
            })
            #expect(invalid.code == .refused(status: 422))
            #expect(invalid.message.hasPrefix("POST /v1/schedules/vagt/overrides answered 422 The request has invalid fields: "))
            #expect(invalid.message.contains("(mentor: is not a mentor in the roster; end: must be after start)"))
            #expect(!invalid.message.contains("\n"))

            // 401: a token the daemon does not know.
            let unknown = DaemonConnection(baseURL: daemon.baseURL, token: "not-a-token")
            let unauthorized = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.onCall(at: nil, schedule: nil, format: .text, connection: unknown)
            })
            #expect(unauthorized.code == .refused(status: 401))
            #expect(unauthorized.message == "GET /v1/schedules answered 401 Unauthorized: The bearer token is not valid. Check --token-file or MENTORLINE_TOKEN.")

            // A schedule that does not exist, with the ones that do.
            let missing = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.onCall(at: nil, schedule: "nope", format: .text, connection: admin)
            })
            #expect(missing.message == "There is no schedule nope (schedules: vagt).")

            // --at that is not a time: a usage error before anything is sent.
            let badTime = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.onCall(at: "tomorrow", schedule: nil, format: .text, connection: admin)
            })
            #expect(badTime.code == .usage)
            #expect(badTime.message.hasPrefix("--at must be a time such as 2026-11-23T08:00"))
        }
    }

    @Test func atWithAnOffsetIsSentEncoded() async throws {
        try await TestDaemon.withDaemon(controlTestConfiguration()) { daemon in
            let connection = DaemonConnection(baseURL: daemon.baseURL, token: Self.admin)
            let json = try jsonObject(try await ControlCommands.onCall(
                at: "2026-11-23T09:30:00+01:00", schedule: "vagt", format: .json, connection: connection))
            let entry = try #require((json["schedules"] as? [[String: Any]])?.first)
            #expect(entry["at"] as? String == "2026-11-23T08:30:00Z")
            // 46 weeks after the layer's start: anna's turn again.
            #expect((entry["on_call"] as? [String: Any])?["mentor"] as? String == "anna")
        }
    }

    @Test func unreachableDaemonIsOneClearLine() async throws {
        try await LocalSockets.withRefusingPort { port in
            let connection = DaemonConnection(baseURL: "http://127.0.0.1:\(port)", token: Self.admin)
            let error = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.onCall(at: nil, schedule: nil, format: .text, connection: connection)
            })
            #expect(error.code == .unreachable)
            #expect(error.message.hasPrefix("Cannot reach the Mentorline daemon at http://127.0.0.1:\(port): "))
            #expect(error.message.contains("(curl error 7)"))
            #expect(!error.message.contains("\n"))
        }
    }
}
