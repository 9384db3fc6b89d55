extension CaseIntake {
    /// The intake with every personal field erased: the caller's name (left empty), phone, e-mail,
    /// organisation and CVR, the citizen reference, the note and the representative. What remains is
    /// what statistics count: the kind of caller, topics, language and urgency.
    package func erasingPersonalData() -> CaseIntake {
        CaseIntake(
            caller: Caller(kind: caller.kind, name: ""), citizenReference: nil, topics: topics, language: language, urgency: urgency,
            note: nil, representative: nil
        )
    }

    /// Whether any personal field is still set (false after ``erasingPersonalData()``).
    package var holdsPersonalData: Bool {
        self != erasingPersonalData()
    }
}
