import ArgumentParser
import MentorlineControl

/// `mentorctl cafe slots|book|cancel|reschedule|closure|volunteer`: the advice café's week grid, bookings
/// made by staff, closures, and volunteers' sign-ups.
struct CafeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cafe",
        abstract: "The advice café: free and booked slots, bookings, closures, volunteers and their sign-ups.",
        subcommands: [Slots.self, Book.self, Cancel.self, Reschedule.self, ClosureCommand.self, VolunteerCommand.self]
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

    struct Book: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Book a case into a café slot for the citizen (intake or admin token).",
            discussion: """
                Without --start the earliest slot that fits the case (topics, language, the caller's preferences); \
                with --start that slot, read on the café's wall clock unless it carries an offset. The citizen \
                gets cafe.booked and a reminder under the letter policy, the volunteer volunteer.booking.

                Example:
                  mentorctl cafe book --case case_01K… --cafe borgerhuset \\
                    --start 2026-12-01T13:30 --volunteer lise-andersen
                """
        )

        @OptionGroup var connection: ConnectionOptions

        @Option(name: .customLong("case"), help: ArgumentHelp("The case to book.", valueName: "id"))
        var caseID: String

        @Option(help: ArgumentHelp("The café (default: the only one).", valueName: "id"))
        var cafe: String?

        @Option(help: ArgumentHelp("The slot's start: 2026-12-01T13:30 (the café's clock) or 2026-12-01T12:30Z.", valueName: "time"))
        var start: String?

        @Option(help: ArgumentHelp("The volunteer to book with (default: whoever is free).", valueName: "id"))
        var volunteer: String?

        @Flag(help: "Print the booking as JSON.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                try await ControlCommands.bookCafe(
                    caseID: caseID, cafe: cafe, start: start, volunteer: volunteer, format: json ? .json : .text, connection: try connection.connection()
                )
            }
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel a booking at the citizen's request (intake or admin token).",
            discussion: "The slot is free again, the volunteer is told, a reminder not yet sent is withdrawn and the case resolved."
        )

        @OptionGroup var connection: ConnectionOptions

        @Argument(help: ArgumentHelp("The booking (bkg_…).", valueName: "booking-id"))
        var booking: String

        @Option(help: ArgumentHelp("Why, in a few words (kept in the case's history; no health details).", valueName: "text"))
        var reason: String?

        @Flag(help: "Print the booking as JSON.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                try await ControlCommands.cancelBooking(booking, reason: reason, format: json ? .json : .text, connection: try connection.connection())
            }
        }
    }

    struct Reschedule: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a booking to another slot (intake or admin token).",
            discussion: """
                Without --start the earliest later slot that fits the case; the citizen gets cafe.moved, the \
                volunteers are told.

                Example:
                  mentorctl cafe reschedule bkg_01K… --start 2026-12-03T10:00 \\
                    --volunteer karen-munk
                """
        )

        @OptionGroup var connection: ConnectionOptions

        @Argument(help: ArgumentHelp("The booking (bkg_…).", valueName: "booking-id"))
        var booking: String

        @Option(help: ArgumentHelp("The new slot's start (the café's clock unless it carries an offset).", valueName: "time"))
        var start: String?

        @Option(help: ArgumentHelp("The volunteer to move to (default: whoever is free).", valueName: "id"))
        var volunteer: String?

        @Option(help: ArgumentHelp("Why, in a few words (kept in the case's history).", valueName: "text"))
        var reason: String?

        @Flag(help: "Print the booking as JSON.")
        var json = false

        func run() async throws {
            try await CommandOutput.run { () async throws(ControlError) in
                try await ControlCommands.rescheduleBooking(
                    booking, start: start, volunteer: volunteer, reason: reason, format: json ? .json : .text, connection: try connection.connection()
                )
            }
        }
    }

    struct ClosureCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "closure",
            abstract: "Close a café on days, list its closures, or remove one added at runtime (admin token to change).",
            subcommands: [Add.self, List.self, Remove.self]
        )

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Close a café on a date or a range of dates.",
                discussion: """
                    Every booking in those days is moved to the earliest slot that fits its case, or cancelled and \
                    its case sent back to the mentors; each citizen and volunteer is told.

                    Example:
                      mentorctl cafe closure add --cafe borgerhuset --date 2026-12-01 \\
                        --reason vandskade
                      mentorctl cafe closure add --cafe borgerhuset --from 2027-07-05 \\
                        --to 2027-07-30 --reason sommerferie
                    """
            )

            @OptionGroup var connection: ConnectionOptions

            @Option(help: ArgumentHelp("The café.", valueName: "id"))
            var cafe: String

            @Option(help: ArgumentHelp("One day, e.g. 2026-12-01.", valueName: "date"))
            var date: String?

            @Option(help: ArgumentHelp("The first day of a range.", valueName: "date"))
            var from: String?

            @Option(help: ArgumentHelp("The last day of a range (inclusive).", valueName: "date"))
            var to: String?

            @Option(help: ArgumentHelp("Why, in a few words citizens may read (at most 200 characters).", valueName: "text"))
            var reason: String

            @Flag(help: "Print the daemon's answer as JSON.")
            var json = false

            func run() async throws {
                try await CommandOutput.run { () async throws(ControlError) in
                    try await ControlCommands.addClosure(
                        cafe: cafe, date: date, from: from, to: to, reason: reason, format: json ? .json : .text, connection: try connection.connection()
                    )
                }
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List a café's current and future closures, from cafe.yaml and runtime (any token).")

            @OptionGroup var connection: ConnectionOptions

            @Option(help: ArgumentHelp("The café.", valueName: "id"))
            var cafe: String

            @Flag(help: "Print one JSON object instead of text.")
            var json = false

            func run() async throws {
                try await CommandOutput.run { () async throws(ControlError) in
                    try await ControlCommands.listClosures(cafe: cafe, format: json ? .json : .text, connection: try connection.connection())
                }
            }
        }

        struct Remove: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Remove a closure added at runtime (its id is in `closure list`); its days become bookable again.",
                discussion: "Bookings it moved or cancelled stay as they are. Closures from cafe.yaml are removed by editing it and reloading."
            )

            @OptionGroup var connection: ConnectionOptions

            @Option(help: ArgumentHelp("The café.", valueName: "id"))
            var cafe: String

            @Argument(help: ArgumentHelp("The closure's id (clo_…).", valueName: "closure-id"))
            var closure: String

            func run() async throws {
                try await CommandOutput.run { () async throws(ControlError) in
                    try await ControlCommands.removeClosure(cafe: cafe, closure: closure, connection: try connection.connection())
                }
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
