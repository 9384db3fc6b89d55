package import Foundation
package import MentorlineCore

/// One intake request on its way into the store.
package struct IntakeSubmission: Sendable {
    package var caseID: CaseID
    package var intake: CaseIntake
    /// `intake:<token name>`.
    package var actor: String
    package var receivedAt: Date
    package var idempotency: IdempotencyClaim?
    /// The intake as stored, encoded by the submitting request rather than on the single commit path.
    let encodedIntake: Data

    package init(caseID: CaseID, intake: CaseIntake, actor: String, receivedAt: Date, idempotency: IdempotencyClaim?) throws {
        self.caseID = caseID
        self.intake = intake
        self.actor = actor
        self.receivedAt = receivedAt
        self.idempotency = idempotency
        self.encodedIntake = try JSONColumn.encode(intake)
    }
}

/// An `Idempotency-Key` and the request it came with.
package struct IdempotencyClaim: Hashable, Sendable {
    /// Keys are per client: the intake token's name.
    package var scope: String
    package var key: String
    /// SHA-256 of the request body, to tell a retry from a different request under the same key.
    package var bodyDigest: [UInt8]

    package init(scope: String, key: String, bodyDigest: [UInt8]) {
        self.scope = scope
        self.key = key
        self.bodyDigest = bodyDigest
    }
}

/// What became of a submission.
package enum IntakeOutcome: Hashable, Sendable {
    /// Stored, durably, as a new case.
    case created(CaseID, receivedAt: Date)
    /// The same key and body were seen before: this is the case that request created.
    case replayed(CaseID, receivedAt: Date)
    /// The key was used before with another body.
    case idempotencyConflict(CaseID)
}
