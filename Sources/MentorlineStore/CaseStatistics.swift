package import Foundation
package import MentorlineCore

/// Counts over every case, kept by triggers so that reading them costs the same however long the
/// history: for `/metrics` and `mentorctl status`.
package struct CaseStatistics: Hashable, Sendable {
    /// The states a case is in while it waits for a person to take it.
    package static let waitingStates: [CaseState] = [.received, .routing, .offered, .waiting, .unroutable]

    /// Cases per state; a state without cases is missing.
    package var cases: [CaseState: Int]
    /// Case events per kind since the database was created: offers made, escalations, cases found unroutable.
    package var events: [CaseEventKind: Int]
    /// When the case that has waited longest was received; nil with nothing waiting.
    package var oldestWaitingSince: Date?

    package init(cases: [CaseState: Int] = [:], events: [CaseEventKind: Int] = [:], oldestWaitingSince: Date? = nil) {
        self.cases = cases
        self.events = events
        self.oldestWaitingSince = oldestWaitingSince
    }

    /// Cases waiting for a person.
    package var queueDepth: Int { Self.waitingStates.reduce(0) { $0 + cases[$1, default: 0] } }

    /// How long the longest-waiting case has waited at `now`; zero with nothing waiting.
    package func oldestWait(at now: Date) -> TimeInterval {
        oldestWaitingSince.map { max(0, now.timeIntervalSince($0)) } ?? 0
    }
}

/// A case waiting for a person, as `mentorctl queue` lists it: what it is about, never who called.
package struct WaitingCase: Hashable, Sendable {
    package var id: CaseID
    package var state: CaseState
    package var callerKind: CallerKind
    package var urgency: Urgency
    package var language: LanguageCode
    package var topics: [TopicID]
    package var receivedAt: Date
    package var promisedBy: Date?
    /// The mentors it is offered to now.
    package var offeredTo: [MentorID]

    package init(
        id: CaseID, state: CaseState, callerKind: CallerKind, urgency: Urgency, language: LanguageCode, topics: [TopicID], receivedAt: Date,
        promisedBy: Date?, offeredTo: [MentorID]
    ) {
        self.id = id
        self.state = state
        self.callerKind = callerKind
        self.urgency = urgency
        self.language = language
        self.topics = topics
        self.receivedAt = receivedAt
        self.promisedBy = promisedBy
        self.offeredTo = offeredTo
    }
}
