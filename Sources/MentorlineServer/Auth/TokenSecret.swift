import Crypto
import Foundation

/// The text of a token made through the API: `ml_` and 32 bytes from the system's cryptographically
/// secure generator, base64url without padding (`ml_` + 43 characters). The prefix lets secret
/// scanners and people recognise a Mentorline token.
enum TokenSecret {
    static let prefix = "ml_"

    /// A new secret. 256 random bits make a plain SHA-256 digest a safe way to store it: there is
    /// nothing to guess, so no slow password hash is needed.
    static func generate() -> String {
        let key = SymmetricKey(size: .bits256)
        let encoded = key.withUnsafeBytes { Data($0).base64EncodedString() }
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return prefix + encoded
    }
}
