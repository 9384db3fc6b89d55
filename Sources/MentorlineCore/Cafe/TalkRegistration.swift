package import Foundation

/// A citizen's (case's) place at a talk: a seat, or a place on the waiting list of a full talk.
package struct TalkRegistration: Hashable, Sendable {
    package var id: RegistrationID
    package var talk: TalkID
    package var caseID: CaseID
    package var state: RegistrationState
    /// The waiting list's order: the oldest registration moves up first.
    package var createdAt: Date
    package var updatedAt: Date
    package var updatedBy: String

    package init(
        id: RegistrationID, talk: TalkID, caseID: CaseID, state: RegistrationState, createdAt: Date, updatedAt: Date? = nil, updatedBy: String
    ) {
        self.id = id
        self.talk = talk
        self.caseID = caseID
        self.state = state
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.updatedBy = updatedBy
    }
}

package enum RegistrationState: String, Codable, Sendable, CaseIterable, Hashable {
    case seated
    case waiting
    case cancelled
}
