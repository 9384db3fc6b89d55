import Foundation
import MentorlineCore

/// A café booking as the API shows it: ids and times, never the citizen's name.
struct BookingView: Encodable {
    var id: BookingID
    var caseId: CaseID
    var cafe: CafeID
    var volunteer: VolunteerID
    var start: Date
    var end: Date
    var state: BookingState
    var createdAt: Date
    var updatedAt: Date
    var updatedBy: String

    init(_ booking: CafeBooking) {
        id = booking.id
        caseId = booking.caseID
        cafe = booking.cafe
        volunteer = booking.volunteer
        start = booking.start
        end = booking.end
        state = booking.state
        createdAt = booking.createdAt
        updatedAt = booking.updatedAt
        updatedBy = booking.updatedBy
    }
}

/// One slot of a café's grid: each volunteer staffing it, free or booked. Only admins see which booking
/// and case hold a slot.
struct SlotView: Encodable {
    var start: Date
    var end: Date
    var date: String
    var time: String
    /// Whether a booking made now may take it (at or after the minimum notice, within the horizon).
    var bookable: Bool
    var volunteers: [SlotVolunteerView]
}

struct SlotVolunteerView: Encodable {
    var volunteer: VolunteerID
    var name: String
    var topics: [TopicID]
    var languages: [LanguageCode]
    /// `free` or `booked`.
    var status: String
    var booking: BookingID?
    var caseId: CaseID?
}

/// A café as `GET /v1/cafes` lists it.
struct CafeSummaryView: Encodable {
    var id: CafeID
    var name: String
    var address: String
    var timeZone: String
    var sessions: [String]
    var slotMinutes: Int
    var minimumNoticeMinutes: Int
    var horizonDays: Double
    var closesOnHolidays: Bool
    var volunteers: [VolunteerID]
    var talks: [TalkID]

    init(_ cafe: Cafe, directory: CafeDirectory) {
        id = cafe.id
        name = cafe.name
        address = cafe.address
        timeZone = cafe.timeZone.identifier
        sessions = cafe.sessions.map(\.description)
        slotMinutes = Int(cafe.slotLength.components.seconds / 60)
        minimumNoticeMinutes = Int(cafe.minimumNotice.components.seconds / 60)
        horizonDays = Double(cafe.horizon.components.seconds) / 86400
        closesOnHolidays = cafe.holidays != nil
        volunteers = directory.volunteers(of: cafe.id).map(\.id)
        talks = directory.talks.values.filter { $0.cafe == cafe.id }.map(\.id).sorted()
    }
}

struct ClosureView: Encodable {
    var id: ClosureID?
    var cafe: CafeID
    var first: String
    var last: String
    var reason: String
    var createdAt: Date?
    var createdBy: String?

    init(_ closure: CafeClosure) {
        id = closure.id
        cafe = closure.cafe
        first = closure.first.description
        last = closure.last.description
        reason = closure.reason
        createdAt = closure.createdAt
        createdBy = closure.createdBy
    }
}

struct VolunteerView: Encodable {
    var id: VolunteerID
    var name: String
    var organisation: String
    var cafe: CafeID
    var topics: [TopicID]
    var languages: [LanguageCode]
    var weekdays: [String]
    /// Dates they signed up for, from today on.
    var signups: [String]
}
