import Foundation
@testable import MentorlineCore
import Testing

/// Which bookings a changed configuration displaces, and what rehoming them does: moved with
/// `cafe.moved`, or cancelled with a letter that says why, exactly once.
struct CafeDisplacementTests {
    typealias F = CafeFixtures

    /// Monday 23 November 2026, 10:00: Lise has bookings on Tuesday 24 November at 13:00 and 13:30,
    /// Ahmed on Thursday 26 November at 10:00.
    static let now = F.at("2026-11-23", "10:00")

    static func bookings() -> [CafeBooking] {
        [
            F.booking("lise-andersen", at: F.at("2026-11-24", "13:00"), id: "bkg_a"),
            F.booking("lise-andersen", at: F.at("2026-11-24", "13:30"), id: "bkg_b"),
            F.booking("ahmed-nasser", at: F.at("2026-11-26", "10:00"), id: "bkg_c"),
        ]
    }

    static func ids(_ displaced: [CafeDisplacement]) -> [String] { displaced.map(\.booking.id.rawValue) }

    @Test func theConfigurationAsBookedDisplacesNothing() {
        let occupancy = CafeOccupancy(bookings: Self.bookings())
        #expect(F.directory().displaced(occupancy, now: Self.now).isEmpty)
    }

    @Test func aClosureAddedToTheConfigurationDisplacesTheBookingsOfItsDays() throws {
        let closed = F.cafe(closures: [CafeClosure(cafe: F.cafeID, first: LocalDate("2026-11-24")!, last: LocalDate("2026-11-24")!, reason: "vandskade")])
        let displaced = F.directory(closed).displaced(CafeOccupancy(bookings: Self.bookings()), now: Self.now)
        #expect(Self.ids(displaced) == ["bkg_a", "bkg_b"])
        #expect(displaced.first?.cause == .closed(reason: "vandskade"))
        #expect(displaced.first?.description == "Rådgivningscaféen i Borgerhuset is closed on 2026-11-24: vandskade")
        // A closure made at runtime counts the same, and a closure of another café does not.
        let runtime = CafeClosure(id: ClosureID("clo_1"), cafe: F.cafeID, first: LocalDate("2026-11-26")!, last: LocalDate("2026-11-26")!, reason: "kursus")
        let elsewhere = CafeClosure(id: ClosureID("clo_2"), cafe: CafeID("andet"), first: LocalDate("2026-11-24")!, last: LocalDate("2026-11-24")!, reason: "x")
        #expect(Self.ids(F.directory().displaced(CafeOccupancy(bookings: Self.bookings(), closures: [runtime, elsewhere]), now: Self.now)) == ["bkg_c"])
    }

    @Test func aHolidayDisplacesWithItsDanishNameForTheLetter() throws {
        // Tuesday 29 December 2026 is no holiday; Thursday 24 December (Christmas Eve) is closed by custom.
        let booking = F.booking("ahmed-nasser", at: F.at("2026-12-24", "10:00"), id: "bkg_x")
        let displaced = try #require(F.directory().displaced(CafeOccupancy(bookings: [booking]), now: Self.now).first)
        #expect(displaced.cause == .closed(reason: "juleaften"))
        #expect(displaced.description == "Rådgivningscaféen i Borgerhuset is closed on 2026-12-24 (Christmas Eve)")
        // A café open on holidays keeps it.
        #expect(F.directory(F.cafe(holidays: nil)).displaced(CafeOccupancy(bookings: [booking]), now: Self.now).isEmpty)
    }

    @Test func aSessionRemovedOrShortenedOrAnotherSlotLengthDisplacesItsSlots() {
        let occupancy = CafeOccupancy(bookings: Self.bookings())
        // Tuesdays now end at 13:30: the 13:30 slot is gone, 13:00 stays.
        let shorter = F.cafe(sessions: [F.session(.tuesday, "13:00", "13:30"), F.session(.thursday, "10:00", "13:00")])
        let displaced = F.directory(shorter).displaced(occupancy, now: Self.now)
        #expect(Self.ids(displaced) == ["bkg_b"])
        #expect(displaced.first?.cause == .noSlot)
        #expect(displaced.first?.description == "Rådgivningscaféen i Borgerhuset has no slot at 2026-11-24 13:30 any more (its sessions changed)")
        // No Thursday session any more.
        let noThursday = F.cafe(sessions: [F.session(.tuesday, "13:00", "16:00")])
        #expect(Self.ids(F.directory(noThursday).displaced(occupancy, now: Self.now)) == ["bkg_c"])
        // Slots of 45 minutes: 13:00 and 10:00 still start one, so those citizens keep their time; 13:30 does not.
        var longer = F.cafe()
        longer.slotLength = .seconds(45 * 60)
        #expect(Self.ids(F.directory(longer).displaced(occupancy, now: Self.now)) == ["bkg_b"])
    }

    @Test func aVolunteerRemovedOrNoLongerStaffingThatDayDisplacesTheirBookings() {
        let occupancy = CafeOccupancy(bookings: Self.bookings())
        var withoutLise = F.directory()
        withoutLise.volunteers[VolunteerID("lise-andersen")] = nil
        let displaced = withoutLise.displaced(occupancy, now: Self.now)
        #expect(Self.ids(displaced) == ["bkg_a", "bkg_b"])
        #expect(displaced.allSatisfy { $0.cause == .volunteer })
        #expect(displaced.first?.description == "volunteer lise-andersen no longer advises at Rådgivningscaféen i Borgerhuset")
        // Ahmed now staffs Tuesdays instead of Thursdays, unless he signed up for that Thursday.
        var moved = F.directory()
        moved.volunteers[VolunteerID("ahmed-nasser")]?.weekdays = [.tuesday]
        #expect(moved.displaced(occupancy, now: Self.now).first?.description == "Ahmed Nasser no longer staffs Rådgivningscaféen i Borgerhuset on 2026-11-26")
        var signedUp = occupancy
        signedUp.signups = [F.signup("ahmed-nasser", "2026-11-26")]
        #expect(moved.displaced(signedUp, now: Self.now).isEmpty)
        // A volunteer whose topics changed keeps the bookings they have.
        var fewerTopics = F.directory()
        fewerTopics.volunteers[VolunteerID("lise-andersen")]?.topics = F.topics("economy")
        #expect(fewerTopics.displaced(occupancy, now: Self.now).isEmpty)
    }

    @Test func onlyBookedSlotsThatHaveNotBegunAreDisplaced() {
        var noTuesday = F.directory(F.cafe(sessions: [F.session(.thursday, "10:00", "13:00")]))
        let cancelled = F.booking("lise-andersen", at: F.at("2026-11-24", "13:00"), id: "bkg_d", state: .cancelled)
        let begun = F.booking("lise-andersen", at: F.at("2026-11-24", "13:00"), id: "bkg_e")
        #expect(noTuesday.displaced(CafeOccupancy(bookings: [cancelled]), now: Self.now).isEmpty)
        #expect(noTuesday.displaced(CafeOccupancy(bookings: [begun]), now: F.at("2026-11-24", "13:05")).isEmpty)
        #expect(Self.ids(noTuesday.displaced(CafeOccupancy(bookings: [begun]), now: F.at("2026-11-24", "12:55"))) == ["bkg_e"])
        // A café gone from the configuration: nothing to move to, so it is reported, not displaced.
        noTuesday.cafes = [:]
        #expect(noTuesday.displaced(CafeOccupancy(bookings: [begun]), now: Self.now).isEmpty)
        #expect(noTuesday.orphaned(CafeOccupancy(bookings: [begun, cancelled]), now: Self.now).map(\.id.rawValue) == ["bkg_e"])
    }

    // MARK: Rehoming

    static func work(_ booking: CafeBooking, pending: Set<EventType> = [.cafeReminder]) -> CafeWork {
        var snapshot = CafePlannerTests.citizenCase(["debt"], at: F.at("2026-11-20", "10:00"))
        snapshot.id = booking.caseID
        snapshot.state = .booked
        return CafeWork(booking: booking, snapshot: snapshot, pending: pending)
    }

    /// The occupancy after `changes` were applied.
    static func applying(_ changes: [CaseChange], to occupancy: CafeOccupancy) -> CafeOccupancy {
        var after = occupancy
        for change in changes { if case .updateBooking(let booking) = change { after.record(booking) } }
        return after
    }

    @Test func aDisplacedBookingMovesToTheEarliestFittingSlotWithTheRuntimeClosuresMessagesAndOnlyOnce() throws {
        let closed = F.cafe(closures: [CafeClosure(cafe: F.cafeID, first: LocalDate("2026-11-24")!, last: LocalDate("2026-11-24")!, reason: "vandskade")])
        let planner = CafePlannerTests.planner(closed)
        let occupancy = CafeOccupancy(bookings: Self.bookings())
        let works = Self.bookings().map { Self.work($0) }
        let changes = planner.rehome(works, occupancy: occupancy, now: Self.now)
        // Lise's two Tuesday bookings go to Thursday, one to Ahmed's free 10:30 (his 10:00 is taken), then 11:00.
        let moved = changes.compactMap { if case .updateBooking(let booking) = $0 { booking } else { nil } }
        #expect(moved.map(\.id.rawValue) == ["bkg_a", "bkg_b"])
        #expect(moved.map(\.start) == [F.at("2026-11-26", "10:30"), F.at("2026-11-26", "11:00")])
        #expect(moved.allSatisfy { $0.volunteer == VolunteerID("ahmed-nasser") && $0.state == .booked && $0.updatedBy == "system" })
        #expect(CafePlannerTests.drafts(changes, .cafeMoved).count == 2)
        #expect(CafePlannerTests.drafts(changes, .cafeMoved).first?.text.text.hasPrefix("Din tid i Rådgivningscaféen i Borgerhuset er flyttet. Din nye tid er torsdag den 26. november kl. 10:30") == true)
        #expect(CafePlannerTests.drafts(changes, .volunteerBookingCancelled).map(\.recipient) == [.volunteer(VolunteerID("lise-andersen")), .volunteer(VolunteerID("lise-andersen"))])
        #expect(changes.events(.bookingMoved).first?.detail.reason
            == "Rådgivningscaféen i Borgerhuset is closed on 2026-11-24: vandskade: moved from 2026-11-24 13:00 to 2026-11-26 10:30 with Ahmed Nasser (Dansk Folkehjælp)")
        #expect(changes.events(.bookingMoved).allSatisfy { $0.actor == "system" })
        // Each booking's pending reminder was withdrawn and a new one queued for the new time.
        #expect(changes.labels.filter { $0 == "withdraw:cafe.reminder" }.count == 2)
        #expect(CafePlannerTests.drafts(changes, .cafeReminder).count == 2)

        // Applied, nothing is displaced any more: a second run (another reload, a restart) changes nothing.
        let after = Self.applying(changes, to: occupancy)
        #expect(planner.roster.cafes.displaced(after, now: Self.now).isEmpty)
        let again = after.bookings.map { Self.work($0) }
        #expect(planner.rehome(again, occupancy: after, now: Self.now).isEmpty)
    }

    @Test func withNoFittingSlotTheBookingIsCancelledWithALetterSayingWhyAndTheCaseGoesBackToRouting() throws {
        // Only Lise advises in English; she is gone from the café, so her English-speaking citizen's booking cannot move.
        var planner = CafePlannerTests.planner()
        planner.roster.cafes.volunteers[VolunteerID("lise-andersen")] = nil
        let booking = F.booking("lise-andersen", at: F.at("2026-11-24", "13:00"), id: "bkg_en")
        var work = Self.work(booking)
        work.snapshot.intake.language = LanguageCode("en")!
        let changes = planner.rehome([work], occupancy: CafeOccupancy(bookings: [booking]), now: Self.now)
        #expect(changes.labels.first == "booking:cancelled")
        #expect(changes.labels.last == "case:routing")
        let event = try #require(changes.events(.bookingCancelled).first)
        #expect(event.detail.reason?.hasPrefix("volunteer lise-andersen no longer advises at Rådgivningscaféen i Borgerhuset; no volunteer") == true)
        // Not "closed", not "as you asked": the café changed, and a mentor will call.
        let letter = try #require(CafePlannerTests.drafts(changes, .cafeCancelled).first)
        #expect(letter.text.text.hasPrefix(
            "Your appointment at Rådgivningscaféen i Borgerhuset tirsdag den 24. november kl. 13:00 is cancelled because the café has changed its opening hours or advisers"
        ))
        #expect(!letter.text.text.contains("as you asked") && !letter.text.text.contains("is closed"))
        #expect(CafePlannerTests.drafts(changes, .volunteerBookingCancelled).count == 1)
        // Cancelled, it holds no slot and is displaced no more.
        #expect(planner.roster.cafes.displaced(Self.applying(changes, to: CafeOccupancy(bookings: [booking])), now: Self.now).isEmpty)
    }

    @Test func aBookingThatStillFitsIsLeftAloneEvenWhenHandedIn() {
        let planner = CafePlannerTests.planner()
        let works = Self.bookings().map { Self.work($0) }
        #expect(planner.rehome(works, occupancy: CafeOccupancy(bookings: Self.bookings()), now: Self.now).isEmpty)
    }
}
