import Foundation
import Hummingbird
import HTTPTypes

/// JSON bodies the API sends: snake_case keys, ISO 8601 dates, sorted keys for stable output.
enum JSONResponse {
    static func make<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var headers = headers
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }
}

extension MentorlineAPI {
    /// The request body, refused with 413 beyond the configured limit.
    func collectBody(_ request: Request) async throws -> ByteBuffer {
        let limit = environment.settings().maximumBodyBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw Problem.tooLarge(limit: limit)
        }
        do {
            return try await request.body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw Problem.tooLarge(limit: limit)
        }
    }

    /// Decodes a JSON body, turning decoding errors into a 400 problem that names the field.
    func decodeJSON<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws -> T {
        let decoder = JSONDecoder()
        do {
            return try decoder.decode(type, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw Self.problem(for: error)
        }
    }

    static func problem(for error: DecodingError) -> Problem {
        func path(_ codingPath: [any CodingKey]) -> String? {
            guard !codingPath.isEmpty else { return nil }
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
            return text
        }
        switch error {
        case .typeMismatch(let type, let context):
            return .malformedJSON("must be \(describe(type))", field: path(context.codingPath))
        case .valueNotFound(let type, let context):
            return .malformedJSON("must be \(describe(type)), not null", field: path(context.codingPath))
        case .keyNotFound(let key, let context):
            return .malformedJSON("is required", field: path(context.codingPath + [key]))
        case .dataCorrupted(let context):
            return .malformedJSON(context.codingPath.isEmpty ? "The body is not valid JSON." : "is not valid", field: path(context.codingPath))
        @unknown default:
            return .malformedJSON("The body could not be read as JSON.")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is [String].Type: "a list of strings"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: type is any Collection.Type ? "a list" : "an object"
        }
    }
}
