import HTTPTypes
import Logging
import MentorlineCore

extension MentorlineAPI {
    /// The fields of a case as the intake validation names them; any other name (an unknown key the
    /// caller sent) is logged as `other`, since a key can hold anything, a name or a phone number too.
    static let intakeFieldNames: Set<String> = [
        "caller", "caller.kind", "caller.name", "caller.phone", "caller.email", "caller.organisation", "caller.cvr",
        "citizen_reference", "topics", "language", "urgency", "note",
        "representative", "representative.name", "representative.phone", "representative.email", "representative.organisation",
        "Idempotency-Key",
    ]

    /// Logs that an intake was refused, naming the fields at fault but never their values, and returns
    /// the problem to throw.
    func refusedIntake(_ problem: Problem, actor: String) -> Problem {
        var metadata: Logger.Metadata = ["actor": "\(actor)", "status": "\(problem.status.code)", "outcome": "rejected"]
        if !problem.invalidParams.isEmpty {
            metadata["fields"] = "\(Self.loggableIntakeFields(problem.invalidParams))"
        }
        environment.logger.info("Intake refused.", metadata: metadata)
        return problem
    }

    /// `caller.phone,topics[],other`: known field names, list indexes dropped, unknown names as `other`.
    static func loggableIntakeFields(_ problems: [FieldProblem]) -> String {
        var names: [String] = []
        for problem in problems {
            var field = problem.field
            var isList = false
            if let bracket = field.firstIndex(of: "["), field.hasSuffix("]") {
                field = String(field[..<bracket])
                isList = true
            }
            let name = intakeFieldNames.contains(field) ? field + (isList ? "[]" : "") : "other"
            if !names.contains(name) { names.append(name) }
        }
        return names.joined(separator: ",")
    }
}
