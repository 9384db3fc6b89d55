/// A booked case as a café action sees it, read in the transaction that writes the action: the
/// booking, its case, and which of the case's café messages have not gone yet.
package struct CafeWork: Hashable, Sendable {
    package var booking: CafeBooking
    package var snapshot: CaseSnapshot
    /// Event types of the case's messages still pending in the outbox.
    package var pending: Set<EventType>

    package init(booking: CafeBooking, snapshot: CaseSnapshot, pending: Set<EventType> = []) {
        self.booking = booking
        self.snapshot = snapshot
        self.pending = pending
    }
}
