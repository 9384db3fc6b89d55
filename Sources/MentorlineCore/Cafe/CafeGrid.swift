package import Foundation

/// A café's slots in a range as a grid: each slot with the volunteers staffing it, free or booked, and
/// the closed days. What the slot API and `mentorctl cafe slots` show.
package struct CafeGrid: Sendable {
    package struct Cell: Sendable {
        package var volunteer: Volunteer
        /// The booking holding this volunteer's slot, if any.
        package var booking: CafeBooking?
    }

    package struct Row: Sendable {
        package var slot: CafeSlot
        /// Whether a booking made now may take it: at or after the minimum notice, within the horizon.
        package var bookable: Bool
        package var cells: [Cell]
    }

    package var rows: [Row]
    package var closedDays: [(date: LocalDate, reason: String)]

    package init(cafe: Cafe, directory: CafeDirectory, occupancy: CafeOccupancy, from: Date, to: Date, now: Date) {
        let volunteers = directory.volunteers(of: cafe.id)
        let (earliest, latest) = (now + cafe.minimumNotice, now + cafe.horizon)
        rows = cafe.slots(from: from, to: to, closures: occupancy.closures).map { slot in
            let cells = volunteers.filter { $0.staffs(slot.date, signups: occupancy.signups) }.map { volunteer in
                Cell(volunteer: volunteer, booking: occupancy.booking(of: volunteer.id, at: slot.start))
            }
            return Row(slot: slot, bookable: slot.start >= earliest && slot.start <= latest, cells: cells)
        }
        var closed: [(date: LocalDate, reason: String)] = []
        var date = cafe.date(of: from)
        while date <= cafe.date(of: to) {
            if !cafe.sessions(on: date).isEmpty, let reason = cafe.closure(on: date, extra: occupancy.closures) { closed.append((date, reason)) }
            date = date.adding(days: 1)
        }
        closedDays = closed
    }
}
