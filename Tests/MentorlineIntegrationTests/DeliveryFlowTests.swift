import Foundation
import MentorlineTesting
import Testing

@Suite struct DeliveryFlowTests {
    @Test func aReceiverThatIsDownIsRetriedWithTheSameWebhookIdUntilItAnswers() async throws {
        try await withSinkAndDaemon { sink, daemon in
            sink.respond(withStatuses: [503, 500], then: 200)
            let caseID = try await daemon.registerCase()
            let attempts = try await sink.waitForRequests(count: 3, timeout: .seconds(10))
            #expect(Set(attempts.compactMap { $0.header("webhook-id") }).count == 1)
            for attempt in attempts { try attempt.verifySignature() }
            let details = try await daemon.waitForCase(caseID) { json in
                (json["messages"] as? [[String: Any]])?.first?["state"] as? String == "delivered"
            }
            let message = try #require((details["messages"] as? [[String: Any]])?.first)
            #expect(message["attempts"] as? Int == 3)
            #expect(message["last_status"] as? Int == 200)
        }
    }

    @Test func redirectsAreFailuresAndRetryAfterIsHonoured() async throws {
        try await withSinkAndDaemon { sink, daemon in
            sink.respond(withStatuses: [302], then: 200)
            let caseID = try await daemon.registerCase()
            _ = try await sink.waitForRequests(count: 2, timeout: .seconds(10))
            let details = try await daemon.waitForCase(caseID) { ($0["messages"] as? [[String: Any]])?.first?["state"] as? String == "delivered" }
            #expect((details["messages"] as? [[String: Any]])?.first?["attempts"] as? Int == 2)
        }
        try await withSinkAndDaemon { sink, daemon in
            sink.respond(withStatuses: [429], then: 200, retryAfter: "1")
            _ = try await daemon.registerCase()
            let requests = try await sink.waitForRequests(count: 2, timeout: .seconds(10))
            // The retry schedule says 200 ms; the receiver asked for a second.
            #expect(requests[1].receivedAt - requests[0].receivedAt >= .milliseconds(900))
        }
    }

    @Test func aMessageThatFailsEveryAttemptIsDeadAndOpsAreAlerted() async throws {
        try await withSinkAndDaemon(configure: { $0.retrySchedule = ["100ms"] }) { sink, daemon in
            sink.respond(withStatus: 500)
            let caseID = try await daemon.registerCase()
            let alert = try await waitForWebhook(sink) { $0.type == "ops.message_dead" }
            #expect(alert.path == "/hooks/ops")
            #expect(alert.data["case_id"] as? String == caseID)
            #expect(sink.receivedRequests.filter { $0.type == "task.offered" }.count == 2)
            let details = try await daemon.waitForCase(caseID) { json in
                (json["messages"] as? [[String: Any]])?.contains { $0["state"] as? String == "dead" } == true
            }
            #expect((details["messages"] as? [[String: Any]])?.first?["last_error"] as? String == "HTTP 500")
        }
    }

    @Test func aRestartBetweenIntakeAndDeliveryLosesNothingAndKeepsTheWebhookId() async throws {
        try await WebhookSink.withSink { sink in
            var configuration = TestConfiguration(mentorEndpointURL: sink.url(path: "/hooks/mentor"), opsEndpointURL: sink.url(path: "/hooks/ops"))
            configuration.retrySchedule = ["300ms", "300ms", "300ms", "300ms"]
            let root = try TestDaemon.temporaryDirectory()
            let configDirectory = try configuration.write(to: root.appendingPathComponent("Config"))
            let state = root.appendingPathComponent("var")

            sink.respond(withStatus: 503)
            let (caseID, firstID) = try await TestDaemon.withDaemon(configurationDirectory: configDirectory, stateDirectory: state) { daemon in
                let caseID = try await daemon.registerCase()
                let failed = try await sink.waitForRequests(count: 1, timeout: .seconds(10))
                return (caseID, failed[0].header("webhook-id"))
            }

            sink.respond(withStatus: 200)
            try await TestDaemon.withDaemon(configurationDirectory: configDirectory, stateDirectory: state) { daemon in
                let details = try await daemon.waitForCase(caseID) { ($0["messages"] as? [[String: Any]])?.first?["state"] as? String == "delivered" }
                let messages = details["messages"] as? [[String: Any]] ?? []
                #expect(messages.count == 1)
                #expect(messages.first?["id"] as? String == firstID)
                let delivered = try #require(sink.receivedRequests.last)
                #expect(delivered.header("webhook-id") == firstID)
                try delivered.verifySignature()
                let offers = Set(sink.receivedRequests.compactMap { $0.data["task_id"] as? String })
                #expect(offers.count == 1)
            }
        }
    }

    @Test func casesReceivedBeforeARestartAreRoutedAfterIt() async throws {
        try await WebhookSink.withSink { sink in
            let configuration = TestConfiguration(mentorEndpointURL: sink.url(path: "/hooks/mentor"), opsEndpointURL: sink.url(path: "/hooks/ops"))
            let root = try TestDaemon.temporaryDirectory()
            let configDirectory = try configuration.write(to: root.appendingPathComponent("Config"))
            let state = root.appendingPathComponent("var")
            // An offer that is running when the daemon stops keeps its deadline across the restart.
            var shortTimeout = configuration
            shortTimeout.acknowledgementTimeout = "1s"
            let shortDirectory = try shortTimeout.write(to: root.appendingPathComponent("ConfigShort"))
            let caseID = try await TestDaemon.withDaemon(configurationDirectory: shortDirectory, stateDirectory: state) { daemon in
                let id = try await daemon.registerCase()
                _ = try await waitForWebhook(sink) { $0.type == "task.offered" }
                return id
            }
            try await TestDaemon.withDaemon(configurationDirectory: configDirectory, stateDirectory: state) { _ in
                let next = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.recipientID == "bo" }
                #expect(next.data["case_id"] as? String == caseID)
            }
        }
    }
}
