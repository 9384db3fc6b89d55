import Crypto
package import Foundation

/// Verifies Standard Webhooks signatures: the receiving side of ``WebhookSigner``.
///
/// Accepts any of several secrets (key rotation) and any of several space-separated `v1,`
/// signatures in the header; compares in constant time; rejects timestamps further than
/// `tolerance` from `now` in either direction (replay protection).
package struct WebhookVerifier: Sendable {
    package enum VerificationError: Error, Sendable, Hashable, CustomStringConvertible {
        /// `webhook-id`, `webhook-timestamp` or `webhook-signature` is missing.
        case missingHeaders
        /// The timestamp is too old or too far in the future.
        case timestampOutOfTolerance
        /// No signature matches any secret.
        case noMatchingSignature
        /// The timestamp is not an integer, or the signature header has no `version,signature` entry.
        case malformed

        package var description: String {
            switch self {
            case .missingHeaders: "missing webhook-id, webhook-timestamp or webhook-signature header"
            case .timestampOutOfTolerance: "timestamp outside the allowed tolerance"
            case .noMatchingSignature: "no matching signature"
            case .malformed: "malformed timestamp or signature header"
            }
        }
    }

    private let secrets: [WebhookSecret]
    private let toleranceSeconds: Int64

    package init(secrets: [WebhookSecret], tolerance: Duration = .seconds(300)) {
        self.secrets = secrets
        self.toleranceSeconds = Swift.max(0, tolerance.components.seconds)
    }

    /// - Throws: ``VerificationError`` when the message must be rejected.
    package func verify(
        messageID: String?,
        timestamp: String?,
        signatureHeader: String?,
        body: [UInt8],
        now: Date
    ) throws(VerificationError) {
        guard let messageID, let timestamp, let signatureHeader else { throw .missingHeaders }
        guard !timestamp.isEmpty, timestamp.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let seconds = Int64(timestamp)
        else { throw .malformed }

        let nowSeconds = Int64(now.timeIntervalSince1970.rounded(.down))
        let (difference, overflow) = nowSeconds.subtractingReportingOverflow(seconds)
        guard !overflow, difference.magnitude <= self.toleranceSeconds.magnitude else {
            throw .timestampOutOfTolerance
        }

        var candidates: [[UInt8]] = []
        var sawWellFormedEntry = false
        for entry in signatureHeader.split(separator: " ", omittingEmptySubsequences: true) {
            guard let comma = entry.firstIndex(of: ",") else { continue }
            sawWellFormedEntry = true
            guard entry[..<comma] == "v1", let decoded = Data(base64Encoded: String(entry[entry.index(after: comma)...]))
            else { continue }
            candidates.append([UInt8](decoded))
        }
        guard sawWellFormedEntry else { throw .malformed }

        for secret in self.secrets {
            let expected = WebhookSigner.authenticationCode(
                key: secret.key, messageID: messageID, timestamp: seconds, body: body)
            let expectedBytes = [UInt8](expected)
            for candidate in candidates where Self.constantTimeEquals(candidate, expectedBytes) {
                return
            }
        }
        throw .noMatchingSignature
    }

    /// Compares without an early exit, so the time taken does not reveal how many bytes matched.
    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices {
            difference |= lhs[index] ^ rhs[index]
        }
        return difference == 0
    }
}
