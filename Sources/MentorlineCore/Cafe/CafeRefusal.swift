/// Why a booking action was refused; the API answers 409 for a conflict with the booking's state or
/// the slot, 422 for a request that cannot be met as asked, 403 for another volunteer's booking.
package struct CafeRefusal: Error, Hashable, Sendable {
    package enum Kind: Hashable, Sendable {
        /// The booking or case is not in a state that allows it, or the slot is taken.
        case conflict
        /// The request names something that does not fit (no such slot, volunteer, or within the notice).
        case invalid
        /// A volunteer acting on a booking that is not theirs.
        case notYours
    }

    package var kind: Kind
    package var message: String

    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
