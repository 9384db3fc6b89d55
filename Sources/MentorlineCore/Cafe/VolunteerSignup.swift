/// A volunteer's sign-up, made at runtime, to staff every session of their café on one date.
package struct VolunteerSignup: Hashable, Sendable, Comparable {
    package var volunteer: VolunteerID
    package var cafe: CafeID
    package var date: LocalDate

    package init(volunteer: VolunteerID, cafe: CafeID, date: LocalDate) {
        self.volunteer = volunteer
        self.cafe = cafe
        self.date = date
    }

    package static func < (lhs: Self, rhs: Self) -> Bool { (lhs.date, lhs.volunteer) < (rhs.date, rhs.volunteer) }
}
