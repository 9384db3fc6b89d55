import Foundation
import Hummingbird
import Logging
import MentorlineCore
import MentorlineStore

/// The body of `POST /v1/cafes/{id}/bookings` and `POST /v1/bookings/{id}/reschedule|cancel|attended|no_show`.
struct BookingBody: Decodable {
    var caseId: String?
    /// A slot's start (ISO 8601, or wall clock in the café's zone); none: the earliest that fits.
    var start: String?
    var volunteer: String?
    var reason: String?
    var note: String?

    enum CodingKeys: String, CodingKey {
        case caseId = "case_id"
        case start, volunteer, reason, note
    }
}

/// The body of `POST /v1/cafes/{id}/closures`: one `date`, or `from` and `to`, and a `reason`.
struct ClosureBody: Decodable {
    var date: String?
    var from: String?
    var to: String?
    var reason: String?
}

extension MentorlineAPI {
    /// The longest span the slot grid answers for at once.
    static let longestSlotSpan: TimeInterval = 31 * 86400

    /// `GET /v1/cafes`: every café with its sessions and volunteers. Any valid token.
    @Sendable func listCafes(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try authenticate(request)
        let directory = environment.settings().roster.cafes
        let cafes = directory.cafes.values.sorted { $0.id < $1.id }.map { CafeSummaryView($0, directory: directory) }
        return try JSONResponse.make(["cafes": cafes])
    }

    /// `GET /v1/cafes/{id}/slots?from&to`: every slot of open days in the range (default the next 7
    /// days), each volunteer staffing it free or booked, and the closed days. Any valid token; only
    /// admins see which booking and case hold a slot, and no one sees a citizen's name.
    @Sendable func listSlots(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let principal = try authenticate(request)
        let (cafe, directory) = try cafeParameter(context)
        let now = environment.now()
        let from = try instantParameter(request, "from", in: cafe.timeZone) ?? now
        let to = try instantParameter(request, "to", in: cafe.timeZone) ?? from.addingTimeInterval(7 * 86400)
        guard to > from else { throw Problem.invalidFields([FieldProblem(field: "to", reason: "must be after from")]) }
        guard to.timeIntervalSince(from) <= Self.longestSlotSpan else {
            throw Problem.invalidFields([FieldProblem(field: "to", reason: "may be at most 31 days after from")])
        }
        let occupancy = try await environment.store.cafeOccupancy(now: min(from, now))
        let grid = CafeGrid(cafe: cafe, directory: directory, occupancy: occupancy, from: from, to: to, now: now)
        let isAdmin = if case .admin = principal { true } else { false }
        struct Slots: Encodable {
            var cafe: CafeID
            var from: Date
            var to: Date
            var slots: [SlotView]
            var closed: [ClosedDay]
        }
        struct ClosedDay: Encodable {
            var date: String
            var reason: String
        }
        let slots = grid.rows.map { row in
            SlotView(
                start: row.slot.start, end: row.slot.end, date: row.slot.date.description, time: row.slot.localStart.description, bookable: row.bookable,
                volunteers: row.cells.map { cell in
                    SlotVolunteerView(
                        volunteer: cell.volunteer.id, name: cell.volunteer.name, topics: cell.volunteer.topics.sorted(), languages: cell.volunteer.languages.sorted(),
                        status: cell.booking == nil ? "free" : "booked", booking: isAdmin ? cell.booking?.id : nil, caseId: isAdmin ? cell.booking?.caseID : nil
                    )
                }
            )
        }
        return try JSONResponse.make(Slots(
            cafe: cafe.id, from: from, to: to, slots: slots, closed: grid.closedDays.map { ClosedDay(date: $0.date.description, reason: $0.reason) }
        ))
    }

    /// `POST /v1/cafes/{id}/bookings` (intake or admin): book a case into the slot starting at `start`
    /// (optionally with `volunteer`), or without `start` into the earliest that fits. Two requests for
    /// the same slot never both win: the second is a 409.
    @Sendable func bookCafe(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let actor = try requireStaff(request)
        let (cafe, _) = try cafeParameter(context)
        let body = try decodeJSON(BookingBody.self, from: try await collectBody(request))
        guard let caseText = body.caseId, !caseText.isEmpty else {
            throw Problem.invalidFields([FieldProblem(field: "case_id", reason: "is required: the case to book")])
        }
        let start = try bookingStart(body.start, in: cafe.timeZone)
        let planner = environment.settings().planner
        let now = environment.now()
        let volunteer = body.volunteer.map(VolunteerID.init)
        let result = try await environment.store.bookCase(CaseID(caseText), now: now) { snapshot, occupancy in
            planner.bookByHand(snapshot, cafe: cafe.id, start: start, volunteer: volunteer, occupancy: occupancy, by: actor, now: now)
        }
        let booking = try bookingResult(result, notFound: "There is no case \(caseText).")
        environment.logger.info("Case booked into café.", metadata: ["case": "\(booking.caseID)", "booking": "\(booking.id)", "actor": "\(actor)"])
        environment.wakeDispatcher()
        return try JSONResponse.make(BookingView(booking), status: .created)
    }

    /// `POST /v1/cafes/{id}/closures` (admin): close the café on a date or a range; bookings it covers
    /// are moved to the earliest slot that fits, or cancelled with their case sent to the route's
    /// fallback policy, each with a message.
    @Sendable func addClosure(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let admin = try requireAdmin(request)
        let (cafe, _) = try cafeParameter(context)
        let body = try decodeJSON(ClosureBody.self, from: try await collectBody(request))
        var problems: [FieldProblem] = []
        let first = (body.date ?? body.from).flatMap(LocalDate.init)
        let last = (body.date ?? body.to).flatMap(LocalDate.init)
        if body.date != nil, body.from != nil || body.to != nil { problems.append(FieldProblem(field: "date", reason: "give either date or from and to")) }
        if first == nil { problems.append(FieldProblem(field: body.date == nil ? "from" : "date", reason: "must be a date such as 2026-12-01")) }
        if last == nil, body.date == nil { problems.append(FieldProblem(field: "to", reason: "must be a date such as 2026-12-01")) }
        if let first, let last, last < first { problems.append(FieldProblem(field: "to", reason: "must be on or after from")) }
        let reason = body.reason?.trimmingCharacters(in: .whitespaces) ?? ""
        if reason.isEmpty || reason.count > 200 { problems.append(FieldProblem(field: "reason", reason: "is required, at most 200 characters")) }
        guard problems.isEmpty, let first, let last else { throw Problem.invalidFields(problems) }
        let now = environment.now()
        let closure = CafeClosure(
            id: IdentifierGenerator().make(ClosureKind.self, at: now), cafe: cafe.id, first: first, last: last, reason: CPRMasking.masked(reason),
            createdAt: now, createdBy: "admin:\(admin)"
        )
        let planner = environment.settings().planner
        let changed = try await environment.store.addClosure(closure, now: now) { work, occupancy in
            planner.closeCafe(closure, bookings: work, occupancy: occupancy, by: "admin:\(admin)", now: now)
        }
        environment.logger.notice("Café closure added.", metadata: [
            "cafe": "\(cafe.id)", "closure": "\(closure.id.map(\.rawValue) ?? "")", "bookings_changed": "\(changed.count)", "actor": "admin:\(admin)",
        ])
        environment.wakeDispatcher()
        struct Added: Encodable {
            var closure: ClosureView
            var moved: [BookingView]
            var cancelled: [BookingView]
        }
        return try JSONResponse.make(
            Added(
                closure: ClosureView(closure), moved: changed.filter { $0.state == .booked }.map(BookingView.init),
                cancelled: changed.filter { $0.state == .cancelled }.map(BookingView.init)
            ),
            status: .created
        )
    }

    /// `GET /v1/cafes/{id}/closures`: the configured and runtime closures not over yet. Any valid token.
    @Sendable func listClosures(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try authenticate(request)
        let (cafe, _) = try cafeParameter(context)
        let today = cafe.date(of: environment.now())
        let runtime = try await environment.store.closures(cafe: cafe.id, endingOnOrAfter: today)
        let closures = (cafe.closures.filter { $0.last >= today } + runtime).map(ClosureView.init)
        return try JSONResponse.make(["closures": closures])
    }

    /// `DELETE /v1/cafes/{id}/closures/{closure}` (admin): the days become bookable again; bookings the
    /// closure moved or cancelled stay as they are. Audited. Closures from `cafe.yaml` have no id: they
    /// are removed by editing the file and reloading.
    @Sendable func removeClosure(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let admin = try requireAdmin(request)
        let (cafe, _) = try cafeParameter(context)
        let id = ClosureID(try context.parameters.require("closure"))
        guard let removed = try await environment.store.removeClosure(id, of: cafe.id, by: "admin:\(admin)", now: environment.now()) else {
            throw Problem.notFound(
                "Café \(cafe.id) has no closure \(id). Runtime closures are listed by GET /v1/cafes/\(cafe.id)/closures with their id; "
                    + "closures from cafe.yaml are removed by editing it and reloading."
            )
        }
        environment.logger.notice("Café closure removed.", metadata: [
            "cafe": "\(cafe.id)", "closure": "\(id)", "first": "\(removed.first)", "last": "\(removed.last)", "actor": "admin:\(admin)",
        ])
        return Response(status: .noContent)
    }

    // MARK: Parameters and results

    func cafeParameter(_ context: BasicRequestContext) throws -> (Cafe, CafeDirectory) {
        let directory = environment.settings().roster.cafes
        let id = CafeID(try context.parameters.require("id"))
        guard let cafe = directory.cafes[id] else { throw Problem.notFound("There is no café \(id).") }
        return (cafe, directory)
    }

    func bookingStart(_ text: String?, in timeZone: TimeZone) throws -> Date? {
        guard let text else { return nil }
        guard let start = InstantParsing.parse(text, in: timeZone) else {
            throw Problem.invalidFields([FieldProblem(field: "start", reason: "must be a slot's start such as 2026-12-01T13:30 or 2026-12-01T12:30Z")])
        }
        return start
    }

    /// The intake integration's or admin's audit name, or a 403: staff acting for the citizen.
    func requireStaff(_ request: Request) throws -> String {
        let principal = try authenticate(request)
        switch principal {
        case .intake, .admin: return principal.auditName
        case .mentor, .volunteer: throw Problem.forbidden("This takes an intake or admin token.")
        }
    }

    func bookingResult(_ result: CafeActionResult, notFound: String) throws -> CafeBooking {
        switch result {
        case .applied(let booking): return booking
        case .notFound: throw Problem.notFound(notFound)
        case .refused(let refusal):
            switch refusal.kind {
            case .conflict: throw Problem.conflict(refusal.message)
            case .invalid: throw Problem(.unprocessableContent, type: Problem.typeBase + "no-slot", detail: refusal.message)
            case .notYours: throw Problem.forbidden(refusal.message)
            }
        }
    }
}
