import Foundation
import Hummingbird
import Logging
import MentorlineCore
import MentorlineStore

extension MentorlineAPI {
    /// The longest span `shifts` and the feeds answer for at once.
    static let longestShiftSpan: TimeInterval = 92 * 86400

    /// `GET /v1/schedules`: every schedule, with who is on call now. Any valid token but a volunteer's.
    @Sendable func listSchedules(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try requireHotline(request)
        let roster = environment.settings().roster
        let now = environment.now()
        let overrides = try await environment.store.overrides(schedule: nil, endingAfter: now)
        struct Item: Encodable {
            var id: ScheduleID
            var name: String
            var timeZone: String
            var layers: Int
            var onCall: ShiftView?
        }
        let items = roster.schedules.values.sorted { $0.id < $1.id }.map { schedule in
            Item(
                id: schedule.id, name: schedule.name, timeZone: schedule.timeZone.identifier, layers: schedule.layers.count,
                onCall: schedule.onCall(at: now, overrides: overrides).map { ShiftView($0, schedule: schedule, roster: roster) }
            )
        }
        return try JSONResponse.make(["schedules": items])
    }

    /// `GET /v1/schedules/{id}/oncall?at=`: who is on call at an instant (default now). Any valid token
    /// but a volunteer's.
    @Sendable func showOnCall(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try requireHotline(request)
        let (schedule, roster) = try scheduleParameter(context)
        let at = try instantParameter(request, "at", in: schedule.timeZone) ?? environment.now()
        let overrides = try await environment.store.overrides(schedule: schedule.id, endingAfter: at)
        struct OnCall: Encodable {
            var schedule: ScheduleID
            var at: Date
            var onCall: ShiftView?
        }
        let shift = schedule.onCall(at: at, overrides: overrides)
        return try JSONResponse.make(OnCall(schedule: schedule.id, at: at, onCall: shift.map { ShiftView($0, schedule: schedule, roster: roster) }))
    }

    /// `GET /v1/schedules/{id}/shifts?from&to`: the final timeline (default the next 14 days). Any valid
    /// token but a volunteer's.
    @Sendable func listShifts(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try requireHotline(request)
        let (schedule, roster) = try scheduleParameter(context)
        let (from, to) = try rangeParameters(request, in: schedule.timeZone)
        let overrides = try await environment.store.overrides(schedule: schedule.id, endingAfter: from)
        struct Shifts: Encodable {
            var schedule: ScheduleID
            var from: Date
            var to: Date
            var shifts: [ShiftView]
        }
        let shifts = schedule.shifts(from: from, to: to, overrides: overrides).map { ShiftView($0, schedule: schedule, roster: roster) }
        return try JSONResponse.make(Shifts(schedule: schedule.id, from: from, to: to, shifts: shifts))
    }

    /// `GET /v1/schedules/{id}.ics`: the schedule's shifts from a week back to eight weeks ahead, as an
    /// iCalendar feed calendar applications subscribe to. Names only; no token (calendar apps send none).
    @Sendable func scheduleFeed(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let (schedule, roster) = try scheduleParameter(context)
        let now = environment.now()
        let (from, to) = Self.feedRange(now: now)
        let overrides = try await environment.store.overrides(schedule: schedule.id, endingAfter: from)
        let events = schedule.calendarEvents(shifts: Self.feedShifts(schedule, from: from, to: to, overrides: overrides), mentorNames: roster.mentorNames)
        return Self.calendar(ICalendarFeed(name: schedule.name, events: events), stamp: now)
    }

    /// `GET /v1/mentors/{id}/shifts.ics`: one mentor's shifts across every schedule, as an iCalendar feed.
    @Sendable func mentorFeed(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let roster = environment.settings().roster
        let id = MentorID(try context.parameters.require("id"))
        guard let mentor = roster.mentors[id] else { throw Problem.notFound("There is no mentor \(id).") }
        let now = environment.now()
        let (from, to) = Self.feedRange(now: now)
        let overrides = try await environment.store.overrides(schedule: nil, endingAfter: from)
        var events: [CalendarEvent] = []
        for schedule in roster.schedules.values.sorted(by: { $0.id < $1.id }) {
            let shifts = Self.feedShifts(schedule, from: from, to: to, overrides: overrides).filter { $0.mentor == id }
            events += schedule.calendarEvents(shifts: shifts, mentorNames: roster.mentorNames)
        }
        events.sort { ($0.start, $0.uid) < ($1.start, $1.uid) }
        return Self.calendar(ICalendarFeed(name: "Vagter: \(mentor.name)", events: events), stamp: now)
    }

    /// `POST /v1/schedules/{id}/overrides` (admin): put a mentor on call for a window.
    @Sendable func addOverride(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let admin = try requireAdmin(request)
        let (schedule, roster) = try scheduleParameter(context)
        let body = try decodeJSON(OverrideRequest.self, from: try await collectBody(request))
        var problems: [FieldProblem] = []
        if roster.mentors[MentorID(body.mentor)] == nil { problems.append(FieldProblem(field: "mentor", reason: "is not a mentor in the roster")) }
        if let replacing = body.replacing, roster.mentors[MentorID(replacing)] == nil {
            problems.append(FieldProblem(field: "replacing", reason: "is not a mentor in the roster"))
        }
        let start = InstantParsing.parse(body.start, in: schedule.timeZone)
        let end = InstantParsing.parse(body.end, in: schedule.timeZone)
        if start == nil { problems.append(FieldProblem(field: "start", reason: "must be a time such as 2026-11-23T08:00 or 2026-11-23T08:00:00+01:00")) }
        if end == nil { problems.append(FieldProblem(field: "end", reason: "must be a time such as 2026-11-24T08:00 or 2026-11-24T08:00:00+01:00")) }
        if let start, let end, end <= start { problems.append(FieldProblem(field: "end", reason: "must be after start")) }
        if let start, let end, end.timeIntervalSince(start) > Self.longestShiftSpan {
            problems.append(FieldProblem(field: "end", reason: "an override may span at most 92 days"))
        }
        if let note = body.note, note.count > 200 { problems.append(FieldProblem(field: "note", reason: "may be at most 200 characters")) }
        guard problems.isEmpty, let start, let end else { throw Problem.invalidFields(problems) }
        let now = environment.now()
        let override = ScheduleOverride(
            id: environment.store.makeOverrideID(at: now), schedule: schedule.id, mentor: MentorID(body.mentor), start: start, end: end,
            replacing: body.replacing.map(MentorID.init), note: body.note.map(CPRMasking.masked), createdAt: now, createdBy: "admin:\(admin)"
        )
        try await environment.store.addOverride(override)
        environment.logger.notice("Schedule override added.", metadata: ["schedule": "\(schedule.id)", "override": "\(override.id)", "actor": "admin:\(admin)"])
        environment.wakeDispatcher()
        return try JSONResponse.make(OverrideView(override), status: .created)
    }

    /// `GET /v1/schedules/{id}/overrides` (admin): overrides not over yet.
    @Sendable func listOverrides(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try requireAdmin(request)
        let (schedule, _) = try scheduleParameter(context)
        let overrides = try await environment.store.overrides(schedule: schedule.id, endingAfter: environment.now())
        return try JSONResponse.make(["overrides": overrides.map(OverrideView.init)])
    }

    /// `DELETE /v1/schedules/{id}/overrides/{override}` (admin).
    @Sendable func removeOverride(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let admin = try requireAdmin(request)
        let (schedule, _) = try scheduleParameter(context)
        let id = OverrideID(try context.parameters.require("override"))
        guard try await environment.store.removeOverride(id, of: schedule.id, by: "admin:\(admin)", now: environment.now()) else {
            throw Problem.notFound("Schedule \(schedule.id) has no override \(id).")
        }
        environment.logger.notice("Schedule override removed.", metadata: ["schedule": "\(schedule.id)", "override": "\(id)", "actor": "admin:\(admin)"])
        return Response(status: .noContent)
    }

    /// Feeds cover a week back and eight weeks ahead.
    static func feedRange(now: Date) -> (Date, Date) {
        (now.addingTimeInterval(-7 * 86400), now.addingTimeInterval(56 * 86400))
    }

    /// The shifts of a feed. The first is not cut at the range's start, so its UID stays the same
    /// from one request to the next.
    static func feedShifts(_ schedule: Schedule, from: Date, to: Date, overrides: [ScheduleOverride]) -> [Shift] {
        let start = schedule.onCall(at: from, overrides: overrides).map { max($0.start, from.addingTimeInterval(-92 * 86400)) } ?? from
        return schedule.shifts(from: start, to: to, overrides: overrides)
    }

    // MARK: Parameters

    func scheduleParameter(_ context: BasicRequestContext) throws -> (Schedule, Roster) {
        let roster = environment.settings().roster
        let id = ScheduleID(try context.parameters.require("id"))
        guard let schedule = roster.schedules[id] else { throw Problem.notFound("There is no schedule \(id).") }
        return (schedule, roster)
    }

    func instantParameter(_ request: Request, _ name: String, in timeZone: TimeZone) throws -> Date? {
        guard let text = request.uri.queryParameters[name[...]] else { return nil }
        guard let instant = InstantParsing.parse(String(text), in: timeZone) else {
            throw Problem.invalidFields([FieldProblem(field: name, reason: "must be a time such as 2026-11-23T08:00, 2026-11-23T07:00Z or 2026-11-23")])
        }
        return instant
    }

    /// `from` (default now) and `to` (default 14 days later), at most 92 days apart.
    func rangeParameters(_ request: Request, in timeZone: TimeZone) throws -> (Date, Date) {
        let from = try instantParameter(request, "from", in: timeZone) ?? environment.now()
        let to = try instantParameter(request, "to", in: timeZone) ?? from.addingTimeInterval(14 * 86400)
        guard to > from else { throw Problem.invalidFields([FieldProblem(field: "to", reason: "must be after from")]) }
        guard to.timeIntervalSince(from) <= Self.longestShiftSpan else {
            throw Problem.invalidFields([FieldProblem(field: "to", reason: "may be at most 92 days after from")])
        }
        return (from, to)
    }

    /// The admin token's name, or a 403.
    func requireAdmin(_ request: Request) throws -> String {
        guard case .admin(let name) = try authenticate(request) else { throw Problem.forbidden("This takes an admin token.") }
        return name
    }

    static func calendar(_ feed: ICalendarFeed, stamp: Date) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/calendar; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: feed.rendered(stamp: stamp)))
        )
    }
}

extension Roster {
    var mentorNames: [MentorID: String] { mentors.mapValues(\.name) }
}
