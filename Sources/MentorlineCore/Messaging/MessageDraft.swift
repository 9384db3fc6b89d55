/// A message decided on but not yet stored: the dispatcher turns drafts into outbox rows in the same
/// transaction as the decision that caused them.
package struct MessageDraft: Hashable, Sendable {
    package var eventType: EventType
    package var recipient: MessageRecipient
    /// The webhook endpoint that carries it, fixed when the message is queued.
    package var endpoint: EndpointID
    package var caseID: CaseID?
    package var taskID: TaskID?
    /// The JSON body exactly as it will be signed and sent.
    package var payload: [UInt8]

    package init(eventType: EventType, recipient: MessageRecipient, endpoint: EndpointID, caseID: CaseID?, taskID: TaskID?, payload: [UInt8]) {
        self.eventType = eventType
        self.recipient = recipient
        self.endpoint = endpoint
        self.caseID = caseID
        self.taskID = taskID
        self.payload = payload
    }
}
