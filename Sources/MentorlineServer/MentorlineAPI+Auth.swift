import Hummingbird

extension MentorlineAPI {
    /// The caller's principal from `Authorization: Bearer …`, or a 401 problem.
    func authenticate(_ request: Request) throws -> Principal {
        guard let header = request.headers[.authorization] else {
            throw Problem.unauthorized("Send a bearer token: Authorization: Bearer <token>.")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
              let principal = environment.settings().tokens.principal(forToken: String(parts[1]))
        else {
            throw Problem.unauthorized("The bearer token is not valid.")
        }
        return principal
    }
}
