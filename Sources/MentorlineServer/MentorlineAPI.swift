package import Hummingbird
import Foundation
import Logging
import MentorlineCore

/// The HTTP API: builds the router with every route, and keeps the list of routes it registered so
/// that a test can hold it against the OpenAPI document.
package struct MentorlineAPI: Sendable {
    let environment: APIEnvironment

    package init(environment: APIEnvironment) {
        self.environment = environment
    }

    /// The router and the routes on it.
    package func buildRouter() -> (router: Router<BasicRequestContext>, routes: [APIRoute]) {
        let router = Router()
        var routes: [APIRoute] = []
        func add(
            _ method: HTTPRequest.Method, _ path: String,
            _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response
        ) {
            router.on(RouterPath(path), method: method, use: handler)
            routes.append(APIRoute(method: method.rawValue, path: path))
        }

        add(.post, "/v1/cases", registerCase)
        add(.get, "/v1/cases/{id}", showCase)
        add(.get, "/v1/tasks/{id}", showTask)
        add(.post, "/v1/tasks/{id}/accept") { try await self.mentorAction($0, $1) { _ in .accept } }
        add(.post, "/v1/tasks/{id}/decline") { try await self.mentorAction($0, $1) { .decline(reason: $0.reason) } }
        add(.post, "/v1/tasks/{id}/handoff") { try await self.mentorAction($0, $1, Self.handoff) }
        add(.post, "/v1/tasks/{id}/resolve") { try await self.mentorAction($0, $1) { .resolve(outcome: $0.outcome) } }
        add(.post, "/v1/tasks/{id}/reopen") { try await self.mentorAction($0, $1) { .reopen(reason: $0.reason) } }
        add(.post, "/v1/tasks/{id}/appointment") { try await self.mentorAction($0, $1) { try self.appointment($0) } }
        add(.get, "/v1/letter-policy/next", nextLetterTime)
        add(.get, "/v1/templates/{event}/preview", previewTemplate)
        add(.get, "/v1/links/{token}", showLink)
        add(.post, "/v1/links/{token}", useLink)
        add(.get, "/v1/mentors", listMentors)
        add(.put, "/v1/mentors/{id}/availability", setAvailability)
        add(.get, "/v1/mentors/{id}/shifts.ics", mentorFeed)
        add(.get, "/v1/schedules", listSchedules)
        add(.get, "/v1/schedules/{id}.ics", scheduleFeed)
        add(.get, "/v1/schedules/{id}/oncall", showOnCall)
        add(.get, "/v1/schedules/{id}/shifts", listShifts)
        add(.get, "/v1/schedules/{id}/overrides", listOverrides)
        add(.post, "/v1/schedules/{id}/overrides", addOverride)
        add(.delete, "/v1/schedules/{id}/overrides/{override}", removeOverride)
        add(.get, "/v1/cafes", listCafes)
        add(.get, "/v1/cafes/{id}.ics", cafeFeed)
        add(.get, "/v1/cafes/{id}/slots", listSlots)
        add(.post, "/v1/cafes/{id}/bookings", bookCafe)
        add(.get, "/v1/cafes/{id}/closures", listClosures)
        add(.post, "/v1/cafes/{id}/closures", addClosure)
        add(.delete, "/v1/cafes/{id}/closures/{closure}", removeClosure)
        add(.get, "/v1/bookings/{id}", showBooking)
        add(.post, "/v1/bookings/{id}/cancel", cancelBooking)
        add(.post, "/v1/bookings/{id}/reschedule", rescheduleBooking)
        add(.post, "/v1/bookings/{id}/attended") { try await self.markBooking($0, $1, attended: true) }
        add(.post, "/v1/bookings/{id}/no_show") { try await self.markBooking($0, $1, attended: false) }
        add(.get, "/v1/talks", listTalks)
        add(.post, "/v1/talks/{id}/registrations", registerForTalk)
        add(.post, "/v1/talk-registrations/{id}/cancel", cancelTalkRegistration)
        add(.get, "/v1/volunteers", listVolunteers)
        add(.get, "/v1/volunteers/{id}/bookings.ics", volunteerFeed)
        add(.get, "/v1/volunteers/{id}/signups", listSignups)
        add(.post, "/v1/volunteers/{id}/signups", addSignup)
        add(.delete, "/v1/volunteers/{id}/signups/{date}", removeSignup)
        add(.get, "/v1/audit", auditLog)
        add(.get, "/v1/endpoints", listEndpoints)
        add(.post, "/v1/endpoints/{id}/enable", enableEndpoint)
        add(.post, "/v1/endpoints/{id}/disable", disableEndpoint)
        add(.get, "/v1/deliveries", listDeliveries)
        add(.post, "/v1/deliveries/{id}/replay", replayDelivery)
        add(.get, "/v1/status", showStatus)
        add(.get, "/v1/queue", listQueue)
        add(.get, "/v1/tokens", listTokens)
        add(.post, "/v1/tokens", createToken)
        add(.post, "/v1/tokens/{id}/revoke", revokeToken)
        add(.get, "/v1/admin/retention/preview", retentionPreview)
        add(.post, "/v1/admin/retention/run", runRetention)
        add(.get, "/v1/admin/export", exportCitizen)
        add(.post, "/v1/admin/backup", backup)
        add(.get, "/v1/contact-persons/{kind}/{key}") { try await self.contactPerson($0, $1) }
        add(.put, "/v1/contact-persons/{kind}/{key}") { try await self.contactPerson($0, $1) }
        add(.delete, "/v1/contact-persons/{kind}/{key}") { try await self.contactPerson($0, $1) }
        add(.get, "/v1/openapi.yaml", openAPIDocument)
        add(.get, "/healthz", health)
        add(.get, "/readyz", ready)
        add(.get, "/metrics", metrics)
        return (router, routes)
    }
}
