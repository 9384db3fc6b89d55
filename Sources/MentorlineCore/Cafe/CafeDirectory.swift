/// The cafés, their volunteers and talks, as loaded from `cafe.yaml` (empty without one).
/// A directory handed to Core has been validated: every reference in it resolves.
package struct CafeDirectory: Hashable, Sendable {
    package var cafes: [CafeID: Cafe]
    package var volunteers: [VolunteerID: Volunteer]
    package var talks: [TalkID: Talk]
    /// Whether booking messages to volunteers and their calendar feed name the citizen (default: only
    /// the case reference).
    package var volunteersSeeNames: Bool

    package init(
        cafes: [CafeID: Cafe] = [:], volunteers: [VolunteerID: Volunteer] = [:], talks: [TalkID: Talk] = [:], volunteersSeeNames: Bool = false
    ) {
        self.cafes = cafes
        self.volunteers = volunteers
        self.talks = talks
        self.volunteersSeeNames = volunteersSeeNames
    }

    /// The volunteers of `cafe`, in id order (the tie-break between equally free volunteers).
    package func volunteers(of cafe: CafeID) -> [Volunteer] {
        volunteers.values.filter { $0.cafe == cafe }.sorted { $0.id < $1.id }
    }
}
