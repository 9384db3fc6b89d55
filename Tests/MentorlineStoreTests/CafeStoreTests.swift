import Foundation
import GRDB
import MentorlineCore
@testable import MentorlineStore
import Testing

/// The café tables: the schema itself refuses a double booking, and the `booked` case state.
@Suite struct CafeStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func storeWithCases(_ ids: [String], citizenReference: String? = nil) async throws -> SQLiteStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-cafe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: directory.appendingPathComponent("test.sqlite").path)
        _ = try await store.commitIntakes(ids.map { id in
            try! IntakeSubmission(
                caseID: CaseID(id), intake: CaseIntake(caller: Caller(kind: .citizen, name: "Ali", phone: "12345678"), citizenReference: citizenReference,
                    topics: [TopicID("debt")]
                ),
                actor: "intake:test", receivedAt: now, idempotency: nil
            )
        })
        return store
    }

    func booking(_ id: String, case caseID: String, volunteer: String = "lise", at offset: TimeInterval = 7200) -> CafeBooking {
        CafeBooking(
            id: BookingID(id), caseID: CaseID(caseID), cafe: CafeID("borgerhuset"), volunteer: VolunteerID(volunteer),
            start: now.addingTimeInterval(offset), end: now.addingTimeInterval(offset + 1800), createdAt: now
        )
    }

    @Test func theSchemaRefusesTwoActiveBookingsOfOneVolunteersSlot() async throws {
        let store = try await storeWithCases(["case_1", "case_2"])
        try await store.pool.write { db in _ = try store.apply([.insertBooking(booking("bkg_1", case: "case_1"))], db: db, now: now) }
        await #expect(throws: DatabaseError.self) {
            try await store.pool.write { db in _ = try store.apply([.insertBooking(booking("bkg_2", case: "case_2"))], db: db, now: now) }
        }
        // Another volunteer's slot at the same time is fine; so is the slot once the first is cancelled.
        try await store.pool.write { db in _ = try store.apply([.insertBooking(booking("bkg_3", case: "case_2", volunteer: "karen"))], db: db, now: now) }
        let cancelled = { var booking = booking("bkg_1", case: "case_1"); booking.state = .cancelled; return booking }()
        try await store.pool.write { db in _ = try store.apply([.updateBooking(cancelled)], db: db, now: now) }
        try await store.pool.write { db in _ = try store.apply([.insertBooking(booking("bkg_4", case: "case_1"))], db: db, now: now) }
        let occupancy = try await store.cafeOccupancy(now: now)
        #expect(Set(occupancy.bookings.map(\.id)) == [BookingID("bkg_3"), BookingID("bkg_4")])
    }

    /// A data-access request covers the café too: where and when the citizen was booked, and the talks.
    @Test func aCitizensExportHoldsTheirBookingsAndTalkRegistrations() async throws {
        let store = try await storeWithCases(["case_1"], citizenReference: "J-2026-0412")
        let cancelled = { var booking = booking("bkg_1", case: "case_1"); booking.state = .cancelled; return booking }()
        let registration = TalkRegistration(
            id: RegistrationID("reg_1"), talk: TalkID("skat-paa-borger-dk"), caseID: CaseID("case_1"), state: .waiting, createdAt: now, updatedBy: "intake:test"
        )
        try await store.pool.write { db in
            _ = try store.apply([.insertBooking(cancelled), .insertBooking(booking("bkg_2", case: "case_1", at: 9000)), .insertRegistration(registration)], db: db, now: now)
        }
        let export = try await store.exportCitizen("J-2026-0412", actor: "admin:test", now: now)
        #expect(Set(export.bookings[CaseID("case_1")]?.map(\.id) ?? []) == [BookingID("bkg_1"), BookingID("bkg_2")])
        #expect(export.talkRegistrations[CaseID("case_1")]?.map(\.id) == [RegistrationID("reg_1")])
        let nobody = try await store.exportCitizen("J-2026-9999", actor: "admin:test", now: now)
        #expect(nobody.bookings.isEmpty && nobody.talkRegistrations.isEmpty)
    }

    @Test func aCaseHoldsOneOpenBookingAndCanBeBooked() async throws {
        let store = try await storeWithCases(["case_1"])
        try await store.pool.write { db in
            _ = try store.apply([.insertBooking(booking("bkg_1", case: "case_1")), .updateCase(CaseID("case_1"), state: .booked, progress: nil)], db: db, now: now)
        }
        await #expect(throws: DatabaseError.self) {
            try await store.pool.write { db in _ = try store.apply([.insertBooking(booking("bkg_2", case: "case_1", at: 9000))], db: db, now: now) }
        }
        #expect(try await store.caseDetails(CaseID("case_1"))?.state == .booked)
        // The rebuilt cases table still refuses unknown states and keeps its indexes.
        await #expect(throws: (any Error).self) {
            try await store.pool.write { db in try db.execute(sql: "UPDATE cases SET state = 'lost'") }
        }
        let indexes = try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL ORDER BY name")
        }
        #expect(indexes == ["cases_citizen_reference", "cases_cvr", "cases_due_for_erasure", "cases_needing_decision", "cases_waiting_since"])
    }

    @Test func signupsAreKeptOncePerDateAndAudited() async throws {
        let store = try await storeWithCases([])
        let signup = VolunteerSignup(volunteer: VolunteerID("karen"), cafe: CafeID("borgerhuset"), date: LocalDate("2027-01-05")!)
        #expect(try await store.addSignup(signup, by: "admin:test", now: now))
        #expect(try await store.addSignup(signup, by: "admin:test", now: now) == false)
        #expect(try await store.signups(volunteer: VolunteerID("karen"), from: LocalDate("2027-01-01")!) == [signup])
        let removed = try await store.removeSignup(signup, dayStart: now, dayEnd: now.addingTimeInterval(86400), by: "admin:test", now: now)
        #expect(removed.removed)
        #expect(try await store.auditLog(limit: 5).map(\.action) == ["cafe.signup.remove", "cafe.signup.add"])
    }

    @Test func aRuntimeClosureIsRemovedOnceAndAudited() async throws {
        let store = try await storeWithCases([])
        let closure = CafeClosure(
            id: ClosureID("clo_1"), cafe: CafeID("borgerhuset"), first: LocalDate("2027-01-05")!, last: LocalDate("2027-01-06")!, reason: "vandskade",
            createdBy: "admin:test"
        )
        _ = try await store.addClosure(closure, now: now) { _, _ in [] }
        // Not of another café, and not an unknown id.
        #expect(try await store.removeClosure(ClosureID("clo_1"), of: CafeID("andet"), by: "admin:test", now: now) == nil)
        #expect(try await store.removeClosure(ClosureID("clo_2"), of: CafeID("borgerhuset"), by: "admin:test", now: now) == nil)
        let removed = try #require(try await store.removeClosure(ClosureID("clo_1"), of: CafeID("borgerhuset"), by: "admin:test", now: now))
        #expect(removed.first == LocalDate("2027-01-05") && removed.last == LocalDate("2027-01-06") && removed.reason == "vandskade")
        #expect(try await store.closures(cafe: nil, endingOnOrAfter: LocalDate("2000-01-01")!).isEmpty)
        #expect(try await store.removeClosure(ClosureID("clo_1"), of: CafeID("borgerhuset"), by: "admin:test", now: now) == nil)
        let audit = try await store.auditLog(limit: 5)
        #expect(audit.map(\.action) == ["cafe.closure.remove", "cafe.closure.add"])
        #expect(audit.first?.detail == ["closure": "clo_1", "first": "2027-01-05", "last": "2027-01-06"])
    }

    @Test func rehomingWritesWhatThePlanChangesInOneAuditedTransactionAndNothingWhenNothingIsDisplaced() async throws {
        let store = try await storeWithCases(["case_1", "case_2"])
        try await store.pool.write { db in
            _ = try store.apply([.insertBooking(booking("bkg_1", case: "case_1")), .insertBooking(booking("bkg_2", case: "case_2", at: 9000))], db: db, now: now)
        }
        // Nothing selected: no write, no audit entry.
        #expect(try await store.rehomeBookings(now: now, select: { _ in [] }, plan: { _, _ in Issue.record("planned without a selection"); return [] }).isEmpty)
        #expect(try await store.auditLog(limit: 5).isEmpty)
        // The plan sees the selected bookings with their cases; a moved and a cancelled one are written.
        let changed = try await store.rehomeBookings(now: now) { occupancy in
            #expect(Set(occupancy.bookings.map(\.id.rawValue)) == ["bkg_1", "bkg_2"])
            return [BookingID("bkg_1"), BookingID("bkg_2")]
        } plan: { work, _ in
            #expect(work.map(\.snapshot.id.rawValue) == ["case_1", "case_2"])
            var moved = work[0].booking
            moved.start = moved.start.addingTimeInterval(86400)
            moved.end = moved.end.addingTimeInterval(86400)
            var cancelled = work[1].booking
            cancelled.state = .cancelled
            return [.updateBooking(moved), .updateBooking(cancelled), .updateCase(CaseID("case_2"), state: .routing, progress: nil)]
        }
        #expect(changed.map(\.id.rawValue) == ["bkg_1", "bkg_2"])
        #expect(try await store.booking(BookingID("bkg_1"))?.start == now.addingTimeInterval(7200 + 86400))
        #expect(try await store.booking(BookingID("bkg_2"))?.state == .cancelled)
        let audit = try #require(try await store.auditLog(limit: 5).first)
        #expect(audit.action == "cafe.bookings.rehome" && audit.actor == "system")
        #expect(audit.detail == ["moved": "bkg_1", "cancelled": "bkg_2"])
        // A plan that changes no booking writes nothing.
        #expect(try await store.rehomeBookings(now: now, select: { _ in [BookingID("bkg_1")] }, plan: { _, _ in [] }).isEmpty)
        #expect(try await store.auditLog(limit: 5).count == 1)
    }

    @Test func aTalkRemindersSubjectLetsOneBeWithdrawnAndTheOthersStay() async throws {
        let store = try await storeWithCases(["case_1"])
        @Sendable func reminder(_ registration: String) -> MessageDraft {
            var draft = MessageDraft(
                eventType: .talkReminder, recipient: .caller(.citizen), endpoint: EndpointID("letters"), caseID: CaseID("case_1"), taskID: nil,
                payload: Array("{}".utf8), text: RenderedText(text: "Påmindelse", template: "talk.reminder.da.mustache", language: .danish), values: [:],
                notBefore: now.addingTimeInterval(86400)
            )
            draft.subject = registration
            return draft
        }
        let registrations = ["reg_1", "reg_2"].map {
            TalkRegistration(id: RegistrationID($0), talk: TalkID($0 == "reg_1" ? "skat" : "mitid"), caseID: CaseID("case_1"), state: .seated, createdAt: now, updatedBy: "intake:test")
        }
        let changes = registrations.map(CaseChange.insertRegistration) + [.enqueue(reminder("reg_1")), .enqueue(reminder("reg_2"))]
        try await store.pool.write { db in _ = try store.apply(changes, db: db, now: now) }
        // The cancellation's plan is told that this registration's reminder is pending; it withdraws that one.
        let result = try await store.cancelTalkRegistration(RegistrationID("reg_1"), now: now) { registration, _, _, pending in
            #expect(pending)
            var cancelled = registration
            cancelled.state = .cancelled
            return .success([.updateRegistration(cancelled), .withdrawPendingMessagesAbout(CaseID("case_1"), .talkReminder, subject: "reg_1")])
        }
        #expect(result == .applied(TalkRegistration(
            id: RegistrationID("reg_1"), talk: TalkID("skat"), caseID: CaseID("case_1"), state: .cancelled, createdAt: now, updatedBy: "intake:test"
        )))
        let left = try await store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT subject FROM outbox WHERE case_id = 'case_1' AND event_type = 'talk.reminder' AND state = 'pending'")
        }
        #expect(left == ["reg_2"])
        _ = try await store.cancelTalkRegistration(RegistrationID("reg_2"), now: now) { registration, _, _, pending in
            #expect(pending)
            return .failure(CafeRefusal(.conflict, "not now"))
        }
    }
}
