import Foundation
import Hummingbird
import Logging
import MentorlineCore
import MentorlineStore

extension MentorlineAPI {
    /// `GET /v1/bookings/{id}` (intake or admin, or the booking's volunteer).
    @Sendable func showBooking(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let principal = try authenticate(request)
        if case .mentor = principal { throw Problem.forbidden("This takes an intake or admin token, or the volunteer's own.") }
        let id = BookingID(try context.parameters.require("id"))
        guard let booking = try await environment.store.booking(id) else { throw Problem.notFound("There is no booking \(id).") }
        if case .volunteer(let volunteer) = principal, booking.volunteer != volunteer {
            throw Problem.forbidden("booking \(id) is another volunteer's")
        }
        return try JSONResponse.make(BookingView(booking))
    }

    /// `POST /v1/bookings/{id}/cancel` (intake or admin, acting for the citizen): the volunteer is told,
    /// the slot is free again, the case resolved.
    @Sendable func cancelBooking(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let actor = try requireStaff(request)
        let body = try await optionalBookingBody(request)
        let reason = try limited(body.reason, field: "reason")
        return try await bookingAction(context, actor: actor) { planner, work, _, now in
            planner.cancelBooking(work, reason: reason, by: actor, now: now)
        }
    }

    /// `POST /v1/bookings/{id}/reschedule` (intake or admin): to the slot starting at `start` (optionally
    /// with `volunteer`), or without `start` to the earliest later slot that fits the case.
    @Sendable func rescheduleBooking(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let actor = try requireStaff(request)
        let body = try await optionalBookingBody(request)
        let reason = try limited(body.reason, field: "reason")
        let id = BookingID(try context.parameters.require("id"))
        guard let existing = try await environment.store.booking(id), let cafe = environment.settings().roster.cafes.cafes[existing.cafe] else {
            throw Problem.notFound("There is no booking \(id).")
        }
        let start = try bookingStart(body.start, in: cafe.timeZone)
        let volunteer = body.volunteer.map(VolunteerID.init)
        return try await bookingAction(context, actor: actor) { planner, work, occupancy, now in
            planner.reschedule(work, to: start, volunteer: volunteer, occupancy: occupancy, reason: reason, by: actor, now: now)
        }
    }

    /// `POST /v1/bookings/{id}/attended` and `/no_show`, once the slot has begun: by the booking's
    /// volunteer, or an admin (a coordinator, for the volunteer). Whose booking it is is checked in the
    /// transaction that marks it, so a reschedule to another volunteer cannot slip between.
    func markBooking(_ request: Request, _ context: BasicRequestContext, attended: Bool) async throws -> Response {
        let principal = try authenticate(request)
        let volunteer: VolunteerID?
        switch principal {
        case .admin: volunteer = nil
        case .volunteer(let id): volunteer = id
        case .intake, .mentor: throw Problem.forbidden("This takes the volunteer's own token or an admin token.")
        }
        let body = try await optionalBookingBody(request)
        let note = try limited(body.note, field: "note")
        let actor = principal.auditName
        return try await bookingAction(context, actor: actor) { planner, work, _, now in
            planner.markBooking(work, attended: attended, note: note, by: actor, volunteer: volunteer, now: now)
        }
    }

    private func bookingAction(
        _ context: BasicRequestContext, actor: String,
        _ plan: @escaping @Sendable (CasePlanner, CafeWork, CafeOccupancy, Date) -> Result<[CaseChange], CafeRefusal>
    ) async throws -> Response {
        let id = BookingID(try context.parameters.require("id"))
        let planner = environment.settings().planner
        let now = environment.now()
        let result = try await environment.store.cafeAction(on: id, now: now) { work, occupancy in plan(planner, work, occupancy, now) }
        let booking = try bookingResult(result, notFound: "There is no booking \(id).")
        environment.logger.info("Café booking changed.", metadata: ["booking": "\(booking.id)", "state": "\(booking.state.rawValue)", "actor": "\(actor)"])
        environment.wakeDispatcher()
        return try JSONResponse.make(BookingView(booking))
    }

    /// The JSON body, or an empty one when none was sent.
    private func optionalBookingBody(_ request: Request) async throws -> BookingBody {
        let buffer = try await collectBody(request)
        guard buffer.readableBytes > 0 else { return BookingBody() }
        return try decodeJSON(BookingBody.self, from: buffer)
    }

    private func limited(_ text: String?, field: String) throws -> String? {
        guard let text, !text.isEmpty else { return nil }
        guard text.count <= 500 else { throw Problem.invalidFields([FieldProblem(field: field, reason: "may be at most 500 characters")]) }
        return text
    }
}
