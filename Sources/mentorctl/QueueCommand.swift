import ArgumentParser
import MentorlineControl

/// `mentorctl queue`: cases waiting for a person.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "List the cases waiting for a person, longest waiting first (takes an admin token).",
        discussion: """
            Received, routing, offered, waiting and unroutable cases: what each is about, how long it has \
            waited and who it is offered to. Never who called: see `case show ID` for one case.

            Example:
              mentorctl queue --limit 20
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "List at most this many cases (1 to 1000).")
    var limit = 100

    @Flag(help: "Print the daemon's JSON answer instead of text.")
    var json = false

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000, found \(limit).") }
    }

    func run() async throws {
        try await CommandOutput.run { () async throws(ControlError) in
            try await ControlCommands.queue(
                limit: limit, format: json ? .json : .text, connection: try connection.connection(), timeZone: connection.timeZone())
        }
    }
}
