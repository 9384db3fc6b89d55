import ArgumentParser
import MentorlineControl

/// `mentorctl cafe slots|volunteer`: the advice café's week grid and volunteers' sign-ups.
struct CafeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cafe",
        abstract: "The advice café: a week's free and booked slots, volunteers and their sign-ups.",
        subcommands: [Slots.self, VolunteerCommand.self]
    )

    struct Slots: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a week grid of a café's free and booked slots (any token).",
            discussion: """
                One column per day with sessions, one row per slot time; ○ a volunteer free, ● booked.

                Example:
                  mentorctl cafe slots --cafe borgerhuset --week 2026-11-30
                """
        )

        @OptionGroup var connection: ConnectionOptions

        @Option(help: ArgumentHelp("The café.", valueName: "id"))
        var cafe: String

        @Option(help: ArgumentHelp("Any date of the week to show (default: this week).", valueName: "date"))
        var week: String?

        @Flag(help: "Print the daemon's slot list as JSON.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                try await ControlCommands.cafeSlots(cafe: cafe, week: week, format: json ? .json : .text, connection: try connection.connection())
            }
        }
    }

    struct VolunteerCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "volunteer",
            abstract: "List volunteers; sign one up for a date or withdraw it (admin token).",
            subcommands: [List.self, Signup.self, Withdraw.self]
        )

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Every volunteer with topics, languages, weekdays and sign-ups.")

            @OptionGroup var connection: ConnectionOptions

            @Flag(help: "Print one JSON object instead of text.")
            var json = false

            func run() async throws {
                try await CommandOutput.run { () async throws(ControlError) in
                    try await ControlCommands.listVolunteers(format: json ? .json : .text, connection: try connection.connection())
                }
            }
        }

        struct Signup: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Sign a volunteer up to staff their café's sessions on a date.")

            @OptionGroup var connection: ConnectionOptions

            @Option(help: ArgumentHelp("The volunteer.", valueName: "id"))
            var volunteer: String

            @Option(help: ArgumentHelp("The date, e.g. 2026-12-03.", valueName: "date"))
            var date: String

            func run() async throws {
                try await CommandOutput.run { () async throws(ControlError) in
                    try await ControlCommands.signUpVolunteer(volunteer: volunteer, date: date, connection: try connection.connection())
                }
            }
        }

        struct Withdraw: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Withdraw a sign-up (refused while bookings hold the volunteer's slots that day).")

            @OptionGroup var connection: ConnectionOptions

            @Option(help: ArgumentHelp("The volunteer.", valueName: "id"))
            var volunteer: String

            @Option(help: ArgumentHelp("The date signed up for.", valueName: "date"))
            var date: String

            func run() async throws {
                try await CommandOutput.run { () async throws(ControlError) in
                    try await ControlCommands.withdrawVolunteer(volunteer: volunteer, date: date, connection: try connection.connection())
                }
            }
        }
    }
}
