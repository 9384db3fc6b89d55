import Foundation
@testable import MentorlineCore
import Testing

/// The earliest free slot: notice and horizon to the second, holidays, closures, DST, topics,
/// languages, preferences and bookings.
struct SlotSearchTests {
    typealias F = CafeFixtures

    @Test func theEarliestSlotIsAtTheMinimumNoticeExactly() {
        // Tuesday 24 November 2026, 11:00: two hours' notice makes 13:00 the first bookable slot.
        let found = F.search().earliest(for: F.request(["debt"]), now: F.at("2026-11-24", "11:00")).choice
        #expect(found?.slot.start == F.at("2026-11-24", "13:00"))
        #expect(found?.volunteer == VolunteerID("lise-andersen"))
        // One second later, 13:00 is inside the notice: 13:30.
        let later = F.search().earliest(for: F.request(["debt"]), now: F.at("2026-11-24", "11:00").addingTimeInterval(1)).choice
        #expect(later?.slot.start == F.at("2026-11-24", "13:30"))
    }

    @Test func theHorizonsLastInstantIsBookableAndNotASecondBeyond() {
        // Only Karen covers tax, and only on Tuesday 3 November 2026 (signed up). That 13:00 is 12:00Z; 21
        // days earlier is 13 October 12:00Z, 14:00 summer time: DST between them changes nothing, the
        // horizon is counted in real time.
        let occupancy = CafeOccupancy(signups: [F.signup("karen-munk", "2026-11-03")])
        let horizonStart = F.utc("2026-11-03T12:00:00Z").addingTimeInterval(-21 * 86400)
        #expect(horizonStart == F.at("2026-10-13", "14:00"))
        let atEdge = F.search(occupancy: occupancy).earliest(for: F.request(["tax"]), now: horizonStart)
        #expect(atEdge.choice?.slot.start == F.utc("2026-11-03T12:00:00Z"))
        #expect(atEdge.choice?.volunteer == VolunteerID("karen-munk"))
        let tooEarly = F.search(occupancy: occupancy).earliest(for: F.request(["tax"]), now: horizonStart.addingTimeInterval(-1))
        #expect(tooEarly.choice == nil)
        #expect(tooEarly.reason == "no free slot at Rådgivningscaféen i Borgerhuset with a volunteer for tax in da between 2026-10-13 15:59 and 2026-11-03 12:59")
    }

    @Test func holidaysAndClosuresAreSkipped() {
        // Wednesday before Easter 2027: Ahmed's Thursday is Maundy Thursday; the next is 1 April.
        let easter = F.search().earliest(for: F.request(["digital-help"], "ar"), now: F.at("2027-03-24", "12:00")).choice
        #expect(easter?.slot.start == F.at("2027-04-01", "10:00"))
        // On Easter Monday, Lise's Tuesday after Easter is open.
        let after = F.search().earliest(for: F.request(["debt"], "en"), now: F.at("2027-03-29", "09:00")).choice
        #expect(after?.slot.start == F.at("2027-03-30", "13:00"))
        // A closure added at runtime moves the search a week on.
        let flood = CafeClosure(cafe: F.cafeID, first: LocalDate("2026-11-24")!, last: LocalDate("2026-11-24")!, reason: "vandskade")
        let closed = F.search(occupancy: CafeOccupancy(closures: [flood])).earliest(for: F.request(["debt"], "en"), now: F.at("2026-11-23", "09:00"))
        #expect(closed.choice?.slot.start == F.at("2026-12-01", "13:00"))
    }

    @Test func aSearchAcrossTheSpringChangeFindsTheSameWallClockTime() {
        // Friday 27 March 2026: Lise's next Tuesday (31 March) is in summer time.
        let found = F.search().earliest(for: F.request(["economy"], "en"), now: F.at("2026-03-27", "16:00")).choice
        #expect(found?.slot.start == F.utc("2026-03-31T11:00:00Z"))
        #expect(found?.slot.localStart.description == "13:00")
    }

    @Test func everyTopicAndTheLanguageMustBeCovered() {
        let now = F.at("2026-11-23", "09:00")
        // Arabic: only Ahmed, on Thursday.
        #expect(F.search().earliest(for: F.request(["debt"], "ar"), now: now).choice?.volunteer == VolunteerID("ahmed-nasser"))
        // Debt and digital help in Danish: only Ahmed covers both.
        #expect(F.search().earliest(for: F.request(["debt", "digital-help"]), now: now).choice?.slot.start == F.at("2026-11-26", "10:00"))
        // Debt and tax: Karen, who staffs only the dates she signs up for.
        #expect(F.search().earliest(for: F.request(["debt", "tax"]), now: now).choice == nil)
        let signedUp = CafeOccupancy(signups: [F.signup("karen-munk", "2026-12-03")])
        #expect(F.search(occupancy: signedUp).earliest(for: F.request(["debt", "tax"]), now: now).choice?.slot.start == F.at("2026-12-03", "10:00"))
        // Nobody speaks Ukrainian.
        #expect(F.search().earliest(for: F.request(["debt"], "uk"), now: now).reason == "no volunteer at Rådgivningscaféen i Borgerhuset advises on debt in uk")
        #expect(F.search().earliest(for: F.request(["housing"]), now: now).reason == "no volunteer at Rådgivningscaféen i Borgerhuset advises on housing in da")
    }

    @Test func preferencesNarrowTheSearch() {
        let now = F.at("2026-11-23", "09:00")
        // Thursdays only: Lise's Tuesday is passed over for Ahmed's Thursday.
        let thursdays = F.request(["debt"], preferences: SlotPreferences(weekdays: [.thursday]))
        #expect(F.search().earliest(for: thursdays, now: now).choice?.slot.start == F.at("2026-11-26", "10:00"))
        // Not mornings, Thursdays: the Thursday session's afternoon half hour.
        let afternoons = F.request(["debt"], preferences: SlotPreferences(weekdays: [.thursday], notMornings: true))
        #expect(F.search().earliest(for: afternoons, now: now).choice?.slot.start == F.at("2026-11-26", "12:00"))
        // Not afternoons: Tuesday's session starts at 13:00, so Thursday morning.
        let mornings = F.request(["debt"], preferences: SlotPreferences(notAfternoons: true))
        #expect(F.search().earliest(for: mornings, now: now).choice?.slot.start == F.at("2026-11-26", "10:00"))
        // Saturdays: the café is never open then.
        let saturdays = F.request(["debt"], preferences: SlotPreferences(weekdays: [.saturday]))
        #expect(F.search().earliest(for: saturdays, now: now).reason?.hasSuffix("matching the caller's preferences (sat)") == true)
    }

    @Test func aBookedSlotIsNotOfferedAgainButACancelledOneIs() {
        let now = F.at("2026-11-24", "11:00")
        let taken = CafeOccupancy(bookings: [F.booking("lise-andersen", at: F.at("2026-11-24", "13:00"))])
        #expect(F.search(occupancy: taken).earliest(for: F.request(["debt"], "en"), now: now).choice?.slot.start == F.at("2026-11-24", "13:30"))
        let cancelled = CafeOccupancy(bookings: [F.booking("lise-andersen", at: F.at("2026-11-24", "13:00"), state: .cancelled)])
        #expect(F.search(occupancy: cancelled).earliest(for: F.request(["debt"], "en"), now: now).choice?.slot.start == F.at("2026-11-24", "13:00"))
        // A booking being moved does not block its own slot.
        var moving = F.request(["debt"], "en")
        moving.moving = BookingID("bkg_1")
        #expect(F.search(occupancy: taken).earliest(for: moving, now: now).choice?.slot.start == F.at("2026-11-24", "13:00"))
    }

    @Test func theVolunteerWithFewerBookingsThatDayTakesTheSlot() {
        // Karen signs up for Lise's Tuesday; Lise already has a booking at 14:00.
        let occupancy = CafeOccupancy(
            bookings: [F.booking("lise-andersen", at: F.at("2026-11-24", "14:00"))], signups: [F.signup("karen-munk", "2026-11-24")]
        )
        let found = F.search(occupancy: occupancy).earliest(for: F.request(["debt"]), now: F.at("2026-11-24", "09:00")).choice
        #expect(found?.slot.start == F.at("2026-11-24", "13:00"))
        #expect(found?.volunteer == VolunteerID("karen-munk"))
    }

    @Test func aChosenSlotIsCheckedForNoticeHorizonClosureAndTheVolunteer() {
        let search = F.search(occupancy: CafeOccupancy(bookings: [F.booking("lise-andersen", at: F.at("2026-11-24", "13:30"))]))
        let now = F.at("2026-11-24", "11:00")
        let request = F.request(["debt"])
        #expect(search.check(start: F.at("2026-11-24", "13:00"), volunteer: nil, request: request, now: now).choice?.volunteer == VolunteerID("lise-andersen"))
        #expect(search.check(start: F.at("2026-11-24", "13:30"), volunteer: nil, request: request, now: now).reason == "the slot is taken")
        #expect(search.check(start: F.at("2026-11-24", "12:30"), volunteer: nil, request: request, now: now).reason?.contains("no slot starting then") == true)
        #expect(search.check(start: F.at("2026-11-24", "13:00"), volunteer: nil, request: request, now: now.addingTimeInterval(1)).reason?.contains("minimum notice") == true)
        #expect(search.check(start: F.at("2026-12-22", "13:00"), volunteer: nil, request: request, now: now).reason == "the slot is beyond the booking horizon")
        #expect(search.check(start: F.at("2026-11-24", "13:00"), volunteer: VolunteerID("ahmed-nasser"), request: request, now: now).reason != nil)
    }
}
