import ArgumentParser
import Foundation
import MentorlineControl

/// `mentorctl routes test`: what routing decides for a case, offline.
struct RoutesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "routes",
        abstract: "Try the routing rules of a configuration.",
        subcommands: [Test.self]
    )

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how a case would be routed: route, policy, decision, and every level's ranked mentors with reasons.",
            discussion: """
                Offline: reads the configuration directory and the case file and nothing else (no database, \
                no daemon). The case file is the JSON body of POST /v1/cases, validated as intake validates it; \
                invalid fields are listed and the exit status is 1. Nobody's open tasks, availability, last \
                offers, contact person or schedule overrides are known offline: every mentor counts as \
                available with no open tasks, and schedules follow their layers alone.

                Example:
                  mentorctl routes test --case call.json --at 2026-11-23T10:00 --config /etc/mentorline
                """
        )

        @Option(name: .customLong("case"), help: ArgumentHelp("The case, as the JSON body of POST /v1/cases.", valueName: "file.json"))
        var caseFile: String

        @Option(
            help: ArgumentHelp(
                "When to route it, in the deployment's time zone unless an offset is given: 2026-11-23T08:00, "
                    + "2026-11-23T07:00Z, 2026-11-23T08:00+01:00 or 2026-11-23 (default: now).",
                valueName: "time")
        )
        var at: String?

        @Option(
            name: .customLong("config"),
            help: ArgumentHelp(
                "Configuration directory (default: $CONFIGURATION_DIRECTORY, else /etc/mentorline, else ./Config).", valueName: "dir")
        )
        var configDirectory: String?

        @Flag(help: "Print one JSON object instead of text.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () throws(ControlError) in
                try ControlCommands.testRoute(
                    caseFile: caseFile, at: at, configDirectory: configDirectory, environment: ProcessInfo.processInfo.environment,
                    format: json ? .json : .text)
            }
        }
    }
}
