import ArgumentParser
import Foundation
import MentorlineConfig
import MentorlineCore

/// `mentorctl check-config [DIR]`: loads the configuration as the daemon would and reports every problem.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a configuration directory (mentorline.yaml, roster.yaml and the files they name).",
        discussion: """
            Prints every problem as file:line:column: message and exits 1, or prints a one-line summary \
            and exits 0. Secret and token files are read (honouring CREDENTIALS_DIRECTORY) but never printed. \
            With --json: one object, {"valid": true, "counts": {...}} or {"valid": false, "errors": [{"file", \
            "line", "column", "message"}]}, and the same exit status.
            """
    )

    @Argument(help: "The configuration directory.")
    var directory: String = "Config"

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        let configuration: MentorlineConfiguration
        do {
            configuration = try ConfigurationLoader(directory: url).load()
        } catch {
            if json {
                print(Self.render(CheckResult(valid: false, directory: directory, errors: error.errors.map(CheckResult.Problem.init))))
            } else {
                for problem in error.errors {
                    print(problem)
                }
                print(Self.count(error.errors.count, "error"))
            }
            throw ExitCode(1)
        }
        if json {
            print(Self.render(CheckResult(valid: true, directory: directory, counts: Self.counts(of: configuration))))
        } else {
            print(Self.summary(of: configuration))
        }
    }

    /// What `--json` prints.
    struct CheckResult: Encodable {
        struct Problem: Encodable {
            var file: String
            var line: Int
            var column: Int
            var message: String

            init(_ error: ConfigurationError) {
                file = error.file
                line = error.line
                column = error.column
                message = error.message
            }
        }

        var valid: Bool
        var directory: String
        var counts: [String: Int]?
        var errors: [Problem]?
    }

    static func counts(of configuration: MentorlineConfiguration) -> [String: Int] {
        let roster = configuration.roster
        return [
            "mentors": roster.mentors.count, "teams": roster.teams.count, "schedules": roster.schedules.count,
            "policies": roster.policies.count, "routes": roster.routes.count, "endpoints": configuration.delivery.endpoints.count,
            "cafes": roster.cafes.cafes.count, "volunteers": roster.cafes.volunteers.count, "talks": roster.cafes.talks.count,
        ]
    }

    static func render(_ result: CheckResult) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return (try? encoder.encode(result)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// `Config OK: 6 mentors, 2 teams, 1 schedule, 3 policies, 4 routes, 2 endpoints, 1 café, 4 volunteers, 2 talks`.
    static func summary(of configuration: MentorlineConfiguration) -> String {
        let roster = configuration.roster
        return "Config OK: " + [
            count(roster.mentors.count, "mentor"),
            count(roster.teams.count, "team"),
            count(roster.schedules.count, "schedule"),
            count(roster.policies.count, "policy", plural: "policies"),
            count(roster.routes.count, "route"),
            count(configuration.delivery.endpoints.count, "endpoint"),
            count(roster.cafes.cafes.count, "café"),
            count(roster.cafes.volunteers.count, "volunteer"),
            count(roster.cafes.talks.count, "talk"),
        ].joined(separator: ", ")
    }

    static func count(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }
}
