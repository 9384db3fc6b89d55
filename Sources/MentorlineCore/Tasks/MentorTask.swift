package import Foundation

/// A case offered to one mentor: the unit a mentor accepts, declines or resolves.
package struct MentorTask: Hashable, Sendable, Codable {
    package var id: TaskID
    package var caseID: CaseID
    package var mentor: MentorID
    package var state: TaskState
    package var level: Int
    package var round: Int
    package var offeredAt: Date
    package var deadline: Date
    package var answeredAt: Date?
    package var resolvedAt: Date?

    package init(
        id: TaskID, caseID: CaseID, mentor: MentorID, state: TaskState = .offered, level: Int, round: Int, offeredAt: Date,
        deadline: Date, answeredAt: Date? = nil, resolvedAt: Date? = nil
    ) {
        self.id = id
        self.caseID = caseID
        self.mentor = mentor
        self.state = state
        self.level = level
        self.round = round
        self.offeredAt = offeredAt
        self.deadline = deadline
        self.answeredAt = answeredAt
        self.resolvedAt = resolvedAt
    }
}
