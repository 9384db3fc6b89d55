package import Foundation

extension ControlCommands {
    /// `mentorctl cafe slots --cafe ID [--week DATE] [--json]`.
    package static func cafeSlots(
        cafe: String, week: String?, format: OutputFormat, connection: DaemonConnection, now: Date = Date()
    ) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            try await CafeWeekReport.fetch(cafe: cafe, week: week, client: client, now: now).rendered(format)
        }
    }

    /// `mentorctl cafe volunteer list [--json]`.
    package static func listVolunteers(format: OutputFormat, connection: DaemonConnection) async throws(ControlError) -> String {
        try await Self.online(connection) { client in try await VolunteerReport.list(client: client).rendered(format) }
    }

    /// `mentorctl cafe volunteer signup --volunteer ID --date DATE`.
    package static func signUpVolunteer(volunteer: String, date: String, connection: DaemonConnection) async throws(ControlError) -> String {
        try await Self.online(connection) { client in try await VolunteerReport.signup(volunteer: volunteer, date: date, client: client) }
    }

    /// `mentorctl cafe volunteer withdraw --volunteer ID --date DATE`.
    package static func withdrawVolunteer(volunteer: String, date: String, connection: DaemonConnection) async throws(ControlError) -> String {
        try await Self.online(connection) { client in try await VolunteerReport.withdraw(volunteer: volunteer, date: date, client: client) }
    }

    /// `mentorctl cafe book --case ID [--cafe ID] [--start TIME] [--volunteer ID] [--json]`.
    package static func bookCafe(
        caseID: String, cafe: String?, start: String?, volunteer: String?, format: OutputFormat, connection: DaemonConnection
    ) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            try await BookingReport.book(caseID: caseID, cafe: cafe, start: start, volunteer: volunteer, client: client).rendered(format, \.bookedText)
        }
    }

    /// `mentorctl cafe cancel BOOKING [--reason TEXT] [--json]`.
    package static func cancelBooking(_ booking: String, reason: String?, format: OutputFormat, connection: DaemonConnection) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            try await BookingReport.cancel(booking, reason: reason, client: client).rendered(format, \.cancelledText)
        }
    }

    /// `mentorctl cafe reschedule BOOKING [--start TIME] [--volunteer ID] [--reason TEXT] [--json]`.
    package static func rescheduleBooking(
        _ booking: String, start: String?, volunteer: String?, reason: String?, format: OutputFormat, connection: DaemonConnection
    ) async throws(ControlError) -> String {
        try await Self.online(connection) { client in
            try await BookingReport.reschedule(booking, start: start, volunteer: volunteer, reason: reason, client: client).rendered(format, \.movedText)
        }
    }

    /// `mentorctl cafe closure add --cafe ID (--date DATE | --from DATE --to DATE) --reason TEXT [--json]`.
    package static func addClosure(
        cafe: String, date: String?, from: String?, to: String?, reason: String, format: OutputFormat, connection: DaemonConnection
    ) async throws(ControlError) -> String {
        // Checked before connecting: a wrong flag is a usage error whether or not the daemon is up.
        _ = try ClosureReport.draft(date: date, from: from, to: to, reason: reason)
        return try await Self.online(connection) { client in
            try await ClosureReport.add(cafe: cafe, date: date, from: from, to: to, reason: reason, client: client).rendered(format, \.addedText)
        }
    }

    /// `mentorctl cafe closure list --cafe ID [--json]`.
    package static func listClosures(cafe: String, format: OutputFormat, connection: DaemonConnection) async throws(ControlError) -> String {
        try await Self.online(connection) { client in try await ClosureReport.list(cafe: cafe, client: client).rendered(format, \.listText) }
    }

    /// `mentorctl cafe closure remove --cafe ID CLOSURE`.
    package static func removeClosure(cafe: String, closure: String, connection: DaemonConnection) async throws(ControlError) -> String {
        try await Self.online(connection) { client in try await ClosureReport.remove(cafe: cafe, closure: closure, client: client) }
    }
}
