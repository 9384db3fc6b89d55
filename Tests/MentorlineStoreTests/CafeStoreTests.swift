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
}
