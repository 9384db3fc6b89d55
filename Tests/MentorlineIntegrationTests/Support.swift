import Foundation
import MentorlineDelivery
import MentorlineTesting
import Testing

extension ReceivedWebhook {
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
    var type: String? { json["type"] as? String }
    var data: [String: Any] { json["data"] as? [String: Any] ?? [:] }
    var recipientID: String? { (data["recipient"] as? [String: Any])?["id"] as? String }

    /// Verifies the Standard Webhooks signature with the test secret; throws when it does not hold.
    func verifySignature() throws {
        let verifier = WebhookVerifier(secrets: [try WebhookSecret(parsing: TestConfiguration.webhookSecret)])
        try verifier.verify(
            messageID: header("webhook-id"), timestamp: header("webhook-timestamp"), signatureHeader: header("webhook-signature"),
            body: body, now: Date()
        )
    }
}

/// A sink and a daemon whose endpoints point at it: mentor messages to `/hooks/mentor`, ops alerts to
/// `/hooks/ops`, and each of `extraEndpoints` (id → path) to its path.
func withSinkAndDaemon<Result: Sendable>(
    configure: (inout TestConfiguration) -> Void = { _ in },
    extraEndpoints: [String: String] = [:],
    _ body: (WebhookSink, TestDaemon) async throws -> Result
) async throws -> Result {
    try await WebhookSink.withSink { sink in
        var configuration = TestConfiguration(mentorEndpointURL: sink.url(path: "/hooks/mentor"), opsEndpointURL: sink.url(path: "/hooks/ops"))
        configuration.extraEndpoints = extraEndpoints.sorted { $0.key < $1.key }.map { ($0.key, sink.url(path: $0.value)) }
        configure(&configuration)
        return try await TestDaemon.withDaemon(configuration) { daemon in try await body(sink, daemon) }
    }
}

/// Waits until the sink has a request matching `predicate`, and returns it.
func waitForWebhook(
    _ sink: WebhookSink, timeout: Duration = .seconds(10), where predicate: (ReceivedWebhook) -> Bool
) async throws -> ReceivedWebhook {
    let deadline = ContinuousClock.now + timeout
    while true {
        if let match = sink.receivedRequests.first(where: predicate) { return match }
        guard ContinuousClock.now < deadline else {
            throw TestDaemonError(description: "no matching webhook; received: \(sink.receivedRequests.map { "\($0.path) \($0.type ?? "?")" })")
        }
        _ = try? await sink.waitForRequests(count: sink.receivedRequests.count + 1, timeout: .milliseconds(200))
    }
}
