import Crypto
import Foundation
package import MentorlineCore

/// Signs action-link tokens with HMAC-SHA256 under the deployment's link key (base64url, unpadded).
package struct ActionLinkSigner: Sendable {
    private let keyBytes: [UInt8]

    package init(keyBytes: [UInt8]) {
        self.keyBytes = keyBytes
    }

    package func sign(_ text: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: SymmetricKey(data: keyBytes))
        return Data(mac).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The link minter for offers.
    package func links(baseURL: String, validFor: Duration) -> ActionLinks {
        ActionLinks(baseURL: baseURL, validFor: validFor, sign: sign)
    }
}
