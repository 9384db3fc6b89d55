package import Foundation
package import MentorlineCore

/// A case as a JSON file, the same body as `POST /v1/cases`, read and validated exactly as intake does.
package enum CaseFile {
    /// The validated case, or every field problem (a body that is not JSON, or has a field of the
    /// wrong type, gives one problem, as the daemon's 400 answer names it).
    ///
    /// - Throws: ``ControlError`` when the file cannot be read.
    package static func read(_ path: String) throws(ControlError) -> Result<CaseIntake, IntakeRejection> {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ControlError(.usage, "Cannot read the case file \(path).")
        }
        return validate(data)
    }

    package static func validate(_ data: Data) -> Result<CaseIntake, IntakeRejection> {
        let request: IntakeRequest
        do {
            request = try JSONDecoder().decode(IntakeRequest.self, from: data)
        } catch let error as DecodingError {
            return .failure(IntakeRejection(problems: [problem(for: error)]))
        } catch {
            return .failure(IntakeRejection(problems: [FieldProblem(field: "(body)", reason: "could not be read as JSON")]))
        }
        return request.validated()
    }

    /// The field a decoding error is about and why, worded as the daemon words its 400 answers.
    static func problem(for error: DecodingError) -> FieldProblem {
        func path(_ codingPath: [any CodingKey]) -> String {
            guard !codingPath.isEmpty else { return "(body)" }
            var text = ""
            for key in codingPath {
                if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
            }
            return text
        }
        func describe(_ type: Any.Type) -> String {
            switch type {
            case is String.Type: "a string"
            case is [String].Type: "a list of strings"
            case is Int.Type, is Double.Type: "a number"
            case is Bool.Type: "true or false"
            default: type is any Collection.Type ? "a list" : "an object"
            }
        }
        switch error {
        case .typeMismatch(let type, let context):
            return FieldProblem(field: path(context.codingPath), reason: "must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return FieldProblem(field: path(context.codingPath), reason: "must be \(describe(type)), not null")
        case .keyNotFound(let key, let context):
            return FieldProblem(field: path(context.codingPath + [key]), reason: "is required")
        case .dataCorrupted(let context):
            return FieldProblem(field: path(context.codingPath), reason: context.codingPath.isEmpty ? "is not valid JSON" : "is not valid")
        @unknown default:
            return FieldProblem(field: "(body)", reason: "could not be read as JSON")
        }
    }
}
