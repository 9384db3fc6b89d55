import Foundation
import MentorlineDelivery
import Testing

/// The Standard Webhooks specification's published test vector (also used by the svix and
/// standard-webhooks libraries' own tests; cross-checked by hand with the Python `standardwebhooks`
/// package).
private enum Vector {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let messageID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    static let timestamp: Int64 = 1_614_265_330
    static let body = Array(#"{"test": 2432232314}"#.utf8)
    static let signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    static var signedAt: Date { Date(timeIntervalSince1970: TimeInterval(timestamp)) }
}

@Suite struct WebhookSecretTests {
    @Test func parsesSecretAndTrimsWhitespaceFromFiles() throws {
        let secret = try WebhookSecret(parsing: "  \(Vector.secret)\n")
        let signer = WebhookSigner(secret: secret)
        #expect(signer.signature(messageID: Vector.messageID, timestamp: Vector.timestamp, body: Vector.body) == Vector.signature)
    }

    @Test(arguments: [
        ("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", WebhookSecret.ParseError.Code.missingPrefix),
        ("whsec_not*base64!", .invalidBase64),
        ("whsec_c2hvcnQ=", .invalidKeyLength),
        ("", .missingPrefix),
    ])
    func rejectsMalformedSecretsWithoutEchoingThem(text: String, code: WebhookSecret.ParseError.Code) {
        #expect {
            try WebhookSecret(parsing: text)
        } throws: { error in
            guard let error = error as? WebhookSecret.ParseError else { return false }
            let secretPart = text.replacingOccurrences(of: "whsec_", with: "")
            return error.code == code && (secretPart.isEmpty || !String(describing: error).contains(secretPart))
        }
    }

    @Test func descriptionIsRedactedAndGeneratedSecretsRoundTrip() throws {
        let secret = WebhookSecret.generate()
        #expect(String(describing: secret) == "WebhookSecret(redacted)")
        #expect(secret.textRepresentation.hasPrefix("whsec_"))
        let reparsed = try WebhookSecret(parsing: secret.textRepresentation)
        let body = Array("{}".utf8)
        #expect(
            WebhookSigner(secret: reparsed).signature(messageID: "m", timestamp: 1, body: body)
                == WebhookSigner(secret: secret).signature(messageID: "m", timestamp: 1, body: body))
        #expect(WebhookSecret.generate().textRepresentation != secret.textRepresentation)
    }
}

@Suite struct WebhookSignerTests {
    @Test func matchesTheStandardWebhooksTestVector() throws {
        let signer = WebhookSigner(secret: try WebhookSecret(parsing: Vector.secret))
        #expect(signer.signature(messageID: Vector.messageID, timestamp: Vector.timestamp, body: Vector.body) == Vector.signature)
    }

    @Test func headersCarryIDTimestampSignatureAndContentType() throws {
        let signer = WebhookSigner(secret: try WebhookSecret(parsing: Vector.secret))
        let headers = signer.headers(messageID: Vector.messageID, timestamp: Vector.timestamp, body: Vector.body)
        #expect(
            headers == [
                .init(name: "webhook-id", value: Vector.messageID),
                .init(name: "webhook-timestamp", value: "1614265330"),
                .init(name: "webhook-signature", value: Vector.signature),
                .init(name: "content-type", value: "application/json"),
            ])
    }

    @Test func twoSecretsGiveTwoSignaturesInOrderEachVerifiableAlone() throws {
        let current = try WebhookSecret(parsing: Vector.secret)
        let next = WebhookSecret.generate()
        let header = WebhookSigner(secrets: [current, next]).signature(messageID: Vector.messageID, timestamp: Vector.timestamp, body: Vector.body)
        let parts = header.split(separator: " ").map(String.init)
        #expect(parts.count == 2)
        #expect(parts[0] == Vector.signature)
        #expect(parts[1] == WebhookSigner(secret: next).signature(messageID: Vector.messageID, timestamp: Vector.timestamp, body: Vector.body))
        for secret in [current, next] {
            try WebhookVerifier(secrets: [secret]).verify(
                messageID: Vector.messageID, timestamp: String(Vector.timestamp), signatureHeader: header, body: Vector.body, now: Vector.signedAt)
        }
    }
}

@Suite struct WebhookVerifierTests {
    let verifier: WebhookVerifier

    init() throws {
        self.verifier = WebhookVerifier(secrets: [try WebhookSecret(parsing: Vector.secret)])
    }

    private func verify(
        using verifier: WebhookVerifier? = nil,
        id: String? = Vector.messageID,
        timestamp: String? = String(Vector.timestamp),
        signature: String? = Vector.signature,
        body: [UInt8] = Vector.body,
        now: Date = Vector.signedAt
    ) throws(WebhookVerifier.VerificationError) {
        try (verifier ?? self.verifier).verify(
            messageID: id, timestamp: timestamp, signatureHeader: signature, body: body, now: now)
    }

    @Test func acceptsTheTestVector() throws {
        try self.verify()
        try self.verify(now: Vector.signedAt.addingTimeInterval(299))
        try self.verify(now: Vector.signedAt.addingTimeInterval(-299))
    }

    @Test func rejectsTamperedBody() {
        #expect(throws: WebhookVerifier.VerificationError.noMatchingSignature) {
            try self.verify(body: Array(#"{"test": 2432232315}"#.utf8))
        }
    }

    @Test func rejectsOtherMessageID() {
        #expect(throws: WebhookVerifier.VerificationError.noMatchingSignature) {
            try self.verify(id: "msg_other")
        }
    }

    @Test func rejectsWrongSecret() {
        let other = WebhookVerifier(secrets: [WebhookSecret.generate()])
        #expect(throws: WebhookVerifier.VerificationError.noMatchingSignature) {
            try self.verify(using: other)
        }
    }

    @Test func rejectsStaleAndFutureTimestamps() {
        #expect(throws: WebhookVerifier.VerificationError.timestampOutOfTolerance) {
            try self.verify(now: Vector.signedAt.addingTimeInterval(301))
        }
        #expect(throws: WebhookVerifier.VerificationError.timestampOutOfTolerance) {
            try self.verify(now: Vector.signedAt.addingTimeInterval(-301))
        }
        let strict = WebhookVerifier(secrets: [try! WebhookSecret(parsing: Vector.secret)], tolerance: .seconds(5))
        #expect(throws: WebhookVerifier.VerificationError.timestampOutOfTolerance) {
            try self.verify(using: strict, now: Vector.signedAt.addingTimeInterval(6))
        }
    }

    @Test func acceptsAnyOfSeveralSignaturesAndSecrets() throws {
        let unknown = "v1," + Data(repeating: 7, count: 32).base64EncodedString()
        try self.verify(signature: "\(unknown) \(Vector.signature)")
        try self.verify(signature: "v1a,c29tZXRoaW5n \(Vector.signature) \(unknown)")
        let rotated = WebhookVerifier(secrets: [WebhookSecret.generate(), try WebhookSecret(parsing: Vector.secret)])
        try self.verify(using: rotated)
        #expect(throws: WebhookVerifier.VerificationError.noMatchingSignature) {
            try self.verify(signature: "\(unknown) v1,not-base64 v2,\(Vector.signature.dropFirst(3))")
        }
    }

    @Test func rejectsMissingHeaders() {
        #expect(throws: WebhookVerifier.VerificationError.missingHeaders) { try self.verify(id: nil) }
        #expect(throws: WebhookVerifier.VerificationError.missingHeaders) { try self.verify(timestamp: nil) }
        #expect(throws: WebhookVerifier.VerificationError.missingHeaders) { try self.verify(signature: nil) }
    }

    @Test(arguments: ["", "abc", "-5", "1614265330.5", " 1614265330"])
    func rejectsMalformedTimestamps(timestamp: String) {
        #expect(throws: WebhookVerifier.VerificationError.malformed) { try self.verify(timestamp: timestamp) }
    }

    @Test(arguments: ["", "   ", "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="])
    func rejectsMalformedSignatureHeaders(signature: String) {
        #expect(throws: WebhookVerifier.VerificationError.malformed) { try self.verify(signature: signature) }
    }

    @Test func signerAndVerifierAgree() throws {
        let secret = WebhookSecret.generate()
        let body = Array(#"{"type":"task.offered"}"#.utf8)
        let signature = WebhookSigner(secret: secret).signature(messageID: "msg_1", timestamp: 1_800_000_000, body: body)
        try WebhookVerifier(secrets: [secret]).verify(
            messageID: "msg_1", timestamp: "1800000000", signatureHeader: signature, body: body,
            now: Date(timeIntervalSince1970: 1_800_000_100))
    }
}
