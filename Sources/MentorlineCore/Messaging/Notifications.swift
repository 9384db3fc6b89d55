package import Foundation

/// Builds the messages the dispatcher sends. Texts are plain Danish, one line, readable on a phone.
package struct Notifications: Sendable {
    /// Where status URLs and action links point, without a trailing slash.
    package var publicURL: String
    /// The deployment's time zone, for the times quoted in texts.
    package var timeZone: TimeZone
    package var topics: [TopicID: Topic]
    package var endpoints: RecipientEndpoints

    package init(publicURL: String, timeZone: TimeZone, topics: [TopicID: Topic], endpoints: RecipientEndpoints) {
        self.publicURL = publicURL
        self.timeZone = timeZone
        self.topics = topics
        self.endpoints = endpoints
    }

    struct TaskOfferedData: Encodable, Sendable {
        enum CodingKeys: String, CodingKey {
            case caseId = "case_id"
            case taskId = "task_id"
            case recipient
            case text
            case deadline
            case urgency
            case topics
            case language
            case caller
            case citizenReference = "citizen_reference"
            case representative
            case note
            case level
            case actions
            case statusUrl = "status_url"
        }

        var caseId: CaseID
        var taskId: TaskID
        var recipient: RecipientReference
        var text: String
        var deadline: Date
        var urgency: Urgency
        var topics: [TopicID]
        var language: LanguageCode
        var caller: Caller
        var citizenReference: String?
        var representative: Representative?
        var note: String?
        var level: Int
        var actions: Actions
        var statusUrl: String

        struct Actions: Encodable, Sendable {
            var accept: String
            var decline: String
        }
    }

    /// Offer `task` of `intake` to its mentor.
    package func taskOffered(task: MentorTask, intake: CaseIntake, at now: Date) -> MessageDraft {
        let recipient = MessageRecipient.mentor(task.mentor)
        let data = TaskOfferedData(
            caseId: task.caseID, taskId: task.id, recipient: RecipientReference(recipient),
            text: offerText(intake: intake, deadline: task.deadline), deadline: task.deadline, urgency: intake.urgency,
            topics: intake.topics, language: intake.language, caller: intake.caller, citizenReference: intake.citizenReference,
            representative: intake.representative, note: intake.note, level: task.level + 1,
            actions: .init(accept: "\(publicURL)/v1/tasks/\(task.id)/accept", decline: "\(publicURL)/v1/tasks/\(task.id)/decline"),
            statusUrl: "\(publicURL)/v1/cases/\(task.caseID)"
        )
        return MessageDraft(
            eventType: .taskOffered, recipient: recipient, endpoint: endpoints.endpoint(for: recipient), caseID: task.caseID, taskID: task.id,
            payload: WebhookPayload(type: .taskOffered, timestamp: now, data: data).encoded()
        )
    }

    struct TaskWithdrawnData: Encodable, Sendable {
        enum CodingKeys: String, CodingKey {
            case caseId = "case_id"
            case taskId = "task_id"
            case recipient
            case text
            case reason
        }

        var caseId: CaseID
        var taskId: TaskID
        var recipient: RecipientReference
        var text: String
        var reason: String
    }

    /// Tell a mentor that an offer is no longer theirs to take.
    package func taskWithdrawn(task: MentorTask, reason: String, at now: Date) -> MessageDraft {
        let recipient = MessageRecipient.mentor(task.mentor)
        let data = TaskWithdrawnData(
            caseId: task.caseID, taskId: task.id, recipient: RecipientReference(recipient),
            text: "Henvendelsen er givet videre: svarfristen kl. \(clock(task.deadline)) er overskredet.", reason: reason
        )
        return MessageDraft(
            eventType: .taskWithdrawn, recipient: recipient, endpoint: endpoints.endpoint(for: recipient), caseID: task.caseID, taskID: task.id,
            payload: WebhookPayload(type: .taskWithdrawn, timestamp: now, data: data).encoded()
        )
    }

    struct CaseUnroutableData: Encodable, Sendable {
        enum CodingKeys: String, CodingKey {
            case caseId = "case_id"
            case recipient
            case text
            case reason
            case urgency
            case topics
            case statusUrl = "status_url"
        }

        var caseId: CaseID
        var recipient: RecipientReference
        var text: String
        var reason: String
        var urgency: Urgency
        var topics: [TopicID]
        var statusUrl: String
    }

    /// Alert ops that nobody could take a case. No personal data: ops follow the status URL.
    package func caseUnroutable(caseID: CaseID, intake: CaseIntake, reason: String, at now: Date) -> MessageDraft {
        let data = CaseUnroutableData(
            caseId: caseID, recipient: RecipientReference(.ops),
            text: "Ingen mentor kunne tage sag \(caseID) (\(urgencyLabel(intake.urgency))): \(reason).", reason: reason,
            urgency: intake.urgency, topics: intake.topics, statusUrl: "\(publicURL)/v1/cases/\(caseID)"
        )
        return MessageDraft(
            eventType: .caseUnroutable, recipient: .ops, endpoint: endpoints.endpoint(for: .ops), caseID: caseID, taskID: nil,
            payload: WebhookPayload(type: .caseUnroutable, timestamp: now, data: data).encoded()
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

    func offerText(intake: CaseIntake, deadline: Date) -> String {
        var who = callerLabel(intake.caller.kind)
        if let organisation = intake.caller.organisation { who += " (\(organisation))" }
        let subjects = intake.topics.map { topics[$0]?.label ?? $0.rawValue }
        let about = subjects.isEmpty ? "" : " om \(subjects.joined(separator: ", "))"
        let language = intake.language == .danish ? "" : ", sprog: \(intake.language)"
        return "Ny henvendelse fra \(who)\(about), \(urgencyLabel(intake.urgency))\(language). Svar inden kl. \(clock(deadline))."
    }

    func callerLabel(_ kind: CallerKind) -> String {
        switch kind {
        case .company: "virksomhed"
        case .citizen: "borger"
        case .representative: "partsrepræsentant"
        case .staff: "medarbejder"
        }
    }

    func urgencyLabel(_ urgency: Urgency) -> String {
        switch urgency {
        case .routine: "almindelig"
        case .soon: "snarest"
        case .urgent: "hastende"
        }
    }

    func clock(_ instant: Date) -> String {
        let local = LocalDateTime(instant, in: timeZone)
        let hour = local.secondsIntoDay / 3600
        let minute = (local.secondsIntoDay % 3600) / 60
        return (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)")
    }
}
