import ArgumentParser
import Foundation
import MentorlineControl

/// `mentorctl token create|list|revoke`: bearer tokens made at runtime, next to those in the
/// configuration (admin token).
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke API tokens (takes an admin token).",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token and print it, this once.",
            discussion: """
                The token is printed once and never again: the daemon keeps only its SHA-256. Put it straight \
                into the credential file of whatever will use it. It works from the next request on, until it \
                expires or is revoked.

                Examples:
                  mentorctl token create --kind intake --name telefonsystem --expires 365d
                  mentorctl token create --kind mentor --name amira-mobil --mentor amira-haddad
                  mentorctl token create --kind volunteer --name lise-kalender --volunteer lise-andersen --expires 180d

                A volunteer token marks that volunteer's café bookings attended or no-show, manages their \
                sign-ups and opens their booking feed: /v1/volunteers/ID/bookings.ics?token=TOKEN.
                """
        )

        @OptionGroup var connection: ConnectionOptions

        @Option(help: ArgumentHelp(
            "intake (registers cases), mentor (acts for one mentor), admin, or volunteer (acts for one café volunteer).", valueName: "kind"))
        var kind: String

        @Option(help: ArgumentHelp(
            "Who or what holds it: 1 to 64 letters, digits, '.', '_' or '-'. The audit trail names an intake or admin token's "
                + "actions <kind>:<name>, a mentor or volunteer token's mentor:<id> or volunteer:<id>.", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("For a mentor token: the mentor it acts for.", valueName: "id"))
        var mentor: String?

        @Option(help: ArgumentHelp("For a volunteer token: the volunteer (in cafe.yaml) it acts for.", valueName: "id"))
        var volunteer: String?

        @Option(help: ArgumentHelp(
            "When it stops working: a time (2027-01-01, 2026-12-31T17:00) or a span from now (90d, 12h). Default: until revoked.",
            valueName: "time"))
        var expires: String?

        @Flag(help: "Print the created token, with its text, as JSON.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                let draft = TokenDraft(kind: kind, name: name, mentor: mentor, volunteer: volunteer, expires: expires)
                let output = try await ControlCommands.createToken(
                    draft, format: json ? .json : .text, connection: try connection.connection(), timeZone: connection.timeZone())
                // The text says it itself; with --json the warning goes beside the JSON, not into it.
                if json { FileHandle.standardError.write(Data("Warning: \(TokenReport.shownOnceWarning)\n".utf8)) }
                return output
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List every token: those in the configuration and those created here, revoked ones too (never their text)."
        )

        @OptionGroup var connection: ConnectionOptions

        @Flag(help: "Print one JSON object instead of text.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                try await ControlCommands.listTokens(format: json ? .json : .text, connection: try connection.connection(), timeZone: connection.timeZone())
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a token created here; it is refused from the next request on.",
            discussion: """
                Tokens from the configuration (config:<name> in `token list`) are revoked by removing them from \
                auth.tokens in mentorline.yaml and reloading the daemon.
                """
        )

        @OptionGroup var connection: ConnectionOptions

        @Argument(help: ArgumentHelp("The token's id (tok_…, from `token list`).", valueName: "token-id"))
        var tokenID: String

        @Flag(help: "Print the revoked token as JSON.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                try await ControlCommands.revokeToken(
                    tokenID, format: json ? .json : .text, connection: try connection.connection(), timeZone: connection.timeZone())
            }
        }
    }
}
