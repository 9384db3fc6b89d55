package import Foundation

/// Why a booking no longer holds an open slot of its café under the configuration in force: the day
/// was closed (a closure in `cafe.yaml` or at runtime, a holiday), the session or slot length changed
/// so no slot starts then any more, or its volunteer no longer advises there then.
///
/// Found by ``CafeDirectory/displaced(_:occupancy:now:)`` after a reload (and at start, for edits made
/// while the daemon was stopped); ``CasePlanner/rehome(_:occupancy:now:)`` moves or cancels each.
package struct CafeDisplacement: Hashable, Sendable {
    package enum Cause: Hashable, Sendable {
        /// The café is closed that day; `reason` is the closure's reason or the holiday's Danish name,
        /// as the citizen's letter names it.
        case closed(reason: String)
        /// No slot of the café's sessions starts then any more (a session removed or moved, another slot length).
        case noSlot
        /// The volunteer is gone from the café, or does not staff that day any more.
        case volunteer
    }

    package var booking: CafeBooking
    package var cause: Cause
    /// For the case's trail: `Rådgivningscaféen is closed on 2026-12-01: vandskade`.
    package var description: String

    package init(booking: CafeBooking, cause: Cause, description: String) {
        self.booking = booking
        self.cause = cause
        self.description = description
    }
}

extension CafeDirectory {
    /// Why `booking` no longer fits the cafés as configured and the runtime `occupancy` (closures,
    /// sign-ups), or nil while it holds an open slot. Only bookings still `booked` whose slot has not
    /// begun at `now` can be displaced; a booking of a café that is no longer configured is not judged
    /// here (there is nothing to move it to): see ``orphaned(_:now:)``.
    ///
    /// A volunteer whose topics or languages changed keeps the bookings they have: the citizen was
    /// promised that slot, and the volunteer can say so.
    package func displacement(of booking: CafeBooking, occupancy: CafeOccupancy, now: Date) -> CafeDisplacement? {
        guard booking.state == .booked, booking.start > now, let cafe = cafes[booking.cafe] else { return nil }
        let date = cafe.date(of: booking.start)
        let stamp = SlotSearch.stamp(booking.start, cafe.timeZone)
        if let closure = (cafe.closures + occupancy.closures).first(where: { $0.cafe == cafe.id && $0.covers(date) }) {
            return CafeDisplacement(booking: booking, cause: .closed(reason: closure.reason), description: "\(cafe.name) is closed on \(date): \(closure.reason)")
        }
        if let holiday = cafe.holidays?.holiday(on: date) {
            return CafeDisplacement(booking: booking, cause: .closed(reason: holiday.danishName), description: "\(cafe.name) is closed on \(date) (\(holiday.name))")
        }
        // A slot must still start then; a changed slot length alone does not move a citizen whose time still exists.
        guard cafe.sessionSlots(on: date).contains(where: { $0.start == booking.start }) else {
            return CafeDisplacement(booking: booking, cause: .noSlot, description: "\(cafe.name) has no slot at \(stamp) any more (its sessions changed)")
        }
        guard let volunteer = volunteers[booking.volunteer], volunteer.cafe == cafe.id else {
            return CafeDisplacement(booking: booking, cause: .volunteer, description: "volunteer \(booking.volunteer) no longer advises at \(cafe.name)")
        }
        guard volunteer.staffs(date, signups: occupancy.signups) else {
            return CafeDisplacement(booking: booking, cause: .volunteer, description: "\(volunteer.name) no longer staffs \(cafe.name) on \(date)")
        }
        return nil
    }

    /// The bookings of `occupancy` that a change of the configuration displaced, in start order.
    package func displaced(_ occupancy: CafeOccupancy, now: Date) -> [CafeDisplacement] {
        occupancy.bookings.sorted { ($0.start, $0.id) < ($1.start, $1.id) }.compactMap { displacement(of: $0, occupancy: occupancy, now: now) }
    }

    /// Booked slots that have not begun, of cafés no longer in the configuration: nothing can move them,
    /// so they are left for a person to cancel (`mentorctl cafe cancel`).
    package func orphaned(_ occupancy: CafeOccupancy, now: Date) -> [CafeBooking] {
        occupancy.bookings.filter { $0.state == .booked && $0.start > now && cafes[$0.cafe] == nil }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }
}
