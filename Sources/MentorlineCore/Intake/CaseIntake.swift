/// A validated hotline call, ready to be stored as a case.
package struct CaseIntake: Hashable, Sendable, Codable {
    package var caller: Caller
    /// An opaque reference to the citizen's case elsewhere (never a CPR number).
    package var citizenReference: String?
    package var topics: [TopicID]
    package var language: LanguageCode
    package var urgency: Urgency
    /// Free text from the call, with CPR-like numbers already masked.
    package var note: String?
    package var representative: Representative?
    /// When the caller can come to a café slot ("not mornings", "Thursdays"); nil: any time.
    package var preferences: SlotPreferences?

    package init(
        caller: Caller, citizenReference: String? = nil, topics: [TopicID], language: LanguageCode = .danish,
        urgency: Urgency = .routine, note: String? = nil, representative: Representative? = nil,
        preferences: SlotPreferences? = nil
    ) {
        self.preferences = preferences
        self.caller = caller
        self.citizenReference = citizenReference
        self.topics = topics
        self.language = language
        self.urgency = urgency
        self.note = note
        self.representative = representative
    }
}
