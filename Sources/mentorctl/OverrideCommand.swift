import ArgumentParser
import MentorlineControl

/// `mentorctl override add|list|remove`: runtime changes to on-call schedules (admin token).
struct OverrideCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "override",
        abstract: "Add, list and remove schedule overrides (takes an admin token).",
        subcommands: [Add.self, List.self, Remove.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put a mentor on call in a schedule for a window.",
            discussion: """
                Times are read in the schedule's time zone unless they carry an offset. With --replacing the \
                override applies only where the layers have that mentor on call.

                Example:
                  mentorctl override add --schedule mentor-oncall --mentor leyla-ahmadi \\
                    --from 2026-11-23T08:00 --to 2026-11-24T08:00 \\
                    --replacing amira-haddad --note "bytter vagt"
                """
        )

        @OptionGroup var connection: ConnectionOptions

        @Option(help: ArgumentHelp("The schedule.", valueName: "id"))
        var schedule: String

        @Option(help: ArgumentHelp("The mentor to put on call.", valueName: "id"))
        var mentor: String

        @Option(help: ArgumentHelp("Start: 2026-11-23T08:00, 2026-11-23T07:00Z, 2026-11-23T08:00+01:00 or 2026-11-23.", valueName: "time"))
        var from: String

        @Option(help: ArgumentHelp("End, after the start and at most 92 days later.", valueName: "time"))
        var to: String

        @Option(help: ArgumentHelp("Only replace this mentor's turns.", valueName: "id"))
        var replacing: String?

        @Option(help: ArgumentHelp("Why, in a few words (at most 200 characters; no health details).", valueName: "text"))
        var note: String?

        @Flag(help: "Print the created override as JSON.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                let draft = OverrideDraft(schedule: schedule, mentor: mentor, start: from, end: to, replacing: replacing, note: note)
                return try await ControlCommands.addOverride(draft, format: json ? .json : .text, connection: try connection.connection())
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a schedule's current and future overrides.")

        @OptionGroup var connection: ConnectionOptions

        @Option(help: ArgumentHelp("The schedule.", valueName: "id"))
        var schedule: String

        @Flag(help: "Print one JSON object instead of text.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                try await ControlCommands.listOverrides(schedule: schedule, format: json ? .json : .text, connection: try connection.connection())
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an override (its id is in `override list`).")

        @OptionGroup var connection: ConnectionOptions

        @Option(help: ArgumentHelp("The schedule.", valueName: "id"))
        var schedule: String

        @Argument(help: ArgumentHelp("The override's id (ovr_…).", valueName: "override-id"))
        var overrideID: String

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                try await ControlCommands.removeOverride(schedule: schedule, override: overrideID, connection: try connection.connection())
            }
        }
    }
}
