import ArgumentParser

/// `mentorctl`: operate Mentorline from the shell: check the config, test routing, see who is on
/// call, manage schedule overrides, webhook endpoints, failed deliveries and API tokens, take care of the data
/// (backup, export, purge), receive webhooks locally.
@main
struct Mentorctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentorctl",
        abstract: "Operate Mentorline: check configuration, status and queue, test routing, on-call and overrides, API tokens, letters, cases and templates, endpoints and deliveries, data care, receive webhooks.",
        subcommands: [
            CheckConfigCommand.self, StatusCommand.self, QueueCommand.self, RoutesCommand.self, OnCallCommand.self, OverrideCommand.self, LettersCommand.self,
            CaseCommand.self, TemplatesCommand.self, EndpointsCommand.self, DeliveriesCommand.self, TokenCommand.self, CafeCommand.self,
            BackupCommand.self, ExportCommand.self, PurgeCommand.self, ListenCommand.self,
        ]
    )
}
