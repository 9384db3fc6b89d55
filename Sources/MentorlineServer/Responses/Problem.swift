package import Hummingbird
package import HTTPTypes
import Foundation
package import MentorlineCore

/// An RFC 9457 problem document: every error the API returns is one of these, built in one place.
package struct Problem: HTTPResponseError, Sendable {
    package var status: HTTPResponse.Status
    /// A URI naming the kind of problem; `about:blank` when the status says it all.
    package var type: String
    package var title: String
    package var detail: String?
    package var invalidParams: [FieldProblem]
    package var headers: HTTPFields

    package init(
        _ status: HTTPResponse.Status, type: String = "about:blank", title: String? = nil, detail: String? = nil,
        invalidParams: [FieldProblem] = [], headers: HTTPFields = [:]
    ) {
        self.status = status
        self.type = type
        self.title = title ?? status.reasonPhrase
        self.detail = detail
        self.invalidParams = invalidParams
        self.headers = headers
    }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        var object: [String: Any] = ["type": type, "title": title, "status": Int(status.code)]
        if let detail { object["detail"] = detail }
        if !invalidParams.isEmpty {
            object["invalid-params"] = invalidParams.map { ["name": $0.field, "reason": $0.reason] }
        }
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension Problem {
    static let typeBase = "https://mentorline.dk/problems/"

    static func unauthorized(_ detail: String) -> Problem {
        Problem(.unauthorized, type: typeBase + "unauthorized", detail: detail, headers: [.wwwAuthenticate: "Bearer realm=\"mentorline\""])
    }

    static func forbidden(_ detail: String) -> Problem {
        Problem(.forbidden, type: typeBase + "forbidden", detail: detail)
    }

    static func notFound(_ detail: String) -> Problem {
        Problem(.notFound, type: typeBase + "not-found", detail: detail)
    }

    static func invalidFields(_ problems: [FieldProblem]) -> Problem {
        Problem(
            .unprocessableContent, type: typeBase + "invalid-fields", title: "The request has invalid fields",
            detail: "Correct the fields named in invalid-params and send the request again.", invalidParams: problems
        )
    }

    static func malformedJSON(_ detail: String, field: String? = nil) -> Problem {
        Problem(
            .badRequest, type: typeBase + "malformed-json", title: "The body is not the JSON this endpoint takes", detail: detail,
            invalidParams: field.map { [FieldProblem(field: $0, reason: detail)] } ?? []
        )
    }

    static func tooLarge(limit: Int) -> Problem {
        Problem(.contentTooLarge, type: typeBase + "too-large", detail: "The body may be at most \(limit) bytes.")
    }

    static func conflict(_ detail: String) -> Problem {
        Problem(.conflict, type: typeBase + "conflict", detail: detail)
    }

    static func gone(_ detail: String) -> Problem {
        Problem(.gone, type: typeBase + "gone", detail: detail)
    }

    static func badRequest(_ detail: String) -> Problem {
        Problem(.badRequest, type: typeBase + "bad-request", detail: detail)
    }

    static func unavailable(_ detail: String) -> Problem {
        Problem(.serviceUnavailable, type: typeBase + "unavailable", detail: detail, headers: [.retryAfter: "5"])
    }
}
