package import Foundation

/// What the store knows about the cafés at one instant, read in the transaction that books: the
/// bookings holding slots, volunteers' dated sign-ups and the closures added at runtime.
package struct CafeOccupancy: Hashable, Sendable {
    /// Bookings that hold a slot (not cancelled) and have not ended long ago.
    package var bookings: [CafeBooking]
    package var signups: Set<VolunteerSignup>
    package var closures: [CafeClosure]

    package init(bookings: [CafeBooking] = [], signups: Set<VolunteerSignup> = [], closures: [CafeClosure] = []) {
        self.bookings = bookings
        self.signups = signups
        self.closures = closures
    }

    /// The booking holding `volunteer`'s slot at `start`, other than `excluding`.
    package func booking(of volunteer: VolunteerID, at start: Date, excluding: BookingID? = nil) -> CafeBooking? {
        bookings.first { $0.volunteer == volunteer && $0.start == start && $0.state.holdsSlot && $0.id != excluding }
    }

    /// Counts a booking made or changed in this transaction.
    package mutating func record(_ booking: CafeBooking) {
        bookings.removeAll { $0.id == booking.id }
        if booking.state.holdsSlot { bookings.append(booking) }
    }
}
