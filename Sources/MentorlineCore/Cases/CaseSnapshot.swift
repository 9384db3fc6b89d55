package import Foundation

/// A case as the dispatcher sees it when deciding: read inside the transaction that writes the decision.
package struct CaseSnapshot: Hashable, Sendable {
    package var id: CaseID
    package var state: CaseState
    package var receivedAt: Date
    package var intake: CaseIntake
    package var progress: RoutingProgress?
    package var declinedBy: Set<MentorID>
    /// Tasks of this case still waiting for an answer.
    package var openOffers: [MentorTask]
    /// Whether any mentor has been offered the case before.
    package var offeredBefore: Bool
    /// The contact person for the case's citizen, else for its company.
    package var contactPerson: MentorID?
    /// The contact person of each of the case's subjects that has one.
    package var contactPersons: [ContactSubject: MentorID]
    package var promisedBy: Date?
    /// The representative registered for the case's citizen on an earlier case (this case's own is in `intake`).
    package var representative: Representative?
    /// When the retention rule erased the case's personal data; an erased case takes no more actions.
    package var erasedAt: Date?

    package init(
        id: CaseID, state: CaseState, receivedAt: Date, intake: CaseIntake, progress: RoutingProgress?, declinedBy: Set<MentorID>,
        openOffers: [MentorTask] = [], offeredBefore: Bool = false, contactPerson: MentorID? = nil, promisedBy: Date? = nil,
        contactPersons: [ContactSubject: MentorID] = [:], representative: Representative? = nil, erasedAt: Date? = nil
    ) {
        self.id = id
        self.state = state
        self.receivedAt = receivedAt
        self.intake = intake
        self.progress = progress
        self.declinedBy = declinedBy
        self.openOffers = openOffers
        self.offeredBefore = offeredBefore
        self.contactPerson = contactPerson
        self.contactPersons = contactPersons
        self.promisedBy = promisedBy
        self.representative = representative
        self.erasedAt = erasedAt
    }
}
