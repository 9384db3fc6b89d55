import Foundation
@testable import MentorlineCore
import Testing

/// Slot generation on the café's wall clock: DST nights, holidays and closures.
struct CafeSlotTests {
    typealias F = CafeFixtures

    @Test func aSessionIsCutIntoSlotsOfTheSlotLength() {
        let slots = F.cafe().sessionSlots(on: LocalDate("2026-11-24")!)
        #expect(slots.count == 6)
        #expect(slots.first?.start == F.utc("2026-11-24T12:00:00Z"))
        #expect(slots.last?.start == F.utc("2026-11-24T14:30:00Z"))
        #expect(slots.last?.end == F.utc("2026-11-24T15:00:00Z"))
        #expect(slots.map(\.localStart.description) == ["13:00", "13:30", "14:00", "14:30", "15:00", "15:30"])
        #expect(F.cafe().sessionSlots(on: LocalDate("2026-11-25")!).isEmpty)
    }

    @Test func slotsKeepTheirWallClockTimeAcrossTheSpringAndAutumnChanges() {
        let cafe = F.cafe()
        // Tuesday before and after 29 March 2026: 13:00 is 12:00Z in winter time, 11:00Z in summer time.
        #expect(cafe.sessionSlots(on: LocalDate("2026-03-24")!).first?.start == F.utc("2026-03-24T12:00:00Z"))
        #expect(cafe.sessionSlots(on: LocalDate("2026-03-31")!).first?.start == F.utc("2026-03-31T11:00:00Z"))
        // And back after 25 October 2026.
        #expect(cafe.sessionSlots(on: LocalDate("2026-10-20")!).first?.start == F.utc("2026-10-20T11:00:00Z"))
        #expect(cafe.sessionSlots(on: LocalDate("2026-10-27")!).first?.start == F.utc("2026-10-27T12:00:00Z"))
        // A search across the change lists both weeks at 13:00 local.
        let slots = cafe.slots(from: F.at("2026-03-24", "00:00"), to: F.at("2026-04-01", "00:00"))
        #expect(slots.filter { $0.weekday == .tuesday }.map(\.start) == [
            "2026-03-24T12:00:00Z", "2026-03-24T12:30:00Z", "2026-03-24T13:00:00Z", "2026-03-24T13:30:00Z", "2026-03-24T14:00:00Z",
            "2026-03-24T14:30:00Z", "2026-03-31T11:00:00Z", "2026-03-31T11:30:00Z", "2026-03-31T12:00:00Z", "2026-03-31T12:30:00Z",
            "2026-03-31T13:00:00Z", "2026-03-31T13:30:00Z",
        ].map(F.utc))
    }

    @Test func aSlotStartingInTheSkippedHourDoesNotExistAndTheRepeatedHourIsReadOnce() {
        // A night café on Sundays 01:30–04:00: on 29 March 2026 02:00 and 02:30 never show on the clock.
        let night = F.cafe(sessions: [F.session(.sunday, "01:30", "04:00")], holidays: nil)
        let spring = night.sessionSlots(on: LocalDate("2026-03-29")!)
        #expect(spring.map(\.localStart.description) == ["01:30", "03:00", "03:30"])
        #expect(spring.map(\.start) == [F.utc("2026-03-29T00:30:00Z"), F.utc("2026-03-29T01:00:00Z"), F.utc("2026-03-29T01:30:00Z")])
        // On 25 October 2026 02:00–03:00 happens twice; each slot is the first reading.
        let autumn = night.sessionSlots(on: LocalDate("2026-10-25")!)
        #expect(autumn.count == 5)
        #expect(autumn[1].start == F.utc("2026-10-25T00:00:00Z"))
        #expect(autumn[3].start == F.utc("2026-10-25T02:00:00Z"))
        #expect(Set(autumn.map(\.start)).count == autumn.count)
    }

    @Test func theCafeIsClosedOnHolidaysAndClosuresAndOpenOtherwise() {
        let summer = CafeClosure(cafe: F.cafeID, first: LocalDate("2026-07-06")!, last: LocalDate("2026-07-31")!, reason: "sommerferie")
        let cafe = F.cafe(closures: [summer])
        // Easter 2027: Maundy Thursday 25 March is closed; the Tuesday after Easter Monday is open.
        #expect(cafe.closure(on: LocalDate("2027-03-25")!) == "closed on Maundy Thursday")
        #expect(cafe.closure(on: LocalDate("2027-03-30")!) == nil)
        #expect(cafe.slots(from: F.at("2027-03-22", "00:00"), to: F.at("2027-04-02", "00:00")).map(\.date).uniqued() == [
            LocalDate("2027-03-23")!, LocalDate("2027-03-30")!, LocalDate("2027-04-01")!,
        ])
        // Christmas Eve is closed by custom unless the calendar leaves it out.
        #expect(cafe.closure(on: LocalDate("2026-12-24")!) == "closed on Christmas Eve")
        #expect(F.cafe(holidays: HolidayCalendar(customDays: [])).closure(on: LocalDate("2026-12-24")!) == nil)
        #expect(F.cafe(holidays: nil).closure(on: LocalDate("2026-12-25")!) == nil)
        #expect(cafe.closure(on: LocalDate("2026-07-14")!) == "closed: sommerferie")
        let flood = CafeClosure(cafe: F.cafeID, first: LocalDate("2026-11-24")!, last: LocalDate("2026-11-24")!, reason: "vandskade")
        #expect(cafe.closure(on: LocalDate("2026-11-24")!, extra: [flood]) == "closed: vandskade")
        let elsewhere = CafeClosure(cafe: CafeID("other"), first: LocalDate("2026-11-24")!, last: LocalDate("2026-11-24")!, reason: "x")
        #expect(cafe.closure(on: LocalDate("2026-11-24")!, extra: [elsewhere]) == nil)
        #expect(cafe.slot(startingAt: F.at("2026-11-24", "13:00"), closures: [flood]) == nil)
        #expect(cafe.slot(startingAt: F.at("2026-11-24", "13:00"))?.localStart.description == "13:00")
        #expect(cafe.slot(startingAt: F.at("2026-11-24", "13:10")) == nil)
    }
}

extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
