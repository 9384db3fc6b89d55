package import MentorlineCore

/// A receiver of signed webhooks (Standard Webhooks).
package struct WebhookEndpoint: Hashable, Sendable, CustomStringConvertible {
    package var id: EndpointID
    /// An absolute `http` or `https` URL.
    package var url: String
    /// The HMAC-SHA256 key: the bytes after `whsec_`, base64-decoded.
    package var secretKey: [UInt8]
    /// The longest text its channel carries (612 for four concatenated SMS); templates are checked against it.
    package var maxTextLength: Int?

    package init(id: EndpointID, url: String, secretKey: [UInt8], maxTextLength: Int? = nil) {
        self.id = id
        self.url = url
        self.secretKey = secretKey
        self.maxTextLength = maxTextLength
    }

    /// Names the endpoint without its secret, so logging one never leaks the key.
    package var description: String { "WebhookEndpoint(\(id), \(url), secret: \(secretKey.count) bytes)" }
}
