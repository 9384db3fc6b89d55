import Foundation
import MentorlineControl
import MentorlineTesting
import Testing

/// `status` and `queue` against the real daemon in this process, with a real sink.
@Suite struct StatusCommandsTests {
    static let zone = TimeZone(identifier: "Europe/Copenhagen")!

    func withSinkAndDaemon(_ body: (WebhookSink, TestDaemon, DaemonConnection) async throws -> Void) async throws {
        try await WebhookSink.withSink { sink in
            let configuration = TestConfiguration(mentorEndpointURL: sink.url(path: "/hooks/mentor"), opsEndpointURL: sink.url(path: "/hooks/ops"))
            try await TestDaemon.withDaemon(configuration) { daemon in
                try await body(sink, daemon, DaemonConnection(baseURL: daemon.baseURL, token: TestConfiguration.adminToken))
            }
        }
    }

    @Test func statusSummarisesTheDaemonAndQueueListsTheWaitingCase() async throws {
        try await withSinkAndDaemon { sink, daemon, connection in
            let idle = try await ControlCommands.status(format: .text, connection: connection, timeZone: Self.zone)
            #expect(idle.hasPrefix("Mentorline 0.1.0: ready, up "))
            #expect(idle.contains(", configuration generation 1\n"))
            #expect(idle.contains("\nQueue: no case is waiting\n"))
            #expect(idle.contains("\nEndpoints: 2, all enabled and answering\n"))
            #expect(idle.contains("\nHeld letters: none\nDead messages: none\n"))
            #expect(try await ControlCommands.queue(limit: 10, format: .text, connection: connection, timeZone: Self.zone) == "No case is waiting.")

            let caseID = try await daemon.registerCase()
            let offer = try #require(try await sink.waitForRequests(count: 1, timeout: .seconds(10)).first)
            let data = try #require(try jsonObject(offer.bodyText)["data"] as? [String: Any])
            #expect(data["case_id"] as? String == caseID)
            let mentor = try #require((data["recipient"] as? [String: Any])?["id"] as? String)

            let busy = try await ControlCommands.status(format: .text, connection: connection, timeZone: Self.zone)
            #expect(busy.contains("\nQueue: 1 case waiting, the oldest for "))
            #expect(busy.contains("(offered 1)\n"))
            #expect(busy.contains("\nOn call now:\n"))
            #expect(busy.hasSuffix("Since the database was created: 1 offers, 0 escalations, 0 unroutable"))
            let json = try jsonObject(try await ControlCommands.status(format: .json, connection: connection, timeZone: Self.zone))
            #expect((json["queue"] as? [String: Any])?["depth"] as? Int == 1)
            #expect(json["configuration_generation"] as? Int == 1)
            #expect((json["endpoints"] as? [[String: Any]])?.count == 2)

            let queue = try await ControlCommands.queue(limit: 10, format: .text, connection: connection, timeZone: Self.zone)
            #expect(queue.hasPrefix("1 case waiting:\n    \(caseID)  offered     soon     company"))
            #expect(queue.contains("  offered to \(mentor)  promised by "))
            // What the caller said stays out: names, phone, organisation.
            for personal in ["Lone", "+45", "Bager", "lone@", "010190"] { #expect(!queue.contains(personal)) }
            let queueJSON = try jsonObject(try await ControlCommands.queue(limit: 10, format: .json, connection: connection, timeZone: Self.zone))
            #expect((queueJSON["cases"] as? [[String: Any]])?.first?["id"] as? String == caseID)

            // Admins only.
            let intake = DaemonConnection(baseURL: daemon.baseURL, token: TestConfiguration.intakeToken)
            let refused = try #require(await controlError { () async throws(ControlError) in
                try await ControlCommands.status(format: .text, connection: intake, timeZone: Self.zone)
            })
            #expect(refused.code == .refused(status: 403))
        }
    }
}
