package import Foundation
import GRDB
package import MentorlineCore

/// A contact person as stored: who, since when, and who made them so.
package struct ContactPersonRecord: Hashable, Sendable {
    package var subject: ContactSubject
    package var mentor: MentorID
    package var since: Date
    /// `mentor:<id>` when set by accepting a case, `admin:<token name>` when set by a coordinator.
    package var setBy: String
}

extension SQLiteStore {
    package func contactPerson(for subject: ContactSubject) async throws -> ContactPersonRecord? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT mentor, since, set_by FROM contact_persons WHERE subject_kind = ? AND subject = ?", arguments: [subject.kind, subject.key]
            ).map { ContactPersonRecord(subject: subject, mentor: MentorID($0["mentor"] as String), since: Date(stored: $0["since"]), setBy: $0["set_by"]) }
        }
    }

    /// A coordinator sets (or, with nil, clears) the contact person; the change is audited.
    /// Returns whether anything changed.
    @discardableResult
    package func assignContactPerson(_ subject: ContactSubject, to mentor: MentorID?, by actor: String, now: Date) async throws -> Bool {
        try await pool.write { db in
            let changed = try self.setContactPerson(subject, to: mentor, by: actor, now: now, db: db)
            if changed {
                try self.audit(
                    actor: actor, action: mentor == nil ? "contact_person.clear" : "contact_person.set", subject: subject.description,
                    detail: ["mentor": mentor?.rawValue ?? ""], now: now, db: db
                )
            }
            return changed
        }
    }

    @discardableResult
    func setContactPerson(_ subject: ContactSubject, to mentor: MentorID?, by actor: String, now: Date, db: Database) throws -> Bool {
        if let mentor {
            try db.cachedStatement(sql: """
                INSERT INTO contact_persons (subject_kind, subject, mentor, since, set_by) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (subject_kind, subject) DO UPDATE SET mentor = excluded.mentor, since = excluded.since, set_by = excluded.set_by
                WHERE contact_persons.mentor != excluded.mentor
                """).execute(arguments: [subject.kind, subject.key, mentor.rawValue, now.storedValue, actor])
        } else {
            try db.cachedStatement(sql: "DELETE FROM contact_persons WHERE subject_kind = ? AND subject = ?").execute(arguments: [subject.kind, subject.key])
        }
        return db.changesCount > 0
    }
}
