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
        var values: TemplateValues = ["case_id": .text(caseID.rawValue), "urgency": .text(urgencyLabel(intake.urgency)), "reason": .text(reason)]
        if let coordinator { values["coordinator"] = .text(coordinator.rawValue) }
        return message(
            .caseUnroutable, to: .ops, endpoint: endpoints.endpoint(for: .ops, event: .caseUnroutable), caseID: caseID, taskID: nil,
            values: values, at: now
        ) { text in
            CaseUnroutableData(
                caseId: caseID, recipient: RecipientReference(.ops), text: text.text, reason: reason, urgency: intake.urgency,
                topics: intake.topics, coordinator: coordinator, statusUrl: statusURL(caseID)
            )
        }
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
        let values: TemplateValues = [
            "case_id": .text(caseID.rawValue), "caller": callerValue(intake.caller.kind), "promise_time": .text(clock(promisedBy)),
        ]
        return message(
            .casePromiseAtRisk, to: recipient, endpoint: endpoints.endpoint(for: recipient, event: .casePromiseAtRisk), caseID: caseID,
            taskID: nil, values: values, at: now
        ) { text in
            PromiseAtRiskData(
                caseId: caseID, recipient: RecipientReference(recipient), text: text.text, promisedBy: promisedBy, state: state,
                urgency: intake.urgency, topics: intake.topics, statusUrl: statusURL(caseID)
            )
        }
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
        let values: TemplateValues = [
            "message_id": .text(messageID.rawValue), "event": .text(eventType.rawValue), "endpoint": .text(endpoint.rawValue),
            "attempts": .text(String(attempts)),
        ]
        return message(
            .messageDead, to: .ops, endpoint: endpoints.endpoint(for: .ops, event: .messageDead), caseID: caseID, taskID: nil,
            values: values, at: now
        ) { text in
            MessageDeadData(
                caseId: caseID, messageId: messageID, recipient: RecipientReference(.ops), text: text.text, eventType: eventType,
                endpoint: endpoint, attempts: attempts, lastError: lastError
            )
        }
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
        let values: TemplateValues = ["endpoint": .text(endpoint.rawValue), "reason": .text(reason)]
        return message(
            .endpointDisabled, to: .ops, endpoint: endpoints.endpoint(for: .ops, event: .endpointDisabled), caseID: nil, taskID: nil,
            values: values, at: now
        ) { text in
            EndpointDisabledData(
                endpoint: endpoint, recipient: RecipientReference(.ops), text: text.text, reason: reason, failingSince: failingSince,
                disabledAt: now
            )
        }
    }
}
