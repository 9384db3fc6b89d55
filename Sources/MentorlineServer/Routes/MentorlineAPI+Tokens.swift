import Foundation
import Hummingbird
import Logging
import MentorlineCore
import MentorlineStore

extension MentorlineAPI {
    /// The longest token name.
    static let tokenNameLimit = 64

    /// `POST /v1/tokens` (admin): makes a token and answers with it, the only time its text is shown.
    /// Only its SHA-256 is stored. Audited.
    @Sendable func createToken(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let admin = try requireAdminPrincipal(request)
        let body = try decodeJSON(TokenRequest.self, from: try await collectBody(request))
        let settings = environment.settings()
        let now = environment.now()

        var problems: [FieldProblem] = []
        let kind = body.kind.flatMap { StoredTokenKind(rawValue: $0) }
        if body.kind == nil {
            problems.append(FieldProblem(field: "kind", reason: "is required: one of intake, mentor, admin, volunteer"))
        } else if kind == nil {
            problems.append(FieldProblem(field: "kind", reason: "must be one of intake, mentor, admin, volunteer"))
        }
        let name = body.name ?? ""
        if body.name == nil {
            problems.append(FieldProblem(field: "name", reason: "is required: who or what holds the token, such as phone-system"))
        } else if !Self.isTokenName(name) {
            problems.append(FieldProblem(
                field: "name", reason: "must be 1 to \(Self.tokenNameLimit) letters, digits, '.', '_' or '-', starting with a letter or digit"
            ))
        }
        var mentor: MentorID?
        switch (kind, body.mentor) {
        case (.mentor, nil):
            problems.append(FieldProblem(field: "mentor", reason: "is required for a mentor token: the id of the mentor it acts for"))
        case (.mentor, let id?):
            if settings.roster.mentors[MentorID(id)] == nil {
                problems.append(FieldProblem(field: "mentor", reason: "is not a mentor in the roster"))
            } else {
                mentor = MentorID(id)
            }
        case (.intake, _?), (.admin, _?), (.volunteer, _?):
            problems.append(FieldProblem(field: "mentor", reason: "is only for mentor tokens"))
        case (.intake, nil), (.admin, nil), (.volunteer, nil), (nil, _):
            break
        }
        var volunteer: VolunteerID?
        switch (kind, body.volunteer) {
        case (.volunteer, nil):
            problems.append(FieldProblem(field: "volunteer", reason: "is required for a volunteer token: the id of the volunteer it acts for"))
        case (.volunteer, let id?):
            if settings.roster.cafes.volunteers[VolunteerID(id)] == nil {
                problems.append(FieldProblem(field: "volunteer", reason: "is not a volunteer in cafe.yaml"))
            } else {
                volunteer = VolunteerID(id)
            }
        case (.intake, _?), (.mentor, _?), (.admin, _?):
            problems.append(FieldProblem(field: "volunteer", reason: "is only for volunteer tokens"))
        case (.intake, nil), (.mentor, nil), (.admin, nil), (nil, _):
            break
        }
        var expiresAt: Date?
        if let text = body.expires {
            if let instant = InstantParsing.parse(text, in: settings.planner.notifications.timeZone) {
                if instant > now { expiresAt = instant } else { problems.append(FieldProblem(field: "expires", reason: "must be in the future")) }
            } else {
                problems.append(FieldProblem(field: "expires", reason: "must be a time such as 2027-01-01, 2026-12-31T17:00 or 2026-12-31T16:00:00Z"))
            }
        }
        guard problems.isEmpty, let kind else { throw Problem.invalidFields(problems) }
        if settings.tokens.configured.contains(where: { $0.name == name }) {
            throw Problem.conflict("A token named \(name) is configured in mentorline.yaml; choose another name.")
        }

        let secret = TokenSecret.generate()
        let token = StoredToken(
            id: IdentifierGenerator().make(APITokenIDKind.self, at: now), kind: kind, name: name, mentor: mentor, volunteer: volunteer,
            sha256: TokenTable.digest(of: secret), createdAt: now, createdBy: admin.auditName, expiresAt: expiresAt
        )
        switch try await environment.storedTokens.create(token) {
        case .created:
            break
        case .nameInUse:
            throw Problem.conflict("A token named \(name) exists already; revoke it first or choose another name.")
        }
        environment.logger.notice("API token created.", metadata: ["token": "\(token.id)", "kind": "\(kind.rawValue)", "actor": "\(admin.auditName)"])
        return try JSONResponse.make(TokenView(token, now: now, secret: secret), status: .created, headers: [.cacheControl: "no-store"])
    }

    /// `GET /v1/tokens` (admin): the configured tokens and every stored one, revoked ones too; never a
    /// token's text or digest.
    @Sendable func listTokens(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        _ = try requireAdmin(request)
        let now = environment.now()
        let configured = environment.settings().tokens.configured.map { TokenView(configured: $0.name, principal: $0.principal) }
        let stored = try await environment.storedTokens.list().map { TokenView($0, now: now) }
        return try JSONResponse.make(["tokens": configured + stored])
    }

    /// `POST /v1/tokens/{id}/revoke` (admin): the token stops working at once, for good. Configured
    /// tokens are removed from the configuration instead (409). Audited.
    @Sendable func revokeToken(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let admin = try requireAdminPrincipal(request)
        // `config:<name>` arrives as `config%3A<name>` from clients that encode every reserved character.
        let raw: String = try context.parameters.require("id")
        let id = raw.removingPercentEncoding ?? raw
        if id.hasPrefix(TokenView.configuredPrefix) {
            throw Problem.conflict(
                "Token \(id) comes from the configuration: remove it from auth.tokens in mentorline.yaml and reload (systemctl reload mentorlined)."
            )
        }
        let now = environment.now()
        switch try await environment.storedTokens.revoke(APITokenID(id), by: admin.auditName, now: now) {
        case .revoked(let token):
            environment.logger.notice("API token revoked.", metadata: ["token": "\(token.id)", "kind": "\(token.kind.rawValue)", "actor": "\(admin.auditName)"])
            return try JSONResponse.make(TokenView(token, now: now))
        case .alreadyRevoked(let token):
            throw Problem.conflict("Token \(token.id) was revoked already.")
        case .notFound:
            throw Problem.notFound("There is no token \(id).")
        }
    }

    /// The admin principal, or a 403.
    func requireAdminPrincipal(_ request: Request) throws -> Principal {
        let principal = try authenticate(request)
        guard case .admin = principal else { throw Problem.forbidden("This takes an admin token.") }
        return principal
    }

    /// Letters, digits, `.`, `_` and `-`, starting with a letter or digit: safe in logs, audit and URLs.
    static func isTokenName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= tokenNameLimit else { return false }
        func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return isAlphanumeric(first) && name.unicodeScalars.allSatisfy { isAlphanumeric($0) || ".-_".unicodeScalars.contains($0) }
    }
}
