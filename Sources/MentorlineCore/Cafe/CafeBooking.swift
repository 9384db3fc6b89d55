package import Foundation

/// A citizen's case booked into a café slot with one volunteer.
package struct CafeBooking: Hashable, Sendable {
    package var id: BookingID
    package var caseID: CaseID
    package var cafe: CafeID
    package var volunteer: VolunteerID
    package var start: Date
    package var end: Date
    package var state: BookingState
    package var createdAt: Date
    /// Who last changed it (`system`, `intake:<name>`, `admin:<name>`) and when.
    package var updatedAt: Date
    package var updatedBy: String

    package init(
        id: BookingID, caseID: CaseID, cafe: CafeID, volunteer: VolunteerID, start: Date, end: Date, state: BookingState = .booked,
        createdAt: Date, updatedAt: Date? = nil, updatedBy: String = "system"
    ) {
        self.id = id
        self.caseID = caseID
        self.cafe = cafe
        self.volunteer = volunteer
        self.start = start
        self.end = end
        self.state = state
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.updatedBy = updatedBy
    }
}

/// Where a booking is in its life: `booked`, then `attended`, `no_show` or `cancelled`.
package enum BookingState: String, Codable, Sendable, CaseIterable, Hashable {
    case booked
    case attended
    case noShow = "no_show"
    case cancelled

    /// Whether the booking holds its volunteer's slot (everything but a cancellation does).
    package var holdsSlot: Bool {
        switch self {
        case .booked, .attended, .noShow: true
        case .cancelled: false
        }
    }
}
