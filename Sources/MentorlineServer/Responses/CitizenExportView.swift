import Foundation
import MentorlineCore
import MentorlineStore

/// `GET /v1/admin/export?citizen=`: everything held about one citizen reference.
struct CitizenExportView: Encodable {
    struct ContactPersonView: Encodable {
        var mentor: MentorID
        var since: Date
        var setBy: String
    }

    struct RepresentativeView: Encodable {
        var name: String
        var phone: String?
        var email: String?
        var organisation: String?
        /// The case it was registered on, and when.
        var caseId: CaseID
        var registeredAt: Date
    }

    struct AuditView: Encodable {
        var at: Date
        var actor: String
        var action: String
        var subject: String
        var detail: [String: String]
    }

    var citizenReference: String
    var exportedAt: Date
    var cases: [CaseView]
    var contactPerson: ContactPersonView?
    var representative: RepresentativeView?
    var audit: [AuditView]

    init(_ export: CitizenExport) {
        citizenReference = export.citizenReference
        exportedAt = export.exportedAt
        cases = export.cases.map { details in
            var view = CaseView(details, contents: export.messageContents)
            view.bookings = export.bookings[details.id, default: []].map(BookingView.init)
            view.talkRegistrations = export.talkRegistrations[details.id, default: []].map(RegistrationView.init)
            return view
        }
        contactPerson = export.contactPerson.map { ContactPersonView(mentor: $0.mentor, since: $0.since, setBy: $0.setBy) }
        representative = export.representative.map {
            RepresentativeView(
                name: $0.representative.name, phone: $0.representative.phone, email: $0.representative.email,
                organisation: $0.representative.organisation, caseId: $0.caseID, registeredAt: $0.registeredAt
            )
        }
        audit = export.audit.map { AuditView(at: $0.at, actor: $0.actor, action: $0.action, subject: $0.subject, detail: $0.detail) }
    }
}
