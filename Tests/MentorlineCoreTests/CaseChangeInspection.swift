import Foundation
import Testing
@testable import MentorlineCore

/// Reading a planner's answer: the writes of one kind, in order.
extension [CaseChange] {
    var events: [CaseEvent] { compactMap { if case .appendEvent(_, let event) = $0 { event } else { nil } } }
    var eventKinds: [CaseEventKind] { events.map(\.kind) }
    func events(_ kind: CaseEventKind) -> [CaseEvent] { events.filter { $0.kind == kind } }

    var drafts: [MessageDraft] { compactMap { if case .enqueue(let draft) = $0 { draft } else { nil } } }
    var timers: [CaseTimer] { compactMap { if case .schedule(let timer) = $0 { timer } else { nil } } }
    var insertedTasks: [MentorTask] { compactMap { if case .insertTask(let task) = $0 { task } else { nil } } }
    var updatedTasks: [MentorTask] { compactMap { if case .updateTask(let task) = $0 { task } else { nil } } }

    var caseUpdates: [(state: CaseState, progress: RoutingProgress?)] {
        compactMap { if case .updateCase(_, let state, let progress) = $0 { (state, progress) } else { nil } }
    }

    var contactPersonChanges: [(subject: ContactSubject, mentor: MentorID?, by: String)] {
        compactMap { if case .setContactPerson(let subject, let mentor, let by) = $0 { (subject, mentor, by) } else { nil } }
    }

    /// One short label per change, to read the shape of an answer at a glance:
    /// `event:routed`, `case:offered`, `task+`, `task~`, `timer:offer_expiry`, `message:task.offered`, …
    var labels: [String] {
        map { change in
            switch change {
            case .insertTask: "task+"
            case .updateTask: "task~"
            case .updateCase(_, let state, _): "case:\(state.rawValue)"
            case .appendEvent(_, let event): "event:\(event.kind.rawValue)"
            case .enqueue(let draft): "message:\(draft.eventType.rawValue)"
            case .schedule(let timer): "timer:\(timer.kind.rawValue)"
            case .cancelTaskTimers: "cancel-task-timers"
            case .cancelCaseTimers(_, let kind): "cancel:\(kind.rawValue)"
            case .setContactPerson: "contact-person"
            case .setPromise: "promise"
            case .insertBooking: "booking+"
            case .updateBooking(let booking): "booking:\(booking.state.rawValue)"
            case .withdrawPendingMessages(_, let event): "withdraw:\(event.rawValue)"
            case .withdrawPendingMessagesAbout(_, let event, let subject): "withdraw:\(event.rawValue):\(subject)"
            case .insertRegistration(let registration): "registration+:\(registration.state.rawValue)"
            case .updateRegistration(let registration): "registration:\(registration.state.rawValue)"
            }
        }
    }

    var promises: [Date] { compactMap { if case .setPromise(_, let date) = $0 { date } else { nil } } }
}

extension MessageDraft {
    /// The payload's envelope (`type`, `timestamp`, `data`).
    func envelope() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any])
    }

    /// The payload's `data` object.
    func data() throws -> [String: Any] {
        try #require(try envelope()["data"] as? [String: Any])
    }
}

/// The decision's offer, or a recorded issue.
func expectOffer(_ decision: RoutingDecision, sourceLocation: SourceLocation = #_sourceLocation) throws -> RoutingDecision.Offer {
    guard case .offer(let offer) = decision else {
        Issue.record("expected an offer, got \(decision)", sourceLocation: sourceLocation)
        throw OutcomeMismatch()
    }
    return offer
}

/// The decision's wait, or a recorded issue.
func expectWait(_ decision: RoutingDecision, sourceLocation: SourceLocation = #_sourceLocation) throws -> RoutingDecision.Wait {
    guard case .wait(let wait) = decision else {
        Issue.record("expected a wait, got \(decision)", sourceLocation: sourceLocation)
        throw OutcomeMismatch()
    }
    return wait
}

/// The decision's unroutable reason, progress and ranking, or a recorded issue.
func expectUnroutable(
    _ decision: RoutingDecision, sourceLocation: SourceLocation = #_sourceLocation
) throws -> (reason: String, progress: RoutingProgress?, ranking: [CandidateAssessment]) {
    guard case .unroutable(let reason, let progress, let ranking) = decision else {
        Issue.record("expected unroutable, got \(decision)", sourceLocation: sourceLocation)
        throw OutcomeMismatch()
    }
    return (reason, progress, ranking)
}

/// Thrown after an issue was recorded, to stop the test.
struct OutcomeMismatch: Error {}
