package import Foundation

/// A message decided on but not yet stored: the dispatcher turns drafts into outbox rows in the same
/// transaction as the decision that caused them. Its text is rendered once, here, and stored with the
/// values it came from, so what was sent can always be shown.
package struct MessageDraft: Hashable, Sendable {
    package var eventType: EventType
    package var recipient: MessageRecipient
    /// The webhook endpoint that carries it, fixed when the message is queued.
    package var endpoint: EndpointID
    package var caseID: CaseID?
    package var taskID: TaskID?
    /// The JSON body exactly as it will be signed and sent.
    package var payload: [UInt8]
    package var text: RenderedText
    /// What the text was rendered from.
    package var values: TemplateValues
    /// The earliest the message may go; nil is at once. Set by the letter policy and for reminders.
    package var notBefore: Date?
    /// Why the letter policy holds the message until `notBefore`, if it does.
    package var hold: HoldReason?
    /// What the message is about beyond its case, when a case can have several (a talk reminder's
    /// registration id): withdrawing pending messages can then name it.
    package var subject: String?

    package init(
        eventType: EventType, recipient: MessageRecipient, endpoint: EndpointID, caseID: CaseID?, taskID: TaskID?, payload: [UInt8],
        text: RenderedText, values: TemplateValues, notBefore: Date? = nil, hold: HoldReason? = nil
    ) {
        self.eventType = eventType
        self.recipient = recipient
        self.endpoint = endpoint
        self.caseID = caseID
        self.taskID = taskID
        self.payload = payload
        self.text = text
        self.values = values
        self.notBefore = notBefore
        self.hold = hold
    }
}
