package import Foundation

/// The deployment's rules for messages to the caller's side of a case: citizens and representatives
/// get letters only when the citizen policy allows (no weekend letters), companies within office hours;
/// mentors, colleagues and ops have no such rule.
package struct LetterRules: Hashable, Sendable {
    package var citizens: LetterPolicy
    package var companies: LetterPolicy
    /// Event types that may go at once, whatever the policy says, within this long of the call: a reply
    /// to a contact the citizen made themselves a moment ago (the intake receipt).
    package var exemptions: [EventType: Duration]
    package var representation: RepresentationMode
    /// How long before an appointment its reminder should go (it may go earlier, never later).
    package var reminderLead: Duration

    package init(
        citizens: LetterPolicy, companies: LetterPolicy, exemptions: [EventType: Duration] = [:],
        representation: RepresentationMode = .instead, reminderLead: Duration = .seconds(24 * 3600)
    ) {
        self.citizens = citizens
        self.companies = companies
        self.exemptions = exemptions
        self.representation = representation
        self.reminderLead = reminderLead
    }

    /// The shipped defaults: the citizen default policy, office hours for companies, the intake receipt
    /// exempt for 15 minutes from the call, representatives instead of citizens.
    package static func standard(timeZone: TimeZone) -> LetterRules {
        LetterRules(
            citizens: .citizenDefault(timeZone: timeZone), companies: .officeHours(timeZone: timeZone),
            exemptions: [.caseReceipt: .seconds(15 * 60)]
        )
    }

    /// The policy messages to `kind` are under, or nil when they may go at any time.
    package func policy(for kind: RecipientKind) -> LetterPolicy? {
        switch kind {
        case .citizen, .representative: citizens
        case .company: companies
        case .mentor, .ops, .staff, .volunteer: nil
        }
    }

    /// When a message of `event` to `kind`, queued at `now` for a case received at `receivedAt`, may go.
    package func timing(of event: EventType, to kind: RecipientKind, receivedAt: Date, now: Date) -> LetterTiming {
        guard let policy = policy(for: kind) else { return .now }
        let schedule = policy.nextAllowed(atOrAfter: now)
        if schedule?.heldBy == nil, schedule != nil { return .now }
        if let window = exemptions[event], now.timeIntervalSince(receivedAt) <= window.timeInterval { return .exempt }
        guard let schedule else { return .held(until: .distantFuture, reason: nil) }
        return .held(until: schedule.at, reason: schedule.heldBy)
    }

    /// When the reminder of an appointment at `appointment` goes to `kind`: at the latest allowed instant
    /// at or before `appointment - reminderLead` (earlier, never later), or nil when there is none between
    /// `now` and then.
    package func reminder(to kind: RecipientKind, appointment: Date, now: Date) -> Date? {
        let wanted = appointment.addingTimeInterval(-reminderLead.timeInterval)
        guard wanted >= now else { return nil }
        guard let policy = policy(for: kind) else { return wanted }
        return policy.latestAllowed(atOrBefore: wanted, notBefore: now)
    }
}

/// When one caller-facing message may go.
package enum LetterTiming: Hashable, Sendable {
    /// The policy allows it now (or none applies).
    case now
    /// An exempt reply, sent at once though the policy would hold it.
    case exempt
    /// Held until the next allowed instant; `reason` says what holds it (nil: the policy allows nothing
    /// within its horizon, which loading the configuration rules out).
    case held(until: Date, reason: HoldReason?)
}
