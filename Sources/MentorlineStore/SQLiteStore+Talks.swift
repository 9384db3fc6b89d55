package import Foundation
import GRDB
package import MentorlineCore

/// The result of a talk registration or its cancellation.
package enum TalkActionResult: Hashable, Sendable {
    /// The registration after the action.
    case applied(TalkRegistration)
    case notFound
    case refused(CafeRefusal)
}

extension SQLiteStore {
    /// The talk's registrations that are not cancelled, oldest first.
    package func registrations(talk: TalkID) async throws -> [TalkRegistration] {
        try await pool.read { db in try self.activeRegistrations(talk: talk, db: db) }
    }

    /// The case's talk registrations, cancelled ones included, oldest first.
    package func talkRegistrations(of caseID: CaseID) async throws -> [TalkRegistration] {
        try await pool.read { db in try self.talkRegistrations(of: caseID, db: db) }
    }

    func talkRegistrations(of caseID: CaseID, db: Database) throws -> [TalkRegistration] {
        try Row.fetchAll(db, sql: "SELECT * FROM talk_registrations WHERE case_id = ? ORDER BY created_at, id", arguments: [caseID.rawValue])
            .map(Self.registration(from:))
    }

    /// Registers a case for a talk in one transaction: `plan` sees the case and the talk's registrations as
    /// stored now, so two registrations cannot both take the last seat.
    package func registerForTalk(
        _ talk: TalkID, caseID: CaseID, now: Date, plan: @Sendable (CaseSnapshot, [TalkRegistration]) -> Result<[CaseChange], CafeRefusal>
    ) async throws -> TalkActionResult {
        try await pool.write { db in
            guard let snapshot = try self.snapshot(caseID, db: db) else { return .notFound }
            switch plan(snapshot, try self.activeRegistrations(talk: talk, db: db)) {
            case .failure(let refusal): return .refused(refusal)
            case .success(let changes):
                _ = try self.apply(changes, db: db, now: now)
                return Self.resultingRegistration(changes).map(TalkActionResult.applied) ?? .notFound
            }
        }
    }

    /// Cancels a registration in one transaction; `plan` also sees the case of the longest waiting one,
    /// who moves up when a seat is freed, and whether the registration's reminder is still pending.
    package func cancelTalkRegistration(
        _ id: RegistrationID, now: Date,
        plan: @Sendable (TalkRegistration, [TalkRegistration], CaseSnapshot?, _ reminderPending: Bool) -> Result<[CaseChange], CafeRefusal>
    ) async throws -> TalkActionResult {
        try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM talk_registrations WHERE id = ?", arguments: [id.rawValue]) else { return .notFound }
            let registration = try Self.registration(from: row)
            let active = try self.activeRegistrations(talk: registration.talk, db: db)
            let next = try active.first { $0.state == .waiting }.flatMap { try self.snapshot($0.caseID, db: db) }
            let reminderPending = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM outbox WHERE case_id = ? AND event_type = ? AND subject = ? AND state = 'pending')",
                arguments: [registration.caseID.rawValue, EventType.talkReminder.rawValue, registration.id.rawValue]
            ) ?? false
            switch plan(registration, active, next, reminderPending) {
            case .failure(let refusal): return .refused(refusal)
            case .success(let changes):
                _ = try self.apply(changes, db: db, now: now)
                return Self.resultingRegistration(changes).map(TalkActionResult.applied) ?? .notFound
            }
        }
    }

    func activeRegistrations(talk: TalkID, db: Database) throws -> [TalkRegistration] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM talk_registrations WHERE talk = ? AND state != 'cancelled' ORDER BY created_at, id"),
            arguments: [talk.rawValue]
        ).map(Self.registration(from:))
    }

    static func resultingRegistration(_ changes: [CaseChange]) -> TalkRegistration? {
        changes.lazy.compactMap { change -> TalkRegistration? in
            switch change {
            case .insertRegistration(let registration), .updateRegistration(let registration): registration
            default: nil
            }
        }.first
    }

    static func registration(from row: Row) throws -> TalkRegistration {
        let id = RegistrationID(row["id"] as String)
        guard let state = RegistrationState(rawValue: row["state"]) else { throw StoreError(.corruptRow, "registration \(id) state") }
        return TalkRegistration(
            id: id, talk: TalkID(row["talk"] as String), caseID: CaseID(row["case_id"] as String), state: state,
            createdAt: Date(stored: row["created_at"]), updatedAt: Date(stored: row["updated_at"]), updatedBy: row["updated_by"]
        )
    }
}
