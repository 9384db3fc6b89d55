import Hummingbird

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
        // Configured tokens first, then those made through the API; both are found by the same digest.
        let digest = TokenTable.digest(of: String(parts[1]))
        guard let principal = environment.settings().tokens.principal(forDigest: digest)
            ?? environment.storedTokens.principal(forDigest: digest, now: environment.now())
        else {
            throw Problem.unauthorized("The bearer token is not valid.")
        }
        return principal
    }
}
