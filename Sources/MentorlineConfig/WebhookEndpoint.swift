import Foundation
package import MentorlineCore

/// A receiver of signed webhooks (Standard Webhooks), with its own limits. Every limit is resolved at
/// load: an endpoint that does not set one takes the delivery-wide value.
package struct WebhookEndpoint: Hashable, Sendable, CustomStringConvertible {
    package var id: EndpointID
    /// An absolute `http` or `https` URL.
    package var url: String
    /// The HMAC-SHA256 keys (the bytes after `whsec_`, base64-decoded) of the active secrets, in the
    /// order configured: one signature per key, so a receiver can rotate without downtime.
    package var secretKeys: [[UInt8]]
    /// The whole request, connect included.
    package var timeout: Duration
    package var connectTimeout: Duration
    /// The most messages in flight to this endpoint at once.
    package var concurrency: Int
    /// An endpoint that answers no 2xx for this long is disabled.
    package var disableAfter: Duration
    /// The longest text its channel carries (612 for four concatenated SMS); templates are checked against it.
    package var maxTextLength: Int?

    package init(
        id: EndpointID, url: String, secretKeys: [[UInt8]], timeout: Duration = ConfigurationDefaults.requestTimeout,
        connectTimeout: Duration = ConfigurationDefaults.connectTimeout, concurrency: Int = ConfigurationDefaults.maxInFlight,
        disableAfter: Duration = ConfigurationDefaults.disableAfter, maxTextLength: Int? = nil
    ) {
        self.id = id
        self.url = url
        self.secretKeys = secretKeys
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.concurrency = concurrency
        self.disableAfter = disableAfter
        self.maxTextLength = maxTextLength
    }

    /// An endpoint with one secret.
    package init(id: EndpointID, url: String, secretKey: [UInt8], maxTextLength: Int? = nil) {
        self.init(id: id, url: url, secretKeys: [secretKey], maxTextLength: maxTextLength)
    }

    /// The first (or only) key.
    package var secretKey: [UInt8] { secretKeys.first ?? [] }

    /// Names the endpoint without its secrets or the URL's credentials, so logging one never leaks a key.
    package var description: String {
        let sizes = secretKeys.map { "\($0.count) bytes" }.joined(separator: ", ")
        return "WebhookEndpoint(\(id), \(Self.displayURL(url)), \(secretKeys.count == 1 ? "secret" : "secrets"): \(sizes))"
    }

    /// The URL as it may be shown to operators: without user information, query or fragment, any of
    /// which may carry credentials (`https://user:password@host/path?token=…`).
    package static func displayURL(_ url: String) -> String {
        var text = Substring(url)
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = text[..<cut] }
        guard let schemeEnd = text.range(of: "://") else { return String(text) }
        let authorityStart = schemeEnd.upperBound
        let authorityEnd = text[authorityStart...].firstIndex(of: "/") ?? text.endIndex
        if let at = text[authorityStart..<authorityEnd].lastIndex(of: "@") {
            return String(text[..<authorityStart]) + String(text[text.index(after: at)...])
        }
        return String(text)
    }
}
