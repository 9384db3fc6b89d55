/// One mentor considered for an offer, and why they ranked where they did (or were passed over).
package struct CandidateAssessment: Hashable, Sendable, Codable {
    package var mentor: MentorID
    package var eligible: Bool
    package var reasons: [String]

    package init(mentor: MentorID, eligible: Bool, reasons: [String]) {
        self.mentor = mentor
        self.eligible = eligible
        self.reasons = reasons
    }
}
