import Foundation
import MentorlineDelivery

/// Talks JSON to the daemon's API over libcurl (``CurlClient``), one client per command, lent to a
/// closure. Every failure becomes a one-line ``ControlError``: the daemon's problem document
/// (RFC 9457: `title`, `detail`, `invalid-params`) for an error status, the transport's reason when
/// the daemon cannot be reached.
package struct DaemonClient: Sendable {
    package let connection: DaemonConnection
    private let http: CurlClient

    static let configuration = CurlClientConfiguration(
        connectTimeout: .seconds(5), totalTimeout: .seconds(30), maxResponseBodyBytes: 8 * 1024 * 1024,
        maxConnectionsPerHost: 2, maxConnectionsTotal: 2, userAgent: "mentorctl"
    )

    /// Lends a client for `connection` to `body`; the libcurl client is shut down afterwards.
    ///
    /// - Parameter timeout: how long one request may take, when longer than the default 30 s (a backup).
    package static func with<Result: Sendable>(
        _ connection: DaemonConnection, timeout: Duration? = nil, _ body: (DaemonClient) async throws -> Result
    ) async throws -> Result {
        var configuration = Self.configuration
        if let timeout { configuration.totalTimeout = timeout }
        do {
            return try await CurlClient.withClient(configuration: configuration) { http in
                try await body(DaemonClient(connection: connection, http: http))
            }
        } catch let error as CurlError {
            throw ControlError(.unreachable, "mentorctl cannot use libcurl (\(error)).")
        }
    }

    // MARK: Requests

    func get<Answer: Decodable>(_ path: [String], query: [(String, String)] = [], as type: Answer.Type) async throws -> Answer {
        try decode(type, from: try await send(.get, path, query: query), method: .get, path: path)
    }

    func post<Answer: Decodable>(_ path: [String], json body: some Encodable, as type: Answer.Type) async throws -> Answer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let bytes = Array(try encoder.encode(body))
        return try decode(type, from: try await send(.post, path, body: bytes), method: .post, path: path)
    }

    /// `POST` with an empty JSON object, decoded as `type`, with the body as the daemon sent it.
    func postWithBody<Answer: Decodable>(_ path: [String], as type: Answer.Type) async throws -> (answer: Answer, body: [UInt8]) {
        let body = try await send(.post, path, body: Array("{}".utf8))
        return (try decode(type, from: body, method: .post, path: path), body)
    }

    /// `POST` with `body` as JSON, decoded as `type`, with the answer's body as the daemon sent it.
    func postWithBody<Answer: Decodable>(_ path: [String], json body: some Encodable, as type: Answer.Type) async throws -> (answer: Answer, body: [UInt8]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let answer = try await send(.post, path, body: Array(try encoder.encode(body)))
        return (try decode(type, from: answer, method: .post, path: path), answer)
    }

    func delete(_ path: [String]) async throws {
        _ = try await send(.delete, path)
    }

    /// `GET`, decoded as `type`, with the body as the daemon sent it (`--json` passes it through).
    ///
    /// - Parameter notFound: the line for a 404 that the daemon itself answered (a problem document with a
    ///   detail); any other 404 keeps the general line, which asks whether the URL is a Mentorline daemon's.
    func getWithBody<Answer: Decodable>(
        _ path: [String], query: [(String, String)] = [], as type: Answer.Type, notFound: (@Sendable (_ detail: String) -> String)? = nil
    ) async throws -> (answer: Answer, body: [UInt8]) {
        let body = try await send(.get, path, query: query, notFound: notFound)
        return (try decode(type, from: body, method: .get, path: path), body)
    }

    /// Sends one request and returns the body of a 2xx answer; anything else throws.
    private func send(
        _ method: HTTPMethod, _ path: [String], query: [(String, String)] = [], body: [UInt8] = [],
        notFound: (@Sendable (_ detail: String) -> String)? = nil
    ) async throws -> [UInt8] {
        var headers = [
            HTTPPostRequest.Header(name: "Authorization", value: "Bearer \(connection.token)"),
            HTTPPostRequest.Header(name: "Accept", value: "application/json, application/problem+json"),
        ]
        if !body.isEmpty { headers.append(HTTPPostRequest.Header(name: "Content-Type", value: "application/json")) }
        let request = HTTPPostRequest(url: connection.baseURL + Self.target(path, query: query), headers: headers, body: body)
        let response: HTTPPostResponse
        do {
            response = try await http.send(method, request)
        } catch let error as CurlError {
            throw self.error(for: error)
        }
        guard (200..<300).contains(response.status) else {
            if response.status == 404, let notFound,
               let detail = (try? JSONDecoder().decode(ProblemDocument.self, from: Data(response.body)))?.detail, !detail.isEmpty {
                throw ControlError(.refused(status: 404), notFound(Self.clean(detail)))
            }
            throw Self.refusal(status: response.status, body: response.body, method: method, path: path, baseURL: connection.baseURL)
        }
        guard !response.bodyWasTruncated else {
            throw ControlError(.unexpectedResponse, "\(method.rawValue) \(Self.target(path)) answered more than mentorctl reads (8 MiB).")
        }
        return response.body
    }

    private func decode<Answer: Decodable>(_ type: Answer.Type, from body: [UInt8], method: HTTPMethod, path: [String]) throws -> Answer {
        do {
            return try JSONOutput.decoder().decode(type, from: Data(body))
        } catch {
            throw ControlError(
                .unexpectedResponse,
                "\(method.rawValue) \(Self.target(path)) answered with JSON this mentorctl does not understand; is the daemon the same version?"
            )
        }
    }

    // MARK: Errors

    private func error(for error: CurlError) -> ControlError {
        switch error.code {
        case .transport(let curlCode, let message):
            return ControlError(.unreachable, "Cannot reach the Mentorline daemon at \(connection.baseURL): \(message) (curl error \(curlCode)).")
        case .invalidURL, .unsupportedScheme:
            return ControlError(.usage, "The daemon URL \(connection.baseURL) is not a valid http:// or https:// URL.")
        case .invalidHeader:
            return ControlError(.token, "The token contains a line break or a NUL character; check the token file or MENTORLINE_TOKEN.")
        case .clientShutDown, .initializationFailed:
            return ControlError(.unreachable, "mentorctl cannot use libcurl (\(error)).")
        }
    }

    /// `POST /v1/schedules/x/overrides answered 422 The request has invalid fields: … (end: must be after start)`.
    static func refusal(status: Int, body: [UInt8], method: HTTPMethod, path: [String], baseURL: String) -> ControlError {
        var line = "\(method.rawValue) \(target(path)) answered \(status)"
        var detail: String?
        if let problem = try? JSONDecoder().decode(ProblemDocument.self, from: Data(body)) {
            // A detail that points at invalid-params is no sentence of its own: commands keep the whole line then.
            if problem.invalidParams?.isEmpty ?? true { detail = problem.detail.map(Self.clean).flatMap { $0.isEmpty ? nil : $0 } }
            if let title = problem.title, !title.isEmpty { line += " \(Self.clean(title))" }
            if let detail = problem.detail, !detail.isEmpty { line += ": \(Self.clean(detail))" }
            if let invalid = problem.invalidParams, !invalid.isEmpty {
                line += " (" + invalid.map { "\(Self.clean($0.name ?? "?")): \(Self.clean($0.reason ?? "is invalid"))" }.joined(separator: "; ") + ")"
            }
        } else {
            line += " (not a problem document; is \(baseURL) a Mentorline daemon?)"
        }
        if status == 401 { line += " Check --token-file or MENTORLINE_TOKEN." }
        return ControlError(.refused(status: status), line, detail: detail)
    }

    // MARK: URLs

    /// `/v1/schedules/mentor-oncall/oncall?at=2026-11-23T08%3A00%2B01%3A00`: each path segment and query
    /// value percent-encoded (a `+` in an offset must not read as a space).
    static func target(_ path: [String], query: [(String, String)] = []) -> String {
        var text = path.isEmpty ? "/" : path.map { "/" + percentEncoded($0) }.joined()
        if !query.isEmpty {
            text += "?" + query.map { "\(percentEncoded($0.0))=\(percentEncoded($0.1))" }.joined(separator: "&")
        }
        return text
    }

    /// RFC 3986 unreserved characters stay; every other byte is `%XX`.
    static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return result
    }

    /// Control characters from the daemon become spaces: the message goes to a terminal.
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }
}

/// An RFC 9457 problem document as the daemon sends it; everything optional so that any error body
/// still reads.
struct ProblemDocument: Decodable {
    struct InvalidParam: Decodable {
        var name: String?
        var reason: String?
    }

    var type: String?
    var title: String?
    var status: Int?
    var detail: String?
    var invalidParams: [InvalidParam]?

    enum CodingKeys: String, CodingKey {
        case type, title, status, detail
        case invalidParams = "invalid-params"
    }
}
