package import Foundation

/// What the dispatcher knows about every mentor while it works through a batch; kept current as the
/// batch's own decisions are applied.
package struct DispatchContext: Sendable {
    /// Open (offered or accepted) tasks per mentor.
    package var openTasks: [MentorID: Int]
    package var lastOfferedAt: [MentorID: Date]
    /// Mentors who are not `available`.
    package var availability: [MentorID: Availability]
    /// Overrides of every schedule that are not over yet.
    package var overrides: [ScheduleOverride]
    /// Who each schedule has on call at the batch's instant; filled in by ``CasePlanner/prepare(_:now:)``.
    package var onCall: [ScheduleID: Shift?]?
    /// Café bookings, sign-ups and runtime closures, for booking cases into café slots.
    package var cafes = CafeOccupancy()

    package init(
        openTasks: [MentorID: Int] = [:], lastOfferedAt: [MentorID: Date] = [:], availability: [MentorID: Availability] = [:],
        overrides: [ScheduleOverride] = []
    ) {
        self.openTasks = openTasks
        self.lastOfferedAt = lastOfferedAt
        self.availability = availability
        self.overrides = overrides
    }

    /// Counts the effect of planned changes on load and fairness, for the next decision of the batch.
    package mutating func account(for changes: [CaseChange], previous: (TaskID) -> MentorTask?) {
        for change in changes {
            switch change {
            case .insertTask(let task):
                if task.state.isOpen { openTasks[task.mentor, default: 0] += 1 }
                if task.purpose == .offer { lastOfferedAt[task.mentor] = task.offeredAt }
            case .updateTask(let task):
                let wasOpen = previous(task.id)?.state.isOpen ?? true
                if wasOpen != task.state.isOpen { openTasks[task.mentor] = max(0, openTasks[task.mentor, default: 0] + (task.state.isOpen ? 1 : -1)) }
            case .insertBooking(let booking), .updateBooking(let booking):
                cafes.record(booking)
            default:
                break
            }
        }
    }
}
