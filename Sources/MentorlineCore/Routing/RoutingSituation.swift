package import Foundation

/// Everything the routing decision looks at for one case, gathered by the dispatcher.
package struct RoutingSituation: Sendable {
    package var intake: CaseIntake
    /// Nil before the first decision.
    package var progress: RoutingProgress?
    /// Mentors who declined this case; they are never offered it again.
    package var declinedBy: Set<MentorID>
    /// Open (offered or accepted) tasks per mentor, across all cases.
    package var openTasks: [MentorID: Int]
    /// When each mentor was last offered any case (fair rotation); missing means never.
    package var lastOfferedAt: [MentorID: Date]
    /// Mentors who set themselves `away` or `off`; missing means `available`.
    package var availability: [MentorID: Availability]
    /// Runtime overrides of every schedule that are not over yet.
    package var overrides: [ScheduleOverride]
    /// The mentor who last took a case for this citizen or company.
    package var contactPerson: MentorID?
    /// Whether the case has been offered to anyone before (a decline or an expiry brought it back).
    package var offeredBefore: Bool
    package var now: Date
    /// Who each schedule has on call at `now`, when the dispatcher has worked it out for its batch.
    package var onCall: [ScheduleID: Shift?]?

    package init(
        intake: CaseIntake, progress: RoutingProgress?, declinedBy: Set<MentorID> = [], openTasks: [MentorID: Int] = [:],
        lastOfferedAt: [MentorID: Date] = [:], availability: [MentorID: Availability] = [:], overrides: [ScheduleOverride] = [],
        contactPerson: MentorID? = nil, offeredBefore: Bool = false, now: Date, onCall: [ScheduleID: Shift?]? = nil
    ) {
        self.intake = intake
        self.progress = progress
        self.declinedBy = declinedBy
        self.openTasks = openTasks
        self.lastOfferedAt = lastOfferedAt
        self.availability = availability
        self.overrides = overrides
        self.contactPerson = contactPerson
        self.offeredBefore = offeredBefore
        self.now = now
        self.onCall = onCall
    }

    /// Who `schedule` has on call now.
    func onCall(in schedule: Schedule) -> Shift? {
        if let known = onCall?[schedule.id] { return known }
        return schedule.onCall(at: now, overrides: overrides)
    }
}
