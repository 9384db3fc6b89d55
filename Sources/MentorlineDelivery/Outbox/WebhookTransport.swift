/// Posts one signed webhook. The daemon uses libcurl (``CurlClient``); a test may substitute a
/// transport that fails in ways a real socket cannot be made to.
package protocol WebhookTransport: Sendable {
    func post(_ request: HTTPPostRequest) async throws -> HTTPPostResponse
}

extension CurlClient: WebhookTransport {}
