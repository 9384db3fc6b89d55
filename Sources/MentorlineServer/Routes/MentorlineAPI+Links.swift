import Foundation
import Hummingbird
import Logging
import MentorlineCore
import MentorlineStore

extension MentorlineAPI {
    /// `GET /v1/links/{token}`: a small page asking the mentor to confirm. Opening a link never acts by
    /// itself, because chat apps and mail scanners open links to preview them.
    @Sendable func showLink(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let token = try verifiedLink(context)
        let verb = token.action == .accept ? "Tag henvendelsen" : "Afvis henvendelsen"
        return Self.page(
            title: verb,
            body: """
                <p>Opgave \(Self.escape(token.task.rawValue)) til \(Self.escape(token.mentor.rawValue)).</p>
                <form method="post"><button type="submit">\(verb)</button></form>
                """
        )
    }

    /// `POST /v1/links/{token}`: carries out the link's action as the mentor it was made for, once.
    @Sendable func useLink(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let token = try verifiedLink(context)
        let action: MentorAction = token.action == .accept ? .accept : .decline(reason: "afvist via link")
        do {
            let task = try await perform(action, on: token.task, by: .mentor(token.mentor), consumingLink: token.signature)
            let text = task.state == .accepted ? "Du har taget henvendelsen. Tak." : "Du har afvist henvendelsen. Den går videre til en kollega."
            return Self.page(title: "Tak", body: "<p>\(text)</p>")
        } catch let problem as Problem {
            return Self.page(title: "Ikke muligt", body: "<p>\(Self.escape(problem.detail ?? "Handlingen er ikke mulig nu."))</p>", status: problem.status)
        }
    }

    /// The link's token once its signature and expiry check out; 404 for anything forged or malformed,
    /// 410 once it has expired.
    func verifiedLink(_ context: BasicRequestContext) throws -> ActionLinkToken {
        let text = try context.parameters.require("token")
        guard let links = environment.settings().actionLinks, let token = ActionLinkToken(parsing: text),
              Self.constantTimeEqual(links.sign(token.signedText), token.signature)
        else { throw Problem.notFound("This link is not valid.") }
        guard token.expires > environment.now() else { throw Problem.gone("This link has expired.") }
        return token
    }

    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func page(title: String, body: String, status: HTTPResponse.Status = .ok) -> Response {
        let html = """
            <!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
            <title>Mentorline: \(escape(title))</title></head><body><h1>\(escape(title))</h1>\(body)</body></html>
            """
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
