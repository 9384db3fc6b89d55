import ArgumentParser

/// `mentorctl`: operate Mentorline from the shell: check the config, test routing, see who is on
/// call, manage schedule overrides, webhook endpoints and failed deliveries, receive webhooks locally.
@main
struct Mentorctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentorctl",
        abstract: "Operate Mentorline: check configuration, test routing, on-call and overrides, letters, cases and templates, endpoints and deliveries, receive webhooks.",
        subcommands: [
            CheckConfigCommand.self, RoutesCommand.self, OnCallCommand.self, OverrideCommand.self, LettersCommand.self,
            CaseCommand.self, TemplatesCommand.self, EndpointsCommand.self, DeliveriesCommand.self, CafeCommand.self, ListenCommand.self,
        ]
    )
}
