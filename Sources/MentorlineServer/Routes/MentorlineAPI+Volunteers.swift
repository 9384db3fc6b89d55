import Foundation
import Hummingbird
import Logging
import MentorlineCore
import MentorlineStore

/// The body of `POST /v1/volunteers/{id}/signups`.
struct SignupBody: Decodable {
    var date: String?
}

extension MentorlineAPI {
    /// `GET /v1/volunteers`: every volunteer with their weekdays and dated sign-ups. Any valid token.
    @Sendable func listVolunteers(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try authenticate(request)
        let directory = environment.settings().roster.cafes
        let now = environment.now()
        let signups = try await environment.store.signups(volunteer: nil, from: LocalDate(dayNumber: Int(floor(now.timeIntervalSince1970 / 86400))))
        let volunteers = directory.volunteers.values.sorted { $0.id < $1.id }.map { volunteer in
            VolunteerView(
                id: volunteer.id, name: volunteer.name, organisation: volunteer.organisation, cafe: volunteer.cafe, topics: volunteer.topics.sorted(),
                languages: volunteer.languages.sorted(), weekdays: volunteer.weekdays.sorted().map(\.abbreviation),
                signups: signups.filter { $0.volunteer == volunteer.id }.map(\.date.description)
            )
        }
        return try JSONResponse.make(["volunteers": volunteers])
    }

    /// `GET /v1/volunteers/{id}/signups`: the dates they signed up for, from today on. Any valid token;
    /// a volunteer's only for their own.
    @Sendable func listSignups(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let principal = try authenticate(request)
        let (volunteer, cafe) = try volunteerParameter(context)
        if case .volunteer = principal { _ = try requireVolunteerOrAdmin(principal, volunteer: volunteer.id) }
        let signups = try await environment.store.signups(volunteer: volunteer.id, from: cafe.date(of: environment.now()))
        struct Signups: Encodable {
            var volunteer: VolunteerID
            var weekdays: [String]
            var signups: [String]
        }
        return try JSONResponse.make(Signups(
            volunteer: volunteer.id, weekdays: volunteer.weekdays.sorted().map(\.abbreviation), signups: signups.map(\.date.description)
        ))
    }

    /// `POST /v1/volunteers/{id}/signups` (the volunteer, or admin) `{"date": "2026-12-01"}`: the volunteer
    /// staffs their café's sessions that day. 201 when new, 200 when they were signed up already; audited.
    @Sendable func addSignup(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let principal = try authenticate(request)
        let (volunteer, cafe) = try volunteerParameter(context)
        let actor = try requireVolunteerOrAdmin(principal, volunteer: volunteer.id).auditName
        let body = try decodeJSON(SignupBody.self, from: try await collectBody(request))
        let date = try signupDate(body.date, volunteer: volunteer, cafe: cafe)
        let signup = VolunteerSignup(volunteer: volunteer.id, cafe: cafe.id, date: date)
        let created = try await environment.store.addSignup(signup, by: actor, now: environment.now())
        environment.logger.notice("Volunteer signed up.", metadata: ["volunteer": "\(volunteer.id)", "date": "\(date)", "actor": "\(actor)"])
        return try JSONResponse.make(["volunteer": volunteer.id.rawValue, "date": date.description], status: created ? .created : .ok)
    }

    /// `DELETE /v1/volunteers/{id}/signups/{date}` (the volunteer, or admin): refused with 409 while
    /// bookings hold their slots that day (cancel or reschedule those first); audited.
    @Sendable func removeSignup(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let principal = try authenticate(request)
        let (volunteer, cafe) = try volunteerParameter(context)
        let actor = try requireVolunteerOrAdmin(principal, volunteer: volunteer.id).auditName
        let text = try context.parameters.require("date")
        guard let date = LocalDate(text) else { throw Problem.invalidFields([FieldProblem(field: "date", reason: "must be a date such as 2026-12-01")]) }
        let dayStart = LocalDateTime(date: date, secondsIntoDay: 0).instant(in: cafe.timeZone)
        let dayEnd = LocalDateTime(date: date.adding(days: 1), secondsIntoDay: 0).instant(in: cafe.timeZone)
        let result = try await environment.store.removeSignup(
            VolunteerSignup(volunteer: volunteer.id, cafe: cafe.id, date: date), dayStart: dayStart, dayEnd: dayEnd, by: actor,
            now: environment.now()
        )
        guard result.blocking.isEmpty else {
            throw Problem.conflict("Bookings hold \(volunteer.id)'s slots on \(date): \(result.blocking.map(\.rawValue).joined(separator: ", ")). Move or cancel them first.")
        }
        guard result.removed else { throw Problem.notFound("\(volunteer.id) has no sign-up on \(date).") }
        return Response(status: .noContent)
    }

    func volunteerParameter(_ context: BasicRequestContext) throws -> (Volunteer, Cafe) {
        let directory = environment.settings().roster.cafes
        let id = VolunteerID(try context.parameters.require("id"))
        guard let volunteer = directory.volunteers[id], let cafe = directory.cafes[volunteer.cafe] else {
            throw Problem.notFound("There is no volunteer \(id).")
        }
        return (volunteer, cafe)
    }

    /// A date on which the café holds a session and is open, from today on.
    private func signupDate(_ text: String?, volunteer: Volunteer, cafe: Cafe) throws -> LocalDate {
        guard let text, let date = LocalDate(text) else {
            throw Problem.invalidFields([FieldProblem(field: "date", reason: "is required: a date such as 2026-12-01")])
        }
        if date < cafe.date(of: environment.now()) { throw Problem.invalidFields([FieldProblem(field: "date", reason: "is in the past")]) }
        if cafe.sessions(on: date).isEmpty {
            throw Problem.invalidFields([FieldProblem(field: "date", reason: "\(cafe.name) holds no session on that weekday")])
        }
        if let closed = cafe.closure(on: date) { throw Problem.invalidFields([FieldProblem(field: "date", reason: "\(cafe.name) is \(closed)")]) }
        return date
    }
}
