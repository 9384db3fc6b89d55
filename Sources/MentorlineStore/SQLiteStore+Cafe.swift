package import Foundation
import GRDB
package import MentorlineCore

/// The result of a café action on a booking or a case.
package enum CafeActionResult: Hashable, Sendable {
    /// The booking after the action.
    case applied(CafeBooking)
    case notFound
    case refused(CafeRefusal)
}

extension SQLiteStore {
    // MARK: Reading

    /// Bookings holding slots from a day back, sign-ups and runtime closures from yesterday on.
    func cafeOccupancy(now: Date, db: Database) throws -> CafeOccupancy {
        let since = now.addingTimeInterval(-86400)
        let bookings = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM cafe_bookings WHERE state != 'cancelled' AND slot_start >= ?"), arguments: [since.storedValue]
        ).map(Self.booking(from:))
        let yesterday = LocalDate(dayNumber: Int(floor(since.timeIntervalSince1970 / 86400))).description
        let signups = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT volunteer, cafe, date FROM cafe_signups WHERE date >= ?"), arguments: [yesterday]
        ).compactMap(Self.signup(from:))
        return CafeOccupancy(bookings: bookings, signups: Set(signups), closures: try closures(cafe: nil, endingOnOrAfter: yesterday, db: db))
    }

    package func cafeOccupancy(now: Date) async throws -> CafeOccupancy {
        try await pool.read { db in try self.cafeOccupancy(now: now, db: db) }
    }

    package func booking(_ id: BookingID) async throws -> CafeBooking? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM cafe_bookings WHERE id = ?", arguments: [id.rawValue]).map(Self.booking(from:))
        }
    }

    /// Bookings starting in `from..<to`, of one café or one volunteer, in start order; cancelled ones too
    /// when asked.
    package func bookings(cafe: CafeID?, volunteer: VolunteerID?, from: Date, to: Date, includeCancelled: Bool) async throws -> [CafeBooking] {
        try await pool.read { db in
            var sql = "SELECT * FROM cafe_bookings WHERE slot_start >= ? AND slot_start < ?"
            var arguments: StatementArguments = [from.storedValue, to.storedValue]
            if let cafe {
                sql += " AND cafe = ?"
                _ = arguments.append(contentsOf: [cafe.rawValue])
            }
            if let volunteer {
                sql += " AND volunteer = ?"
                _ = arguments.append(contentsOf: [volunteer.rawValue])
            }
            if !includeCancelled { sql += " AND state != 'cancelled'" }
            return try Row.fetchAll(db, sql: sql + " ORDER BY slot_start, id", arguments: arguments).map(Self.booking(from:))
        }
    }

    /// The case's bookings, newest first.
    package func bookings(of caseID: CaseID) async throws -> [CafeBooking] {
        try await pool.read { db in try self.bookings(of: caseID, db: db) }
    }

    func bookings(of caseID: CaseID, db: Database) throws -> [CafeBooking] {
        try Row.fetchAll(db, sql: "SELECT * FROM cafe_bookings WHERE case_id = ? ORDER BY created_at DESC, id", arguments: [caseID.rawValue])
            .map(Self.booking(from:))
    }

    // MARK: Booking actions

    /// Books a case into a café in one transaction: `plan` sees the case and the cafés' occupancy as
    /// stored now. A second active booking of the same volunteer's slot is refused by the schema
    /// (answered as a conflict), so racing requests cannot double-book.
    package func bookCase(
        _ caseID: CaseID, now: Date, plan: @Sendable (CaseSnapshot, CafeOccupancy) -> Result<[CaseChange], CafeRefusal>
    ) async throws -> CafeActionResult {
        try await bookingTransaction(now: now) { db in
            guard let snapshot = try self.snapshot(caseID, db: db) else { return nil }
            return plan(snapshot, try self.cafeOccupancy(now: now, db: db))
        }
    }

    /// Applies an action to a booking in one transaction: `plan` sees the booking, its case, the case's
    /// pending messages and the cafés' occupancy as stored now.
    package func cafeAction(
        on id: BookingID, now: Date, plan: @Sendable (CafeWork, CafeOccupancy) -> Result<[CaseChange], CafeRefusal>
    ) async throws -> CafeActionResult {
        try await bookingTransaction(now: now) { db in
            guard let work = try self.cafeWork(id, db: db) else { return nil }
            return plan(work, try self.cafeOccupancy(now: now, db: db))
        }
    }

    /// One booking transaction: `decide` reads what it needs (nil: not found) and plans; the changes are
    /// applied and the booking they leave is returned. The schema's unique indexes on `cafe_bookings`
    /// settle races: a volunteer's slot taken meanwhile, or a second open booking of the case, is a
    /// conflict. Any other failure is thrown, never passed off as a taken slot.
    private func bookingTransaction(
        now: Date, _ decide: @Sendable (Database) throws -> Result<[CaseChange], CafeRefusal>?
    ) async throws -> CafeActionResult {
        do {
            return try await pool.write { db in
                switch try decide(db) {
                case nil:
                    return .notFound
                case .failure(let refusal)?:
                    return .refused(refusal)
                case .success(let changes)?:
                    _ = try self.apply(changes, db: db, now: now)
                    return try Self.resultingBooking(changes, db: db)
                }
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            let message = error.message ?? ""
            if message.contains("cafe_bookings.volunteer") { return .refused(CafeRefusal(.conflict, "the slot is taken")) }
            if message.contains("cafe_bookings.case_id") { return .refused(CafeRefusal(.conflict, "the case already holds an open booking")) }
            throw error
        }
    }

    /// Stores a closure added at runtime and, in the same transaction, what `plan` does with the
    /// bookings it covers (moves or cancellations, with their messages); audited. Returns the bookings
    /// changed.
    package func addClosure(
        _ closure: CafeClosure, now: Date, plan: @Sendable ([CafeWork], CafeOccupancy) -> [CaseChange]
    ) async throws -> [CafeBooking] {
        guard let id = closure.id else { throw StoreError(.database, "a runtime closure needs an id") }
        return try await pool.write { db in
            let occupancy = try self.cafeOccupancy(now: now, db: db)
            let ids = try String.fetchAll(
                db, sql: "SELECT id FROM cafe_bookings WHERE cafe = ? AND state = 'booked' AND slot_start > ? ORDER BY slot_start",
                arguments: [closure.cafe.rawValue, now.storedValue]
            )
            let work = try ids.compactMap { try self.cafeWork(BookingID($0), db: db) }
            try db.execute(sql: """
                INSERT INTO cafe_closures (id, cafe, first_date, last_date, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    id.rawValue, closure.cafe.rawValue, closure.first.description, closure.last.description, closure.reason, now.storedValue,
                    closure.createdBy ?? "system",
                ])
            let changes = plan(work, occupancy)
            _ = try self.apply(changes, db: db, now: now)
            try self.audit(
                actor: closure.createdBy ?? "system", action: "cafe.closure.add", subject: "cafe:\(closure.cafe)",
                detail: ["closure": id.rawValue, "first": closure.first.description, "last": closure.last.description], now: now, db: db
            )
            return changes.compactMap { change -> CafeBooking? in
                if case .updateBooking(let booking) = change { return booking }
                return nil
            }
        }
    }

    /// Deletes a runtime closure of `cafe`; audited. Nil when there is none with that id.
    package func removeClosure(_ id: ClosureID, of cafe: CafeID, by actor: String, now: Date) async throws -> CafeClosure? {
        try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM cafe_closures WHERE id = ? AND cafe = ?", arguments: [id.rawValue, cafe.rawValue]),
                  let closure = Self.closure(from: row)
            else { return nil }
            try db.execute(sql: "DELETE FROM cafe_closures WHERE id = ? AND cafe = ?", arguments: [id.rawValue, cafe.rawValue])
            try self.audit(
                actor: actor, action: "cafe.closure.remove", subject: "cafe:\(cafe)",
                detail: ["closure": id.rawValue, "first": closure.first.description, "last": closure.last.description], now: now, db: db
            )
            return closure
        }
    }

    /// Moves or cancels, in one transaction, the bookings a configuration change displaced: `select` sees
    /// the occupancy as stored now and names them, `plan` sees them with their cases and pending messages.
    /// Audited as `system` when anything changed. A booking the plan leaves alone is not written, so a
    /// second run after the first committed finds nothing to do; a run interrupted before its commit
    /// leaves everything as it was, for the next run.
    package func rehomeBookings(
        now: Date, select: @Sendable (CafeOccupancy) -> [BookingID], plan: @Sendable ([CafeWork], CafeOccupancy) -> [CaseChange]
    ) async throws -> [CafeBooking] {
        try await pool.write { db in
            let occupancy = try self.cafeOccupancy(now: now, db: db)
            let selected = select(occupancy)
            guard !selected.isEmpty else { return [] }
            let work = try selected.compactMap { try self.cafeWork($0, db: db) }
            let changes = plan(work, occupancy)
            let changed = changes.compactMap { change -> CafeBooking? in
                if case .updateBooking(let booking) = change { return booking }
                return nil
            }
            guard !changed.isEmpty else { return [] }
            _ = try self.apply(changes, db: db, now: now)
            try self.audit(
                actor: "system", action: "cafe.bookings.rehome", subject: "configuration",
                detail: [
                    "moved": changed.filter { $0.state == .booked }.map(\.id.rawValue).joined(separator: ","),
                    "cancelled": changed.filter { $0.state == .cancelled }.map(\.id.rawValue).joined(separator: ","),
                ],
                now: now, db: db
            )
            return changed
        }
    }

    /// Runtime closures of `cafe` (nil: every café) that end on or after `date`.
    package func closures(cafe: CafeID?, endingOnOrAfter date: LocalDate) async throws -> [CafeClosure] {
        try await pool.read { db in try self.closures(cafe: cafe, endingOnOrAfter: date.description, db: db) }
    }

    func closures(cafe: CafeID?, endingOnOrAfter date: String, db: Database) throws -> [CafeClosure] {
        var sql = "SELECT * FROM cafe_closures WHERE last_date >= ?"
        var arguments: StatementArguments = [date]
        if let cafe {
            sql += " AND cafe = ?"
            _ = arguments.append(contentsOf: [cafe.rawValue])
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY first_date, id", arguments: arguments).compactMap(Self.closure(from:))
    }

    static func closure(from row: Row) -> CafeClosure? {
        guard let first = LocalDate(row["first_date"] as String), let last = LocalDate(row["last_date"] as String) else { return nil }
        return CafeClosure(
            id: ClosureID(row["id"] as String), cafe: CafeID(row["cafe"] as String), first: first, last: last, reason: row["reason"],
            createdAt: Date(stored: row["created_at"]), createdBy: row["created_by"]
        )
    }

    // MARK: Sign-ups

    /// Sign-ups of `volunteer` (nil: everyone) from `date` on, in date order.
    package func signups(volunteer: VolunteerID?, from date: LocalDate) async throws -> [VolunteerSignup] {
        try await pool.read { db in
            var sql = "SELECT volunteer, cafe, date FROM cafe_signups WHERE date >= ?"
            var arguments: StatementArguments = [date.description]
            if let volunteer {
                sql += " AND volunteer = ?"
                _ = arguments.append(contentsOf: [volunteer.rawValue])
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY date, volunteer", arguments: arguments).compactMap(Self.signup(from:))
        }
    }

    /// Records a sign-up; audited. False when it existed already.
    package func addSignup(_ signup: VolunteerSignup, by actor: String, now: Date) async throws -> Bool {
        try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO cafe_signups (volunteer, cafe, date, created_at, created_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                arguments: [signup.volunteer.rawValue, signup.cafe.rawValue, signup.date.description, now.storedValue, actor]
            )
            guard db.changesCount > 0 else { return false }
            try self.audit(
                actor: actor, action: "cafe.signup.add", subject: "volunteer:\(signup.volunteer)", detail: ["date": signup.date.description],
                now: now, db: db
            )
            return true
        }
    }

    /// Withdraws a sign-up unless bookings hold the volunteer's slots that day; audited. Answers whether it
    /// existed, and the bookings in the way.
    package func removeSignup(_ signup: VolunteerSignup, dayStart: Date, dayEnd: Date, by actor: String, now: Date) async throws -> (removed: Bool, blocking: [BookingID]) {
        try await pool.write { db in
            let blocking = try String.fetchAll(
                db, sql: "SELECT id FROM cafe_bookings WHERE volunteer = ? AND state = 'booked' AND slot_start >= ? AND slot_start < ?",
                arguments: [signup.volunteer.rawValue, dayStart.storedValue, dayEnd.storedValue]
            ).map(BookingID.init)
            guard blocking.isEmpty else { return (false, blocking) }
            try db.execute(
                sql: "DELETE FROM cafe_signups WHERE volunteer = ? AND date = ?", arguments: [signup.volunteer.rawValue, signup.date.description]
            )
            guard db.changesCount > 0 else { return (false, []) }
            try self.audit(
                actor: actor, action: "cafe.signup.remove", subject: "volunteer:\(signup.volunteer)", detail: ["date": signup.date.description],
                now: now, db: db
            )
            return (true, [])
        }
    }

    // MARK: Changes

    func insertBooking(_ booking: CafeBooking, db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO cafe_bookings (id, case_id, cafe, volunteer, slot_start, slot_end, state, created_at, updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                booking.id.rawValue, booking.caseID.rawValue, booking.cafe.rawValue, booking.volunteer.rawValue, booking.start.storedValue,
                booking.end.storedValue, booking.state.rawValue, booking.createdAt.storedValue, booking.updatedAt.storedValue, booking.updatedBy,
            ])
    }

    func updateBooking(_ booking: CafeBooking, db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE cafe_bookings SET volunteer = ?, slot_start = ?, slot_end = ?, state = ?, updated_at = ?, updated_by = ? WHERE id = ?
            """).execute(arguments: [
                booking.volunteer.rawValue, booking.start.storedValue, booking.end.storedValue, booking.state.rawValue,
                booking.updatedAt.storedValue, booking.updatedBy, booking.id.rawValue,
            ])
    }

    /// Deletes the case's pending messages of one event type (a withdrawn reminder); the trail says so.
    func withdrawPendingMessages(of caseID: CaseID, event: EventType, db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM outbox WHERE case_id = ? AND event_type = ? AND state = 'pending'")
            .execute(arguments: [caseID.rawValue, event.rawValue])
    }

    // MARK: Rows

    func cafeWork(_ id: BookingID, db: Database) throws -> CafeWork? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM cafe_bookings WHERE id = ?", arguments: [id.rawValue]) else { return nil }
        let booking = try Self.booking(from: row)
        guard let snapshot = try snapshot(booking.caseID, db: db) else { return nil }
        let pending = try String.fetchAll(
            db, sql: "SELECT DISTINCT event_type FROM outbox WHERE case_id = ? AND state = 'pending'", arguments: [booking.caseID.rawValue]
        ).compactMap(EventType.init(rawValue:))
        return CafeWork(booking: booking, snapshot: snapshot, pending: Set(pending))
    }

    static func resultingBooking(_ changes: [CaseChange], db: Database) throws -> CafeActionResult {
        let booking = changes.lazy.compactMap { change -> CafeBooking? in
            switch change {
            case .insertBooking(let booking), .updateBooking(let booking): booking
            default: nil
            }
        }.first
        guard let booking else { throw StoreError(.corruptRow, "a café action changed no booking") }
        return .applied(booking)
    }

    static func booking(from row: Row) throws -> CafeBooking {
        let id = BookingID(row["id"] as String)
        guard let state = BookingState(rawValue: row["state"]) else { throw StoreError(.corruptRow, "booking \(id) state") }
        return CafeBooking(
            id: id, caseID: CaseID(row["case_id"] as String), cafe: CafeID(row["cafe"] as String), volunteer: VolunteerID(row["volunteer"] as String),
            start: Date(stored: row["slot_start"]), end: Date(stored: row["slot_end"]), state: state, createdAt: Date(stored: row["created_at"]),
            updatedAt: Date(stored: row["updated_at"]), updatedBy: row["updated_by"]
        )
    }

    static func signup(from row: Row) -> VolunteerSignup? {
        guard let date = LocalDate(row["date"] as String) else { return nil }
        return VolunteerSignup(volunteer: VolunteerID(row["volunteer"] as String), cafe: CafeID(row["cafe"] as String), date: date)
    }
}
