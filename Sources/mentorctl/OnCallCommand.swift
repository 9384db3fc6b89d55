import ArgumentParser
import MentorlineControl

/// `mentorctl oncall`: who is on call, now or at a time, in every schedule or one.
struct OnCallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oncall",
        abstract: "Show who is on call in every schedule (or one), now or at a time.",
        discussion: """
            For each schedule: the mentor on call, since and until when, and whether a rotation layer or an \
            override put them there. Any valid token will do.

            Examples:
              mentorctl oncall
              mentorctl oncall --at 2026-11-23T08:00 --schedule mentor-oncall --json
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(
        help: ArgumentHelp(
            "The time to ask about, read in each schedule's time zone: 2026-11-23T08:00, 2026-11-23T07:00Z, "
                + "2026-11-23T08:00+01:00 or 2026-11-23 (default: now).",
            valueName: "time")
    )
    var at: String?

    @Option(help: ArgumentHelp("Only this schedule.", valueName: "id"))
    var schedule: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() async throws {
        try await CommandOutput.run { () async throws(ControlError) in
            try await ControlCommands.onCall(
                at: at, schedule: schedule, format: json ? .json : .text, connection: try connection.connection())
        }
    }
}
