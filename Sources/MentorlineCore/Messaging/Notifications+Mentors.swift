package import Foundation

extension Notifications {
    struct TaskOfferedData: Encodable, Sendable {
        enum CodingKeys: String, CodingKey {
            case caseId = "case_id"
            case taskId = "task_id"
            case recipient
            case address
            case text
            case purpose
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
        var address: String?
        var text: String
        var purpose: TaskPurpose
        var deadline: Date?
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
            enum CodingKeys: String, CodingKey {
                case accept
                case decline
                case acceptApi = "accept_api"
                case declineApi = "decline_api"
            }

            /// Signed links that work once, without a token, until they expire.
            var accept: String?
            var decline: String?
            /// The API endpoints (need the mentor's token).
            var acceptApi: String
            var declineApi: String
        }
    }

    /// Offer `task` of `intake` to its mentor through `method` (nil: the mentor's default endpoint).
    package func taskOffered(task: MentorTask, intake: CaseIntake, method: ContactMethod?, at now: Date) -> MessageDraft {
        let recipient = MessageRecipient.mentor(task.mentor)
        let expires = now + (actionLinks?.validFor ?? .zero)
        var values: TemplateValues = [
            "case_id": .text(task.caseID.rawValue), "coordinator": .flag(task.purpose == .coordinator), "caller": callerValue(intake.caller.kind),
            "urgency": .text(urgencyLabel(intake.urgency)), "deadline": .text(clock(task.deadline)),
        ]
        if !intake.topics.isEmpty { values["topics"] = .text(topicLabels(intake)) }
        if let organisation = intake.caller.organisation { values["organisation"] = .text(organisation) }
        if intake.language != .danish { values["language"] = .text(intake.language.rawValue) }
        return message(
            .taskOffered, to: recipient, endpoint: method?.endpoint ?? endpoints.endpoint(for: recipient, event: .taskOffered),
            caseID: task.caseID, taskID: task.id, values: values, at: now
        ) { text in
            TaskOfferedData(
                caseId: task.caseID, taskId: task.id, recipient: RecipientReference(recipient), address: method?.address, text: text.text,
                purpose: task.purpose, deadline: task.purpose == .coordinator ? nil : task.deadline, urgency: intake.urgency,
                topics: intake.topics, language: intake.language, caller: intake.caller, citizenReference: intake.citizenReference,
                representative: intake.representative, note: intake.note, level: task.level + 1,
                actions: .init(
                    accept: actionLinks?.url(task: task.id, mentor: task.mentor, action: .accept, expires: expires),
                    decline: actionLinks?.url(task: task.id, mentor: task.mentor, action: .decline, expires: expires),
                    acceptApi: "\(publicURL)/v1/tasks/\(task.id)/accept", declineApi: "\(publicURL)/v1/tasks/\(task.id)/decline"
                ),
                statusUrl: statusURL(task.caseID)
            )
        }
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

    /// Why an offer was withdrawn from a mentor.
    package enum WithdrawalReason: String, Sendable {
        /// Nobody answered before the deadline.
        case expired
        /// A colleague accepted the case first.
        case takenByColleague = "taken"
    }

    /// Tell a mentor that an offer is no longer theirs to take.
    package func taskWithdrawn(task: MentorTask, reason: WithdrawalReason, at now: Date) -> MessageDraft {
        let recipient = MessageRecipient.mentor(task.mentor)
        let values: TemplateValues = [
            "case_id": .text(task.caseID.rawValue), "expired": .flag(reason == .expired), "taken": .flag(reason == .takenByColleague),
            "deadline": .text(clock(task.deadline)),
        ]
        return message(
            .taskWithdrawn, to: recipient, endpoint: endpoints.endpoint(for: recipient, event: .taskWithdrawn), caseID: task.caseID,
            taskID: task.id, values: values, at: now
        ) { text in
            TaskWithdrawnData(caseId: task.caseID, taskId: task.id, recipient: RecipientReference(recipient), text: text.text, reason: reason.rawValue)
        }
    }

    struct TaskHandedOverData: Encodable, Sendable {
        enum CodingKeys: String, CodingKey {
            case caseId = "case_id"
            case taskId = "task_id"
            case recipient
            case text
            case fromMentor = "from_mentor"
            case handoffNote = "handoff_note"
            case contactPerson = "contact_person"
            case urgency
            case topics
            case language
            case caller
            case citizenReference = "citizen_reference"
            case representative
            case note
            case statusUrl = "status_url"
        }

        var caseId: CaseID
        var taskId: TaskID
        var recipient: RecipientReference
        var text: String
        var fromMentor: MentorID
        var handoffNote: String?
        var contactPerson: Bool
        var urgency: Urgency
        var topics: [TopicID]
        var language: LanguageCode
        var caller: Caller
        var citizenReference: String?
        var representative: Representative?
        var note: String?
        var statusUrl: String
    }

    /// Tell the receiving mentor a colleague handed them a case; the colleague's note travels with it.
    package func taskHandedOver(
        task: MentorTask, from: MentorID, fromName: String, intake: CaseIntake, contactPerson: Bool, at now: Date
    ) -> MessageDraft {
        let recipient = MessageRecipient.mentor(task.mentor)
        var values: TemplateValues = [
            "case_id": .text(task.caseID.rawValue), "from": .text(fromName), "caller": callerValue(intake.caller.kind),
            "contact_person": .flag(contactPerson),
        ]
        if !intake.topics.isEmpty { values["topics"] = .text(topicLabels(intake)) }
        return message(
            .taskHandedOver, to: recipient, endpoint: endpoints.endpoint(for: recipient, event: .taskHandedOver), caseID: task.caseID,
            taskID: task.id, values: values, at: now
        ) { text in
            TaskHandedOverData(
                caseId: task.caseID, taskId: task.id, recipient: RecipientReference(recipient), text: text.text,
                fromMentor: from, handoffNote: task.note, contactPerson: contactPerson, urgency: intake.urgency, topics: intake.topics,
                language: intake.language, caller: intake.caller, citizenReference: intake.citizenReference,
                representative: intake.representative, note: intake.note, statusUrl: statusURL(task.caseID)
            )
        }
    }
}
