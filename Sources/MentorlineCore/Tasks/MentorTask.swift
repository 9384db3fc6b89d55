package import Foundation

/// A case offered to one mentor: the unit a mentor accepts, declines, hands off or resolves.
package struct MentorTask: Hashable, Sendable, Codable {
    package var id: TaskID
    package var caseID: CaseID
    package var mentor: MentorID
    package var state: TaskState
    package var purpose: TaskPurpose
    package var level: Int
    package var round: Int
    package var offeredAt: Date
    package var deadline: Date
    package var answeredAt: Date?
    package var resolvedAt: Date?
    /// For a handoff: the mentor who handed it over, and their note.
    package var handedFrom: MentorID?
    package var note: String?

    package init(
        id: TaskID, caseID: CaseID, mentor: MentorID, state: TaskState = .offered, purpose: TaskPurpose = .offer, level: Int, round: Int,
        offeredAt: Date, deadline: Date, answeredAt: Date? = nil, resolvedAt: Date? = nil, handedFrom: MentorID? = nil, note: String? = nil
    ) {
        self.id = id
        self.caseID = caseID
        self.mentor = mentor
        self.state = state
        self.purpose = purpose
        self.level = level
        self.round = round
        self.offeredAt = offeredAt
        self.deadline = deadline
        self.answeredAt = answeredAt
        self.resolvedAt = resolvedAt
        self.handedFrom = handedFrom
        self.note = note
    }
}
