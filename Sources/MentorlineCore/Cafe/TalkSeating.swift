/// Who sits at a talk: seats go in order of registration; a full talk keeps a waiting list, and when a
/// seated citizen cancels, the longest waiting moves up.
package enum TalkSeating {
    /// The state of a new registration, given the talk's current (not cancelled) ones.
    package static func stateForNew(_ talk: Talk, active: [TalkRegistration]) -> RegistrationState {
        active.filter { $0.state == .seated }.count < talk.seats ? .seated : .waiting
    }

    /// 1-based place on the waiting list of a registration that waits.
    package static func position(of registration: TalkRegistration, among active: [TalkRegistration]) -> Int? {
        let waiting = active.filter { $0.state == .waiting }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        return waiting.firstIndex { $0.id == registration.id }.map { $0 + 1 }
    }

    /// The registration that takes the seat `cancelled` frees: the oldest waiting one, when `cancelled`
    /// was seated and the talk is not over-full.
    package static func movesUp(after cancelled: TalkRegistration, talk: Talk, active: [TalkRegistration]) -> TalkRegistration? {
        guard cancelled.state == .seated else { return nil }
        let others = active.filter { $0.id != cancelled.id }
        guard others.filter({ $0.state == .seated }).count < talk.seats else { return nil }
        return others.filter { $0.state == .waiting }.min { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }
}
