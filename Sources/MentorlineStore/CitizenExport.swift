package import Foundation
package import MentorlineCore

/// Everything the store holds about one citizen reference, for a data-access request: their cases whole
/// (trail, tasks, messages with their texts, the values and payloads the messages were made from, café
/// bookings and talk registrations), the contact person and representative registered for them, and the
/// audit entries about them.
///
/// Cases whose personal data the retention rule erased no longer carry the reference, so they are not
/// part of it: nothing links them to the citizen any more.
package struct CitizenExport: Sendable {
    /// A message's stored contents beyond its summary: the template values and the JSON payload as sent.
    package struct MessageContents: Hashable, Sendable {
        package var templateValues: Data?
        package var payload: Data
    }

    /// The representative registered for the citizen, on which case and when.
    package struct RegisteredRepresentative: Hashable, Sendable {
        package var representative: Representative
        package var caseID: CaseID
        package var registeredAt: Date
    }

    package var citizenReference: String
    package var exportedAt: Date
    package var cases: [CaseDetails]
    package var messageContents: [MessageID: MessageContents]
    /// Each case's café bookings, cancelled ones included, newest first.
    package var bookings: [CaseID: [CafeBooking]]
    /// Each case's talk registrations, cancelled ones included, oldest first.
    package var talkRegistrations: [CaseID: [TalkRegistration]]
    package var contactPerson: ContactPersonRecord?
    package var representative: RegisteredRepresentative?
    /// Entries of the audit log about this citizen (`citizen:<reference>`), oldest first.
    package var audit: [AuditEntry]
}
