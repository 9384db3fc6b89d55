package import Foundation

extension Notifications {
    struct CaseReceiptData: Encodable, Sendable {
        enum CodingKeys: String, CodingKey {
            case caseId = "case_id"
            case recipient
            case caller
            case text
            case expectContactBy = "expect_contact_by"
        }

        var caseId: CaseID
        var recipient: RecipientReference
        /// The caller's name and contact details, for the gateway to deliver to.
        var caller: Caller
        var text: String
        var expectContactBy: Date?
    }

    /// The caller's receipt with the callback promise; nil when no endpoint serves callers of this kind.
    package func caseReceipt(caseID: CaseID, intake: CaseIntake, promise: Date?, at now: Date) -> MessageDraft? {
        guard let endpoint = endpoints.callerEndpoint(for: intake.caller.kind) else { return nil }
        let recipient = MessageRecipient.caller(intake.caller.kind)
        let when = promise.map { "En mentor kontakter dig senest \(dayAndClock($0, from: now))." }
            ?? "En koordinator ser på din henvendelse og kontakter dig hurtigst muligt."
        let data = CaseReceiptData(
            caseId: caseID, recipient: RecipientReference(recipient), caller: intake.caller,
            text: "Tak for din henvendelse til Mentor-telefonen. \(when) Sagsnummer: \(caseID).", expectContactBy: promise
        )
        return MessageDraft(
            eventType: .caseReceipt, recipient: recipient, endpoint: endpoint, caseID: caseID, taskID: nil,
            payload: WebhookPayload(type: .caseReceipt, timestamp: now, data: data).encoded()
        )
    }
}
