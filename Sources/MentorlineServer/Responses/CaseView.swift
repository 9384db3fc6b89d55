import Foundation
import MentorlineCore
import MentorlineStore

/// A case as the API shows it.
struct CaseView: Encodable {
    var id: CaseID
    var state: CaseState
    var receivedAt: Date
    var updatedAt: Date
    var caller: Caller
    var citizenReference: String?
    var topics: [TopicID]
    var language: LanguageCode
    var urgency: Urgency
    var note: String?
    var representative: Representative?
    /// When the caller was told to expect contact.
    var promisedBy: Date?
    /// When the case last closed; the retention period runs from it.
    var closedAt: Date?
    /// When its personal data was erased under the retention rule (caller, note, texts are blank then).
    var erasedAt: Date?
    var routing: RoutingView?
    /// When the caller can come to a café slot.
    var preferences: PreferencesView?
    var history: [EventView]
    var tasks: [TaskView]
    /// Café bookings of the case, newest first.
    var bookings: [BookingView] = []
    /// Talk registrations of the case, cancelled ones included, oldest first.
    var talkRegistrations: [RegistrationView] = []
    var messages: [MessageView]

    struct RoutingView: Encodable {
        var route: RouteID
        var policy: PolicyID
        var level: Int
        var round: Int
    }

    struct EventView: Encodable {
        var at: Date
        var event: CaseEventKind
        var actor: String
        var route: RouteID?
        var policy: PolicyID?
        var task: TaskID?
        var mentor: MentorID?
        var level: Int?
        var round: Int?
        var deadline: Date?
        var reason: String?
        var ranking: [CandidateAssessment]?
        var until: Date?
        var toMentor: MentorID?
        var note: String?
        var subject: String?
        var purpose: TaskPurpose?
        var strategy: OfferStrategy?
        var booking: BookingID?
        var cafe: CafeID?
        var volunteer: VolunteerID?
        var talk: TalkID?
        var registration: RegistrationID?
    }

    struct PreferencesView: Encodable {
        var weekdays: [String]
        var notMornings: Bool
        var notAfternoons: Bool
    }

    struct MessageView: Encodable {
        var id: MessageID
        var type: String
        var recipient: String
        var endpoint: EndpointID
        var state: OutboxState
        var attempts: Int
        var createdAt: Date
        var notBefore: Date
        var deliveredAt: Date?
        var lastStatus: Int?
        var lastError: String?
        var text: String?
        var template: String?
        var language: String?
        /// Set while the letter policy holds the message: its code and words (`holiday`, `Whit Monday`).
        var heldReason: String?
        var heldDetail: String?
        /// Only in a citizen's export: what the text was rendered from, and the JSON body as sent.
        var templateValues: JSONValue?
        var payload: JSONValue?
    }

    /// - Parameter contents: for an export, each message's stored template values and payload.
    init(_ details: CaseDetails, contents: [MessageID: CitizenExport.MessageContents] = [:]) {
        id = details.id
        state = details.state
        receivedAt = details.receivedAt
        updatedAt = details.updatedAt
        caller = details.intake.caller
        citizenReference = details.intake.citizenReference
        topics = details.intake.topics
        language = details.intake.language
        urgency = details.intake.urgency
        note = details.intake.note
        representative = details.intake.representative
        promisedBy = details.promisedBy
        closedAt = details.closedAt
        erasedAt = details.erasedAt
        preferences = details.intake.preferences.map {
            PreferencesView(weekdays: $0.weekdays.sorted().map(\.abbreviation), notMornings: $0.notMornings, notAfternoons: $0.notAfternoons)
        }
        routing = details.progress.map { RoutingView(route: $0.route, policy: $0.policy, level: $0.level + 1, round: $0.round + 1) }
        history = details.events.map { event in
            EventView(
                at: event.at, event: event.kind, actor: event.actor, route: event.detail.route, policy: event.detail.policy,
                task: event.detail.task, mentor: event.detail.mentor, level: event.detail.level, round: event.detail.round,
                deadline: event.detail.deadline, reason: event.detail.reason, ranking: event.detail.ranking, until: event.detail.until,
                toMentor: event.detail.toMentor, note: event.detail.note, subject: event.detail.subject, purpose: event.detail.purpose,
                strategy: event.detail.strategy, booking: event.detail.booking, cafe: event.detail.cafe, volunteer: event.detail.volunteer,
                talk: event.detail.talk, registration: event.detail.registration
            )
        }
        tasks = details.tasks.map(TaskView.init)
        messages = details.messages.map { message in
            MessageView(
                id: message.id, type: message.eventType, recipient: "\(message.recipientKind):\(message.recipientID)", endpoint: message.endpoint,
                state: message.state, attempts: message.attempts, createdAt: message.createdAt, notBefore: message.notBefore,
                deliveredAt: message.deliveredAt, lastStatus: message.lastStatus, lastError: message.lastError, text: message.text,
                template: message.template, language: message.language,
                heldReason: message.state == .pending ? message.heldReason : nil, heldDetail: message.state == .pending ? message.heldDetail : nil,
                templateValues: contents[message.id]?.templateValues.flatMap(JSONValue.init(json:)),
                payload: contents[message.id].flatMap { JSONValue(json: $0.payload) }
            )
        }
    }
}

/// A task as the API shows it.
struct TaskView: Encodable {
    var id: TaskID
    var caseId: CaseID
    var mentor: MentorID
    var state: TaskState
    var purpose: TaskPurpose
    var level: Int
    var offeredAt: Date
    var deadline: Date
    var answeredAt: Date?
    var resolvedAt: Date?
    var handedFrom: MentorID?
    var note: String?

    init(_ task: MentorTask) {
        id = task.id
        caseId = task.caseID
        mentor = task.mentor
        state = task.state
        level = task.level + 1
        offeredAt = task.offeredAt
        deadline = task.deadline
        answeredAt = task.answeredAt
        resolvedAt = task.resolvedAt
        purpose = task.purpose
        handedFrom = task.handedFrom
        note = task.note
    }
}
