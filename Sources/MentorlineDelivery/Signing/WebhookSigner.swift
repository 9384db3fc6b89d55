import Crypto
import Foundation

/// Signs webhook messages the Standard Webhooks way, so that receivers can verify them with any
/// Standard Webhooks library.
///
/// With two active secrets (a receiver rotating from one to the next) every message carries two
/// signatures, space-separated in one header (`v1,<sig1> v1,<sig2>`): a receiver that knows either
/// secret accepts it, so the switch needs no downtime on either side.
package struct WebhookSigner: Sendable {
    private let secrets: [WebhookSecret]

    package init(secret: WebhookSecret) {
        self.secrets = [secret]
    }

    /// Signs with every secret in `secrets`, in order; at least one is required.
    package init(secrets: [WebhookSecret]) {
        precondition(!secrets.isEmpty, "a webhook signer needs at least one secret")
        self.secrets = secrets
    }

    /// `v1,<base64 HMAC-SHA256 of "<messageID>.<timestamp>.<body>">`, one per secret, space-separated.
    package func signature(messageID: String, timestamp: Int64, body: [UInt8]) -> String {
        self.secrets.map { secret in
            let mac = Self.authenticationCode(key: secret.key, messageID: messageID, timestamp: timestamp, body: body)
            return "v1," + Data(mac).base64EncodedString()
        }.joined(separator: " ")
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
