import Crypto
import Foundation

/// Signs webhook messages the Standard Webhooks way, so that receivers can verify them with any
/// Standard Webhooks library.
package struct WebhookSigner: Sendable {
    private let secret: WebhookSecret

    package init(secret: WebhookSecret) {
        self.secret = secret
    }

    /// `v1,<base64 HMAC-SHA256 of "<messageID>.<timestamp>.<body>">`.
    package func signature(messageID: String, timestamp: Int64, body: [UInt8]) -> String {
        let mac = Self.authenticationCode(key: self.secret.key, messageID: messageID, timestamp: timestamp, body: body)
        return "v1," + Data(mac).base64EncodedString()
    }

    /// The headers of a signed delivery: `webhook-id`, `webhook-timestamp`, `webhook-signature` and
    /// `content-type: application/json`.
    package func headers(messageID: String, timestamp: Int64, body: [UInt8]) -> [HTTPPostRequest.Header] {
        [
            HTTPPostRequest.Header(name: "webhook-id", value: messageID),
            HTTPPostRequest.Header(name: "webhook-timestamp", value: String(timestamp)),
            HTTPPostRequest.Header(
                name: "webhook-signature",
                value: self.signature(messageID: messageID, timestamp: timestamp, body: body)
            ),
            HTTPPostRequest.Header(name: "content-type", value: "application/json"),
        ]
    }

    static func authenticationCode(
        key: SymmetricKey, messageID: String, timestamp: Int64, body: [UInt8]
    ) -> HMAC<SHA256>.MAC {
        var hmac = HMAC<SHA256>(key: key)
        hmac.update(data: Array("\(messageID).\(timestamp).".utf8))
        hmac.update(data: body)
        return hmac.finalize()
    }
}
