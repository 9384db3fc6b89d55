import Crypto
import Foundation

/// A Standard Webhooks signing secret: `whsec_` followed by the base64 of 24 to 64 random bytes.
///
/// Its description is redacted, and parse errors never repeat the text they were given.
package struct WebhookSecret: Sendable, CustomStringConvertible {
    package struct ParseError: Error, Hashable, CustomStringConvertible {
        package enum Code: Sendable, Hashable {
            /// The text does not start with `whsec_`.
            case missingPrefix
            /// The part after `whsec_` is not base64.
            case invalidBase64
            /// The key is shorter than 24 or longer than 64 bytes.
            case invalidKeyLength
        }

        package var code: Code

        package var description: String {
            switch self.code {
            case .missingPrefix: "webhook secret must start with \"whsec_\""
            case .invalidBase64: "webhook secret is not valid base64 after \"whsec_\""
            case .invalidKeyLength: "webhook secret key must be 24 to 64 bytes long"
            }
        }
    }

    private static let prefix = "whsec_"
    package static let keyLengths = 24...64

    /// The raw key. Kept as bytes, not `SymmetricKey`, because swift-crypto's `SymmetricKey` is not
    /// `Sendable` on Linux.
    let keyBytes: [UInt8]

    var key: SymmetricKey { SymmetricKey(data: self.keyBytes) }

    /// Parses `whsec_<base64>`, ignoring surrounding whitespace and newlines (secrets are read from
    /// files, which usually end with a newline).
    package init(parsing text: String) throws(ParseError) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix(Self.prefix) else { throw ParseError(code: .missingPrefix) }
        var encoded = String(trimmed.dropFirst(Self.prefix.count))
        if encoded.utf8.count % 4 != 0 {
            encoded += String(repeating: "=", count: 4 - encoded.utf8.count % 4)
        }
        guard let bytes = Data(base64Encoded: encoded) else { throw ParseError(code: .invalidBase64) }
        try self.init(keyBytes: [UInt8](bytes))
    }

    package init(keyBytes: [UInt8]) throws(ParseError) {
        guard Self.keyLengths.contains(keyBytes.count) else { throw ParseError(code: .invalidKeyLength) }
        self.keyBytes = keyBytes
    }

    /// A new random 32-byte secret.
    package static func generate() -> WebhookSecret {
        // 32 bytes is within `keyLengths`, so this cannot fail.
        try! WebhookSecret(keyBytes: SymmetricKey(size: .bits256).withUnsafeBytes { [UInt8]($0) })
    }

    /// `whsec_<base64>`: the secret itself, for writing a secret file. Never log it.
    package var textRepresentation: String {
        Self.prefix + Data(self.keyBytes).base64EncodedString()
    }

    package var description: String { "WebhookSecret(redacted)" }
}
