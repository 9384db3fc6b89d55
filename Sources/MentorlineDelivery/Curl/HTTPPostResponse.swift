/// The outcome of a transfer that reached a server. Any status, including 3xx (redirects are not
/// followed), 4xx and 5xx, is a response, not an error.
package struct HTTPPostResponse: Sendable {
    package var status: Int
    /// The raw `Retry-After` header value, if the server sent one.
    package var retryAfter: String?
    /// The response body, at most ``CurlClientConfiguration/maxResponseBodyBytes`` long.
    package var body: [UInt8]
    /// True when the server sent more body than was kept.
    package var bodyWasTruncated: Bool

    package init(status: Int, retryAfter: String? = nil, body: [UInt8] = [], bodyWasTruncated: Bool = false) {
        self.status = status
        self.retryAfter = retryAfter
        self.body = body
        self.bodyWasTruncated = bodyWasTruncated
    }
}
