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
}
