import ArgumentParser

/// `mentorctl`: operate Mentorline from the shell: check the config, test routing, see who is on
/// call, manage schedule overrides, take care of the data (backup, export, purge), receive webhooks locally.
@main
struct Mentorctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentorctl",
        abstract: "Operate Mentorline: check configuration, test routing, on-call and overrides, data care, receive webhooks.",
        subcommands: [
            CheckConfigCommand.self, RoutesCommand.self, OnCallCommand.self, OverrideCommand.self, LettersCommand.self,
            CaseCommand.self, TemplatesCommand.self, BackupCommand.self, ExportCommand.self, PurgeCommand.self, ListenCommand.self,
        ]
    )
}
