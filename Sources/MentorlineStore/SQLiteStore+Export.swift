package import Foundation
import GRDB
import MentorlineCore

extension SQLiteStore {
    /// Everything held about `reference`, read in the transaction that audits the export (`actor`
    /// exported `citizen:<reference>` at `now`), so no export goes unrecorded.
    package func exportCitizen(_ reference: String, actor: String, now: Date) async throws -> CitizenExport {
        try await pool.write { db in
            let subject = ContactSubject.citizen(reference)
            let ids = try String.fetchAll(
                db, sql: "SELECT id FROM cases WHERE citizen_reference = ? ORDER BY received_at, id", arguments: [reference]
            )
            try self.audit(actor: actor, action: "citizen.export", subject: subject.description, detail: ["cases": "\(ids.count)"], now: now, db: db)
            let cases = try ids.compactMap { try self.caseDetails(CaseID($0), db: db) }
            var contents: [MessageID: CitizenExport.MessageContents] = [:]
            var bookings: [CaseID: [CafeBooking]] = [:]
            var registrations: [CaseID: [TalkRegistration]] = [:]
            for id in ids {
                for row in try Row.fetchAll(db, sql: "SELECT id, template_values, payload FROM outbox WHERE case_id = ?", arguments: [id]) {
                    contents[MessageID(row["id"] as String)] = CitizenExport.MessageContents(templateValues: row["template_values"], payload: row["payload"])
                }
                bookings[CaseID(id)] = try self.bookings(of: CaseID(id), db: db)
                registrations[CaseID(id)] = try self.talkRegistrations(of: CaseID(id), db: db)
            }
            let contact = try Row.fetchOne(
                db, sql: "SELECT mentor, since, set_by FROM contact_persons WHERE subject_kind = 'citizen' AND subject = ?", arguments: [reference]
            ).map { ContactPersonRecord(subject: subject, mentor: MentorID($0["mentor"] as String), since: Date(stored: $0["since"]), setBy: $0["set_by"]) }
            let representative = try Row.fetchOne(
                db, sql: "SELECT representative, case_id, registered_at FROM representatives WHERE citizen_reference = ?", arguments: [reference]
            ).map { row in
                CitizenExport.RegisteredRepresentative(
                    representative: try JSONColumn.decode(Representative.self, from: row["representative"], context: "a registered representative"),
                    caseID: CaseID(row["case_id"] as String), registeredAt: Date(stored: row["registered_at"])
                )
            }
            let audit = try Row.fetchAll(
                db, sql: "SELECT at, actor, action, subject, detail FROM audit_log WHERE subject = ? ORDER BY seq", arguments: [subject.description]
            ).map(Self.auditEntry(from:))
            return CitizenExport(
                citizenReference: reference, exportedAt: now, cases: cases, messageContents: contents, bookings: bookings,
                talkRegistrations: registrations, contactPerson: contact,
                representative: representative, audit: audit
            )
        }
    }
}
