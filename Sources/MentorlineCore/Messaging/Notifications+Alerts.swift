package import Foundation

extension Notifications {
    struct CaseUnroutableData: Encodable, Sendable {
        enum CodingKeys: String, CodingKey {
            case caseId = "case_id"
            case recipient
            case text
            case reason
            case urgency
            case topics
            case coordinator
            case statusUrl = "status_url"
        }

        var caseId: CaseID
        var recipient: RecipientReference
        var text: String
        var reason: String
        var urgency: Urgency
        var topics: [TopicID]
        var coordinator: MentorID?
        var statusUrl: String
    }

    /// Alert ops that nobody could take a case. No personal data: ops follow the status URL.
    package func caseUnroutable(caseID: CaseID, intake: CaseIntake, reason: String, coordinator: MentorID?, at now: Date) -> MessageDraft {
        let handedTo = coordinator.map { " Koordinator \($0) har fået den." } ?? " Ingen koordinator er sat op."
        let data = CaseUnroutableData(
            caseId: caseID, recipient: RecipientReference(.ops),
            text: "Ingen mentor kunne tage sag \(caseID) (\(urgencyLabel(intake.urgency))): \(reason).\(handedTo)", reason: reason,
            urgency: intake.urgency, topics: intake.topics, coordinator: coordinator, statusUrl: statusURL(caseID)
        )
        return MessageDraft(
            eventType: .caseUnroutable, recipient: .ops, endpoint: endpoints.endpoint(for: .ops), caseID: caseID, taskID: nil,
            payload: WebhookPayload(type: .caseUnroutable, timestamp: now, data: data).encoded()
        )
    }

    struct PromiseAtRiskData: Encodable, Sendable {
        enum CodingKeys: String, CodingKey {
            case caseId = "case_id"
            case recipient
            case text
            case promisedBy = "promised_by"
            case state
            case urgency
            case topics
            case statusUrl = "status_url"
        }

        var caseId: CaseID
        var recipient: RecipientReference
        var text: String
        var promisedBy: Date
        var state: CaseState
        var urgency: Urgency
        var topics: [TopicID]
        var statusUrl: String
    }

    /// Warn the coordinator (or ops, without one) that nobody has a case the caller was promised contact on.
    package func promiseAtRisk(
        caseID: CaseID, intake: CaseIntake, state: CaseState, promisedBy: Date, coordinator: MentorID?, at now: Date
    ) -> MessageDraft {
        let recipient: MessageRecipient = coordinator.map { .mentor($0) } ?? .ops
        let data = PromiseAtRiskData(
            caseId: caseID, recipient: RecipientReference(recipient),
            text: "Sag \(caseID): \(callerLabel(intake.caller.kind)) er lovet kontakt senest kl. \(clock(promisedBy)), og ingen har taget sagen endnu.",
            promisedBy: promisedBy, state: state, urgency: intake.urgency, topics: intake.topics, statusUrl: statusURL(caseID)
        )
        return MessageDraft(
            eventType: .casePromiseAtRisk, recipient: recipient, endpoint: endpoints.endpoint(for: recipient), caseID: caseID, taskID: nil,
            payload: WebhookPayload(type: .casePromiseAtRisk, timestamp: now, data: data).encoded()
        )
    }

    struct MessageDeadData: Encodable, Sendable {
        enum CodingKeys: String, CodingKey {
            case caseId = "case_id"
            case messageId = "message_id"
            case recipient
            case text
            case eventType = "event_type"
            case endpoint
            case attempts
            case lastError = "last_error"
        }

        var caseId: CaseID?
        var messageId: MessageID
        var recipient: RecipientReference
        var text: String
        var eventType: EventType
        var endpoint: EndpointID
        var attempts: Int
        var lastError: String
    }

    /// Alert ops that a message was given up on.
    package func messageDead(
        messageID: MessageID, caseID: CaseID?, eventType: EventType, endpoint: EndpointID, attempts: Int, lastError: String, at now: Date
    ) -> MessageDraft {
        let data = MessageDeadData(
            caseId: caseID, messageId: messageID, recipient: RecipientReference(.ops),
            text: "Besked \(messageID) (\(eventType.rawValue)) til \(endpoint) kunne ikke leveres efter \(attempts) forsøg.",
            eventType: eventType, endpoint: endpoint, attempts: attempts, lastError: lastError
        )
        return MessageDraft(
            eventType: .messageDead, recipient: .ops, endpoint: endpoints.endpoint(for: .ops), caseID: caseID, taskID: nil,
            payload: WebhookPayload(type: .messageDead, timestamp: now, data: data).encoded()
        )
    }

    struct EndpointDisabledData: Encodable, Sendable {
        enum CodingKeys: String, CodingKey {
            case endpoint
            case recipient
            case text
            case reason
            case failingSince = "failing_since"
            case disabledAt = "disabled_at"
        }

        var endpoint: EndpointID
        var recipient: RecipientReference
        var text: String
        var reason: String
        var failingSince: Date?
        var disabledAt: Date
    }

    /// Alert ops that delivery disabled an endpoint: its messages wait until someone enables it again. No
    /// personal data: the endpoint's id and why, nothing of the messages waiting.
    package func endpointDisabled(endpoint: EndpointID, reason: String, failingSince: Date?, at now: Date) -> MessageDraft {
        let data = EndpointDisabledData(
            endpoint: endpoint, recipient: RecipientReference(.ops),
            text: "Endpoint \(endpoint) er slået fra (\(reason)). Beskeder til det venter, til det slås til igen: mentorctl endpoints enable \(endpoint).",
            reason: reason, failingSince: failingSince, disabledAt: now
        )
        return MessageDraft(
            eventType: .endpointDisabled, recipient: .ops, endpoint: endpoints.endpoint(for: .ops), caseID: nil, taskID: nil,
            payload: WebhookPayload(type: .endpointDisabled, timestamp: now, data: data).encoded()
        )
    }
}
