import Foundation
import Hummingbird
import Logging
import MentorlineCore
import MentorlineStore

/// The body of `POST /v1/talks/{id}/registrations`.
struct TalkRegistrationBody: Decodable {
    var caseId: String?

    enum CodingKeys: String, CodingKey {
        case caseId = "case_id"
    }
}

extension MentorlineAPI {
    /// `GET /v1/talks`: every talk with its seats, seats taken and waiting list length. Any valid token.
    @Sendable func listTalks(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try authenticate(request)
        let directory = environment.settings().roster.cafes
        struct TalkView: Encodable {
            var id: TalkID
            var cafe: CafeID
            var title: String
            var start: Date
            var end: Date
            var seats: Int
            var seated: Int
            var waiting: Int
        }
        var talks: [TalkView] = []
        for talk in directory.talks.values.sorted(by: { ($0.date, $0.from, $0.id) < ($1.date, $1.from, $1.id) }) {
            guard let cafe = directory.cafes[talk.cafe] else { continue }
            let registrations = try await environment.store.registrations(talk: talk.id)
            let (start, end) = talk.interval(in: cafe.timeZone)
            talks.append(TalkView(
                id: talk.id, cafe: cafe.id, title: talk.title, start: start, end: end, seats: talk.seats,
                seated: registrations.filter { $0.state == .seated }.count, waiting: registrations.filter { $0.state == .waiting }.count
            ))
        }
        return try JSONResponse.make(["talks": talks])
    }

    /// `POST /v1/talks/{id}/registrations` (intake or admin) `{"case_id": …}`: a seat for the case's
    /// citizen, or a place on the waiting list of a full talk; the citizen is told which.
    @Sendable func registerForTalk(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let actor = try requireStaff(request)
        let id = TalkID(try context.parameters.require("id"))
        guard environment.settings().roster.cafes.talks[id] != nil else { throw Problem.notFound("There is no talk \(id).") }
        let body = try decodeJSON(TalkRegistrationBody.self, from: try await collectBody(request))
        guard let caseText = body.caseId, !caseText.isEmpty else {
            throw Problem.invalidFields([FieldProblem(field: "case_id", reason: "is required: the case of the citizen to register")])
        }
        let planner = environment.settings().planner
        let now = environment.now()
        let result = try await environment.store.registerForTalk(id, caseID: CaseID(caseText), now: now) { snapshot, registrations in
            planner.registerForTalk(snapshot, talk: id, registrations: registrations, by: actor, now: now)
        }
        let registration = try registrationResult(result, notFound: "There is no case \(caseText).")
        environment.logger.info("Talk registration.", metadata: ["talk": "\(id)", "registration": "\(registration.id)", "state": "\(registration.state.rawValue)"])
        environment.wakeDispatcher()
        return try JSONResponse.make(RegistrationView(registration), status: .created)
    }

    /// `POST /v1/talk-registrations/{id}/cancel` (intake or admin): a reminder not yet sent is withdrawn;
    /// the seat goes to the longest waiting, who is told (and reminded, if there is still time).
    @Sendable func cancelTalkRegistration(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let actor = try requireStaff(request)
        let id = RegistrationID(try context.parameters.require("id"))
        let planner = environment.settings().planner
        let now = environment.now()
        let result = try await environment.store.cancelTalkRegistration(id, now: now) { registration, registrations, next, reminderPending in
            planner.cancelTalkRegistration(
                registration, registrations: registrations, next: next, reminderPending: reminderPending, by: actor, now: now
            )
        }
        let registration = try registrationResult(result, notFound: "There is no talk registration \(id).")
        environment.wakeDispatcher()
        return try JSONResponse.make(RegistrationView(registration))
    }

    private func registrationResult(_ result: TalkActionResult, notFound: String) throws -> TalkRegistration {
        switch result {
        case .applied(let registration): return registration
        case .notFound: throw Problem.notFound(notFound)
        case .refused(let refusal):
            switch refusal.kind {
            case .conflict: throw Problem.conflict(refusal.message)
            case .invalid: throw Problem.invalidFields([FieldProblem(field: "talk", reason: refusal.message)])
            case .notYours: throw Problem.forbidden(refusal.message)
            }
        }
    }
}

/// A talk registration as the API shows it.
struct RegistrationView: Encodable {
    var id: RegistrationID
    var talk: TalkID
    var caseId: CaseID
    var state: RegistrationState
    var createdAt: Date
    var updatedAt: Date

    init(_ registration: TalkRegistration) {
        id = registration.id
        talk = registration.talk
        caseId = registration.caseID
        state = registration.state
        createdAt = registration.createdAt
        updatedAt = registration.updatedAt
    }
}
