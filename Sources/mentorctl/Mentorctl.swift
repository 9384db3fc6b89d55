import ArgumentParser

/// `mentorctl`: operate Mentorline from the shell: check the config, receive webhooks locally.
@main
struct Mentorctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentorctl",
        abstract: "Operate Mentorline: check configuration, receive and verify webhooks.",
        subcommands: [CheckConfigCommand.self, ListenCommand.self]
    )
}
