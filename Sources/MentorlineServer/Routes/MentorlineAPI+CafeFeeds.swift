import Foundation
import Hummingbird
import MentorlineCore
import MentorlineStore

extension MentorlineAPI {
    /// `GET /v1/cafes/{id}.ics`: the café's sessions on open days and its talks, from a week back to
    /// eight weeks ahead. No token (calendar applications send none); nothing about citizens.
    @Sendable func cafeFeed(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let (cafe, directory) = try cafeParameter(context)
        let now = environment.now()
        let (from, to) = Self.feedRange(now: now)
        let closures = try await environment.store.closures(cafe: cafe.id, endingOnOrAfter: cafe.date(of: from))
        let talks = directory.talks.values.filter { $0.cafe == cafe.id }
        let events = CafeCalendar.sessionEvents(cafe, from: from, to: to, closures: closures) + CafeCalendar.talkEvents(talks, cafe: cafe)
        return Self.calendar(ICalendarFeed(name: cafe.name, events: events.sorted { ($0.start, $0.uid) < ($1.start, $1.uid) }), stamp: now)
    }

    /// `GET /v1/volunteers/{id}/bookings.ics`: the volunteer's bookings from a week back to eight weeks
    /// ahead, with the case reference and topics; the citizen's name only where `volunteers_see_names`
    /// is set. The volunteer's own token or an admin's, as a bearer token or as `?token=` (calendar
    /// applications subscribe by URL); checked before the volunteer is looked up, so a 404 says nothing
    /// to someone without a token.
    @Sendable func volunteerFeed(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let principal = try authenticateFeed(request)
        let (volunteer, cafe) = try volunteerParameter(context)
        _ = try requireVolunteerOrAdmin(principal, volunteer: volunteer.id)
        let directory = environment.settings().roster.cafes
        let topics = environment.settings().roster.topics
        let now = environment.now()
        let (from, to) = Self.feedRange(now: now)
        let bookings = try await environment.store.bookings(cafe: nil, volunteer: volunteer.id, from: from, to: to, includeCancelled: false)
        var events: [CalendarEvent] = []
        for booking in bookings {
            let details = try await environment.store.caseDetails(booking.caseID)
            let intake = details?.intake
            let labels = intake?.topics.map { topics[$0]?.label ?? $0.rawValue }.joined(separator: ", ")
            events.append(CafeCalendar.bookingEvent(
                booking, cafe: cafe, topics: labels, language: intake?.language, citizen: directory.volunteersSeeNames ? intake?.caller.name : nil
            ))
        }
        var response = Self.calendar(ICalendarFeed(name: "Rådgivning: \(volunteer.name)", events: events), stamp: now)
        // Personal, and fetched by an address that may hold the token: for this subscriber only.
        response.headers[.cacheControl] = "private, no-store"
        return response
    }
}
