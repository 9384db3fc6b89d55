import Hummingbird
import MentorlineCore

extension MentorlineAPI {
    /// The caller's principal from `Authorization: Bearer …`, or a 401 problem. Revoked and expired
    /// stored tokens are as unknown as a wrong one.
    func authenticate(_ request: Request) throws -> Principal {
        guard let header = request.headers[.authorization] else {
            throw Problem.unauthorized("Send a bearer token: Authorization: Bearer <token>.")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem.unauthorized("The bearer token is not valid.")
        }
        return try principal(forToken: String(parts[1]), invalid: "The bearer token is not valid.")
    }

    /// For a calendar feed: the bearer token, or else the `token` query parameter, since calendar
    /// applications subscribe by URL and send no headers. The query is read here only; nothing logs it.
    func authenticateFeed(_ request: Request) throws -> Principal {
        if request.headers[.authorization] != nil { return try authenticate(request) }
        guard let token = request.uri.queryParameters["token"], !token.isEmpty else {
            throw Problem.unauthorized("Send a token: Authorization: Bearer <token>, or ?token=<token> in the feed's address.")
        }
        return try principal(forToken: String(token), invalid: "The token is not valid.")
    }

    /// Any principal but a volunteer, or a 403: a volunteer's token reaches the café's routes only.
    func requireHotline(_ request: Request) throws -> Principal {
        let principal = try authenticate(request)
        switch principal {
        case .intake, .mentor, .admin: return principal
        case .volunteer: throw Problem.forbidden("A volunteer's token reaches the advice café only; this takes an intake, mentor or admin token.")
        }
    }

    /// An admin, or `volunteer` themselves; a 403 for anyone else.
    func requireVolunteerOrAdmin(_ principal: Principal, volunteer: VolunteerID) throws -> Principal {
        switch principal {
        case .admin: return principal
        case .volunteer(let id) where id == volunteer: return principal
        case .volunteer: throw Problem.forbidden("This is \(volunteer)'s; a volunteer's token acts for that volunteer only.")
        case .intake, .mentor: throw Problem.forbidden("This takes \(volunteer)'s own token or an admin token.")
        }
    }

    /// Configured tokens first, then those made through the API; both are found by the same digest. A
    /// volunteer token whose volunteer is no longer in `cafe.yaml` identifies nobody there: a 403.
    private func principal(forToken token: String, invalid: String) throws -> Principal {
        let digest = TokenTable.digest(of: token)
        let settings = environment.settings()
        guard let principal = settings.tokens.principal(forDigest: digest)
            ?? environment.storedTokens.principal(forDigest: digest, now: environment.now())
        else {
            throw Problem.unauthorized(invalid)
        }
        if case .volunteer(let id) = principal, settings.roster.cafes.volunteers[id] == nil {
            throw Problem.forbidden("This token acts for volunteer \(id), who is not in cafe.yaml (any more); it grants nothing.")
        }
        return principal
    }
}
