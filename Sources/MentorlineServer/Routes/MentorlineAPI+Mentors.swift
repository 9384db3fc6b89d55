import Foundation
import Hummingbird
import Logging
import MentorlineCore
import MentorlineStore

extension MentorlineAPI {
    /// `GET /v1/mentors`: every mentor with their availability and whether they are on duty now. Any
    /// valid token but a volunteer's.
    @Sendable func listMentors(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try requireHotline(request)
        let roster = environment.settings().roster
        let now = environment.now()
        let availability = try await environment.store.availability()
        let overrides = try await environment.store.overrides(schedule: nil, endingAfter: now)
        struct Item: Encodable {
            var id: MentorID
            var name: String
            var availability: Availability
            var onDuty: Bool
            var duty: String
            var capacity: Int
        }
        let items = roster.mentors.values.sorted { $0.id < $1.id }.map { mentor in
            let duty = roster.duty(of: mentor.id, at: now, overrides: overrides)
            let (onDuty, because): (Bool, String) = switch duty {
            case .onDuty(let because): (true, because)
            case .offDuty: (false, "off duty")
            }
            return Item(
                id: mentor.id, name: mentor.name, availability: availability[mentor.id]?.status ?? .available, onDuty: onDuty, duty: because,
                capacity: mentor.capacity
            )
        }
        return try JSONResponse.make(["mentors": items])
    }

    /// `PUT /v1/mentors/{id}/availability` `{"status": "available" | "away" | "off"}`: the mentor
    /// themselves, or an admin. Audited.
    @Sendable func setAvailability(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let principal = try authenticate(request)
        let id = MentorID(try context.parameters.require("id"))
        guard environment.settings().roster.mentors[id] != nil else { throw Problem.notFound("There is no mentor \(id).") }
        let actor: String
        switch principal {
        case .mentor(let mentor) where mentor == id: actor = "mentor:\(mentor)"
        case .admin(let name): actor = "admin:\(name)"
        case .mentor, .intake, .volunteer: throw Problem.forbidden("Mentors set their own availability; an admin may set anyone's.")
        }
        struct Body: Decodable { var status: String }
        let body = try decodeJSON(Body.self, from: try await collectBody(request))
        guard let status = Availability(rawValue: body.status) else {
            throw Problem.invalidFields([FieldProblem(field: "status", reason: "must be one of available, away, off")])
        }
        let now = environment.now()
        try await environment.store.setAvailability(status, of: id, by: actor, now: now)
        environment.logger.info("Availability set.", metadata: ["mentor": "\(id)", "status": "\(status.rawValue)", "actor": "\(actor)"])
        // Someone coming back may be able to take waiting work.
        environment.wakeDispatcher()
        struct View: Encodable {
            var mentor: MentorID
            var status: Availability
            var updatedAt: Date
            var updatedBy: String
        }
        return try JSONResponse.make(View(mentor: id, status: status, updatedAt: now, updatedBy: actor))
    }

    /// `GET|PUT|DELETE /v1/contact-persons/{kind}/{key}` (admin): a coordinator sees, sets or clears the
    /// contact person of a citizen (by reference) or a company (by CVR). Audited.
    func contactPerson(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let admin = try requireAdmin(request)
        let kind = try context.parameters.require("kind")
        let key = try context.parameters.require("key")
        guard let subject = ContactSubject(kind: kind, key: key) else {
            throw Problem.notFound("Contact persons are kept for citizen/{reference} and company/{CVR} (eight digits, valid check digit).")
        }
        struct View: Encodable {
            var subject: String
            var mentor: MentorID?
            var since: Date?
            var setBy: String?
        }
        let now = environment.now()
        switch request.method {
        case .put:
            struct Body: Decodable { var mentor: String }
            let body = try decodeJSON(Body.self, from: try await collectBody(request))
            let mentor = MentorID(body.mentor)
            guard environment.settings().roster.mentors[mentor] != nil else {
                throw Problem.invalidFields([FieldProblem(field: "mentor", reason: "is not a mentor in the roster")])
            }
            try await environment.store.assignContactPerson(subject, to: mentor, by: "admin:\(admin)", now: now)
            environment.logger.notice("Contact person set.", metadata: ["subject_kind": "\(subject.kind)", "mentor": "\(mentor)", "actor": "admin:\(admin)"])
        case .delete:
            guard try await environment.store.assignContactPerson(subject, to: nil, by: "admin:\(admin)", now: now) else {
                throw Problem.notFound("No contact person is set for \(subject.kind) \(subject.key).")
            }
            environment.logger.notice("Contact person cleared.", metadata: ["subject_kind": "\(subject.kind)", "actor": "admin:\(admin)"])
            return Response(status: .noContent)
        default:
            break
        }
        guard let record = try await environment.store.contactPerson(for: subject) else {
            throw Problem.notFound("No contact person is set for \(subject.kind) \(subject.key).")
        }
        return try JSONResponse.make(View(subject: subject.description, mentor: record.mentor, since: record.since, setBy: record.setBy))
    }
}

extension MentorlineAPI {
    /// `GET /v1/audit?limit=` (admin): the newest changes made outside cases' own trails (overrides,
    /// availability, contact persons, endpoints enabled or disabled, messages replayed), who made them and when.
    @Sendable func auditLog(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try requireAdmin(request)
        var limit = 100
        if let text = request.uri.queryParameters["limit"] {
            guard let value = Int(text), (1...1000).contains(value) else {
                throw Problem.invalidFields([FieldProblem(field: "limit", reason: "must be a whole number from 1 to 1000")])
            }
            limit = value
        }
        struct Entry: Encodable {
            var at: Date
            var actor: String
            var action: String
            var subject: String
            var detail: [String: String]
        }
        let entries = try await environment.store.auditLog(limit: limit).map {
            Entry(at: $0.at, actor: $0.actor, action: $0.action, subject: $0.subject, detail: $0.detail)
        }
        return try JSONResponse.make(["entries": entries])
    }
}
