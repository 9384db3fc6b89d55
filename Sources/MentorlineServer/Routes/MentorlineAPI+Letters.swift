import Foundation
import Hummingbird
import MentorlineCore
import MentorlineStore

extension MentorlineAPI {
    struct NextLetterView: Encodable {
        var at: Date
        var recipient: RecipientKind
        /// The first instant at or after `at` a letter may go; absent when the policy allows none within its horizon.
        var next: Date?
        var held: Bool
        var reason: String?
        var reasonCode: String?
    }

    /// `GET /v1/letter-policy/next?at=&recipient=citizen|representative|company`: when a letter asked for
    /// at `at` (default now) would go, and what holds it. Any token but a volunteer's.
    @Sendable func nextLetterTime(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try requireHotline(request)
        let notifications = environment.settings().planner.notifications
        let at = try instantParameter(request, "at", in: notifications.timeZone) ?? environment.now()
        var kind = RecipientKind.citizen
        if let text = request.uri.queryParameters["recipient"] {
            guard let parsed = RecipientKind(rawValue: String(text)), notifications.letters.policy(for: parsed) != nil else {
                throw Problem.invalidFields([FieldProblem(field: "recipient", reason: "must be citizen, representative or company")])
            }
            kind = parsed
        }
        let schedule = notifications.letters.policy(for: kind)?.nextAllowed(atOrAfter: at)
        return try JSONResponse.make(NextLetterView(
            at: at, recipient: kind, next: schedule?.at, held: schedule?.heldBy != nil || schedule == nil,
            reason: schedule?.heldBy?.description, reasonCode: schedule?.heldBy?.code
        ))
    }

    struct TemplatePreview: Encodable {
        var event: EventType
        var caseId: CaseID?
        var text: String
        var template: String
        var language: LanguageCode
        var characters: Int
        var values: TemplateValues
    }

    /// `GET /v1/templates/{event}/preview?lang=da&case=ID`: the text a message would have, rendered with the
    /// case's values where it has them and the template's examples elsewhere. Sends nothing. Admin only.
    @Sendable func previewTemplate(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard case .admin = try authenticate(request) else { throw Problem.forbidden("Previews take an admin token.") }
        let name = try context.parameters.require("event")
        guard let event = EventType(rawValue: name) else {
            throw Problem.notFound("There is no event type '\(name)'; known: \(EventType.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        var language = LanguageCode.danish
        if let text = request.uri.queryParameters["lang"] {
            guard let parsed = LanguageCode(String(text)) else {
                throw Problem.invalidFields([FieldProblem(field: "lang", reason: "must be a language code such as da, en or uk")])
            }
            language = parsed
        }
        var caseID: CaseID?
        var details: CaseDetails?
        if let text = request.uri.queryParameters["case"] {
            caseID = CaseID(String(text))
            details = try await environment.store.caseDetails(CaseID(String(text)))
            guard details != nil else { throw Problem.notFound("There is no case \(text).") }
        }
        let notifications = environment.settings().planner.notifications
        let values = notifications.previewValues(
            event, caseID: caseID, intake: details?.intake, promisedBy: details?.promisedBy, at: environment.now()
        )
        let rendered = notifications.texts.render(event, language: language, values: values)
        return try JSONResponse.make(TemplatePreview(
            event: event, caseId: caseID, text: rendered.text, template: rendered.template, language: rendered.language,
            characters: rendered.text.count, values: values
        ))
    }
}
