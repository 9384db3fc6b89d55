import Foundation
import MentorlineDelivery
import MentorlineTesting
import Testing

/// Per-endpoint settings at work against a real sink: timeout, concurrency, two secrets.
@Suite struct DeliveryLimitsTests {
    @Test func anEndpointsOwnTimeoutCutsASlowReceiverShort() async throws {
        try await withSinkAndDaemon(configure: { configuration in
            configuration.requestTimeout = "10s"
            configuration.endpointOptions["mentor-gateway"] = "timeout: 300ms"
        }) { sink, daemon in
            // The first answer would come after 3 s: well inside request_timeout, far beyond the endpoint's.
            sink.respond(toPath: "/hooks/mentor", withSequence: [SinkResponse(status: 200, delay: .seconds(3))], then: SinkResponse(status: 200))
            let caseID = try await daemon.registerCase()
            let details = try await daemon.waitForCase(caseID) { ($0["messages"] as? [[String: Any]])?.first?["state"] as? String == "delivered" }
            // Had the 10 s request_timeout applied, the first attempt would have been delivered.
            #expect((details["messages"] as? [[String: Any]])?.first?["attempts"] as? Int == 2)
            let attempts = sink.receivedRequests.filter { $0.path == "/hooks/mentor" }
            #expect(attempts.count == 2)
            #expect(attempts[0].header("webhook-id") == attempts[1].header("webhook-id"))
            let metrics = try await daemon.get("/metrics", token: nil).text
            #expect(metrics.contains(#"mentorline_delivery_duration_seconds_count{endpoint="mentor-gateway",outcome="timeout"} 1"#))
        }
    }

    @Test func anEndpointsConcurrencyLimitHoldsAtTheReceiver() async throws {
        try await withSinkAndDaemon(configure: { configuration in
            configuration.endpointOptions["mentor-gateway"] = "concurrency: 2"
        }) { sink, daemon in
            sink.respond(toPath: "/hooks/mentor", with: SinkResponse(status: 200, delay: .milliseconds(400)))
            var cases: [String] = []
            for _ in 0..<6 { cases.append(try await daemon.registerCase()) }
            _ = try await sink.waitForRequests(count: 6, timeout: .seconds(20))
            for caseID in cases {
                _ = try await daemon.waitForCase(caseID) { ($0["messages"] as? [[String: Any]])?.first?["state"] as? String == "delivered" }
            }
            // Six offers due at once, max_in_flight 64: only the endpoint's limit keeps them to two at a time.
            #expect(sink.maxConcurrentRequests == 2)
        }
    }

    @Test func twoActiveSecretsGiveTwoSignaturesEachVerifiableOnItsOwn() async throws {
        try await withSinkAndDaemon(configure: { configuration in
            configuration.endpointOptions["mentor-gateway"] = "secret_files: [secrets/webhook.secret, secrets/webhook-next.secret]"
        }) { sink, daemon in
            _ = try await daemon.registerCase()
            let offer = try await waitForWebhook(sink) { $0.path == "/hooks/mentor" }
            let header = try #require(offer.header("webhook-signature"))
            let signatures = header.split(separator: " ").map(String.init)
            #expect(signatures.count == 2)
            #expect(signatures.allSatisfy { $0.hasPrefix("v1,") })
            #expect(signatures[0] != signatures[1])

            let current = try WebhookSecret(parsing: TestConfiguration.webhookSecret)
            let next = try WebhookSecret(parsing: TestConfiguration.nextWebhookSecret)
            // A receiver that knows only one of the secrets accepts the message: the first signature is the
            // current secret's, the second the next one's.
            for (secret, signature) in [(current, signatures[0]), (next, signatures[1])] {
                let verifier = WebhookVerifier(secrets: [secret])
                try verifier.verify(
                    messageID: offer.header("webhook-id"), timestamp: offer.header("webhook-timestamp"), signatureHeader: header,
                    body: offer.body, now: Date()
                )
                try verifier.verify(
                    messageID: offer.header("webhook-id"), timestamp: offer.header("webhook-timestamp"), signatureHeader: signature,
                    body: offer.body, now: Date()
                )
            }
            #expect(throws: WebhookVerifier.VerificationError.noMatchingSignature) {
                try WebhookVerifier(secrets: [next]).verify(
                    messageID: offer.header("webhook-id"), timestamp: offer.header("webhook-timestamp"), signatureHeader: signatures[0],
                    body: offer.body, now: Date()
                )
            }
        }
    }
}
