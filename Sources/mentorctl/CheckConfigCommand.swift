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
            and exits 0. Secret and token files are read (honouring CREDENTIALS_DIRECTORY) but never printed.
            """
    )

    @Argument(help: "The configuration directory.")
    var directory: String = "Config"

    func run() throws {
        let url = URL(fileURLWithPath: directory, isDirectory: true)
        let configuration: MentorlineConfiguration
        do {
            configuration = try ConfigurationLoader(directory: url).load()
        } catch {
            for problem in error.errors {
                print(problem)
            }
            print(Self.count(error.errors.count, "error"))
            throw ExitCode(1)
        }
        print(Self.summary(of: configuration))
    }

    /// `Config OK: 6 mentors, 2 teams, 1 schedule, 3 policies, 4 routes, 2 endpoints`.
    static func summary(of configuration: MentorlineConfiguration) -> String {
        let roster = configuration.roster
        return "Config OK: " + [
            count(roster.mentors.count, "mentor"),
            count(roster.teams.count, "team"),
            count(roster.schedules.count, "schedule"),
            count(roster.policies.count, "policy", plural: "policies"),
            count(roster.routes.count, "route"),
            count(configuration.delivery.endpoints.count, "endpoint"),
        ].joined(separator: ", ")
    }

    static func count(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
    }
}
