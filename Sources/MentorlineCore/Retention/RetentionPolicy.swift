package import Foundation

/// How long a closed case keeps its personal data: after `period` from its resolution (or cancellation)
/// the case's personal fields are erased, and ids, timestamps, states and outcomes stay for statistics.
///
/// Pure: "now" is a parameter, so the rule can be tested to the second.
package struct RetentionPolicy: Hashable, Sendable {
    /// How long after closing a case is kept whole.
    package var period: Duration

    package init(period: Duration) {
        self.period = period
    }

    /// 180 days.
    package static let standard = RetentionPolicy(period: .seconds(180 * 86_400))

    /// How the trail and the audit log name the daily job (an admin's run is `admin:<token name>`).
    package static let dailyJobActor = "system"

    /// The period in seconds.
    package var seconds: TimeInterval {
        let (seconds, attoseconds) = period.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }

    /// Cases closed at or before this instant are due for erasure at `now`.
    package func cutoff(at now: Date) -> Date {
        now.addingTimeInterval(-seconds)
    }

    /// When a case closed at `closedAt` falls due.
    package func dueDate(closedAt: Date) -> Date {
        closedAt.addingTimeInterval(seconds)
    }

    /// What the rule says about one case at `now`: erase it, or why not.
    ///
    /// Open cases are never erased, however old; a case reopened after its resolution is open again,
    /// and its period starts over when it closes again (`closedAt` is the latest closing). A case
    /// with messages still waiting to be delivered keeps them, and its data, until a later run.
    package func verdict(for candidate: RetentionCandidate, at now: Date) -> RetentionVerdict {
        if let erasedAt = candidate.erasedAt { return .alreadyErased(at: erasedAt) }
        guard !candidate.state.isOpen, let closedAt = candidate.closedAt else { return .open }
        let due = dueDate(closedAt: closedAt)
        guard due <= now else { return .keep(until: due) }
        guard candidate.pendingMessages == 0 else { return .deliveryPending(messages: candidate.pendingMessages) }
        return .erase
    }
}
