extension CaseEvent {
    /// The event with the free text people wrote and the subjects it names erased (see
    /// ``CaseEventDetail/erasingPersonalData(of:)``).
    package func erasingPersonalData() -> CaseEvent {
        var copy = self
        copy.detail = detail.erasingPersonalData(of: kind)
        return copy
    }
}

extension CaseEventDetail {
    /// The details of an event of `kind` with the free text people wrote and the subjects it names
    /// erased; the mentors, levels, deadlines, rankings and the system's own reasons stay, and so do the
    /// event's time, kind and actor (a token or mentor name).
    ///
    /// Erased: handoff notes; the reasons mentors and coordinators type when declining, resolving,
    /// reopening or handing off (the outcome of a resolution stays as the `resolved` event itself);
    /// the citizen reference or CVR a contact-person change names (the kind stays: `citizen:erased`).
    package func erasingPersonalData(of kind: CaseEventKind) -> CaseEventDetail {
        var copy = self
        copy.note = nil
        if Self.reasonIsTypedByPeople(kind) { copy.reason = nil }
        copy.subject = subject.map(ContactSubject.erased(description:))
        return copy
    }

    /// Whether events of `kind` carry a reason a person typed (free text that may name anyone), rather
    /// than one the system wrote.
    static func reasonIsTypedByPeople(_ kind: CaseEventKind) -> Bool {
        switch kind {
        case .declined, .resolved, .reopened, .handedOff, .bookingCancelled, .bookingMoved, .bookingAttended, .bookingNoShow:
            true
        case .received, .routed, .promised, .waiting, .offered, .offerExpired, .withdrawn, .escalated, .accepted,
            .contactPersonSet, .contactPersonCleared, .promiseAtRisk, .appointmentBooked, .letter, .unroutable, .cafeBooked, .cafeNoSlot,
            .talkRegistered, .talkMovedUp, .talkCancelled:
            false
        }
    }
}
