/// A named group of mentors, such as the business desk.
package struct Team: Hashable, Sendable {
    package var id: TeamID
    package var name: String
    package var members: [MentorID]

    package init(id: TeamID, name: String, members: [MentorID]) {
        self.id = id
        self.name = name
        self.members = members
    }
}
