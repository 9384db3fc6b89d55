import Crypto
import Foundation
import Hummingbird
import HTTPTypes
import Logging
import MentorlineCore
import MentorlineStore

extension MentorlineAPI {
    /// Longest accepted `Idempotency-Key`.
    static let idempotencyKeyLimit = 255

    /// `POST /v1/cases`: validate, store durably (group commit), answer 202 with the case id.
    @Sendable func registerCase(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let principal = try authenticate(request)
        let actor: String
        switch principal {
        case .intake, .admin: actor = principal.auditName
        case .mentor, .volunteer: throw Problem.forbidden("Registering cases takes an intake or admin token.")
        }
        let body: ByteBuffer
        let intakeRequest: IntakeRequest
        do {
            body = try await collectBody(request)
            intakeRequest = try decodeJSON(IntakeRequest.self, from: body)
        } catch let problem as Problem {
            throw refusedIntake(problem, actor: actor)
        }
        let intake: CaseIntake
        switch intakeRequest.validated() {
        case .success(let valid): intake = valid
        case .failure(let rejection): throw refusedIntake(Problem.invalidFields(rejection.problems), actor: actor)
        }

        var claim: IdempotencyClaim?
        if let key = request.headers[.idempotencyKey] {
            guard !key.isEmpty, key.utf8.count <= Self.idempotencyKeyLimit, key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
                throw refusedIntake(
                    Problem.invalidFields([FieldProblem(field: "Idempotency-Key", reason: "must be 1 to \(Self.idempotencyKeyLimit) visible ASCII characters")]),
                    actor: actor
                )
            }
            claim = IdempotencyClaim(scope: actor, key: key, bodyDigest: Array(SHA256.hash(data: Data(body.readableBytesView))))
        }

        let now = environment.now()
        let submission = try IntakeSubmission(
            caseID: IdentifierGenerator().make(CaseKind.self, at: now), intake: intake, actor: actor, receivedAt: now, idempotency: claim
        )
        let outcome: IntakeOutcome
        do {
            outcome = try await environment.committer.submit(submission)
        } catch let error as StoreError where error.code == .shuttingDown {
            throw Problem.unavailable("Mentorline is shutting down; send the case again in a moment.")
        } catch {
            environment.logger.error("Intake could not be stored.", metadata: ["error": "\(String(describing: error))"])
            throw Problem.unavailable("The case could not be stored; it was not registered. Send it again.")
        }

        switch outcome {
        case .created(let id, let receivedAt):
            environment.logger.info("Case registered.", metadata: ["case": "\(id)", "actor": "\(actor)", "outcome": "created"])
            return try accepted(id: id, receivedAt: receivedAt, replayed: false)
        case .replayed(let id, let receivedAt):
            environment.logger.info("Intake replayed; answering with the case it made.", metadata: ["case": "\(id)", "actor": "\(actor)", "outcome": "replayed"])
            return try accepted(id: id, receivedAt: receivedAt, replayed: true)
        case .idempotencyConflict(let id):
            throw refusedIntake(Problem(
                .unprocessableContent, type: Problem.typeBase + "idempotency-key-reused", title: "Idempotency-Key already used",
                detail: "This Idempotency-Key was used for case \(id) with a different body. Use a new key for a new case."
            ), actor: actor)
        }
    }

    private func accepted(id: CaseID, receivedAt: Date, replayed: Bool) throws -> Response {
        let statusURL = "\(environment.settings().publicURL)/v1/cases/\(id)"
        var headers: HTTPFields = [.location: statusURL]
        if replayed { headers[.idempotentReplayed] = "true" }
        return try JSONResponse.make(
            IntakeAccepted(id: id, state: .received, receivedAt: receivedAt, statusUrl: statusURL), status: .accepted, headers: headers
        )
    }

    /// `GET /v1/cases/{id}`: state and whole history. Intake and admin tokens see any case; a mentor
    /// sees the cases they were offered; a volunteer none (they see their bookings).
    @Sendable func showCase(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let principal = try requireHotline(request)
        let id = CaseID(try context.parameters.require("id"))
        guard let details = try await environment.store.caseDetails(id) else {
            throw Problem.notFound("There is no case \(id).")
        }
        if case .mentor(let mentor) = principal, !details.tasks.contains(where: { $0.mentor == mentor }) {
            throw Problem.forbidden("Case \(id) was not offered to you.")
        }
        var view = CaseView(details)
        view.bookings = try await environment.store.bookings(of: id).map(BookingView.init)
        view.talkRegistrations = try await environment.store.talkRegistrations(of: id).map(RegistrationView.init)
        return try JSONResponse.make(view)
    }
}

extension HTTPField.Name {
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    static let idempotentReplayed = HTTPField.Name("Idempotent-Replayed")!
}

struct IntakeAccepted: Encodable {
    var id: CaseID
    var state: CaseState
    var receivedAt: Date
    var statusUrl: String
}
