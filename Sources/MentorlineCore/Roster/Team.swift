/// A named group of mentors, such as the business desk.
package struct Team: Hashable, Sendable {
    package var id: TeamID
    package var name: String
    package var members: [MentorID]
    /// For office-hours teams: members are on duty only inside these hours. Nil: always.
    package var workingHours: WorkingHours?

    package init(id: TeamID, name: String, members: [MentorID], workingHours: WorkingHours? = nil) {
        self.id = id
        self.name = name
        self.members = members
        self.workingHours = workingHours
    }
}
