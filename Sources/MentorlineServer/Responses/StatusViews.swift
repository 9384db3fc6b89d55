import Foundation
import MentorlineCore
import MentorlineStore

/// `GET /v1/status`: the live daemon on one screen. Ids, names of mentors on call, counts; no caller's data.
struct StatusView: Encodable {
    struct Queue: Encodable {
        /// Cases waiting for a person.
        var depth: Int
        var oldestWaitSeconds: Double
        var oldestReceivedAt: Date?
        /// Every case state with its count.
        var cases: [String: Int]
    }

    struct OnCall: Encodable {
        var schedule: ScheduleID
        var name: String
        var onCall: ShiftView?
    }

    struct Totals: Encodable {
        var offers: Int
        var escalations: Int
        var unroutable: Int
    }

    var version: String
    var startedAt: Date?
    var uptimeSeconds: Double?
    var configurationGeneration: Int
    var ready: Bool
    var problems: [String]
    var now: Date
    var queue: Queue
    var onCall: [OnCall]
    var endpoints: [EndpointView]
    /// Letters the letter policy holds now, by reason.
    var heldLetters: [String: Int]
    var deadMessages: Int
    var totals: Totals
}

/// A waiting case as `GET /v1/queue` lists it.
struct WaitingCaseView: Encodable {
    var id: CaseID
    var state: CaseState
    var callerKind: CallerKind
    var urgency: Urgency
    var language: LanguageCode
    var topics: [TopicID]
    var receivedAt: Date
    var waitingSeconds: Double
    var promisedBy: Date?
    var offeredTo: [MentorID]

    init(_ waiting: WaitingCase, now: Date) {
        id = waiting.id
        state = waiting.state
        callerKind = waiting.callerKind
        urgency = waiting.urgency
        language = waiting.language
        topics = waiting.topics
        receivedAt = waiting.receivedAt
        waitingSeconds = max(0, now.timeIntervalSince(waiting.receivedAt))
        promisedBy = waiting.promisedBy
        offeredTo = waiting.offeredTo
    }
}
