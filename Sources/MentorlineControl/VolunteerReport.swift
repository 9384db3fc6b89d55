import Foundation

/// `mentorctl cafe volunteer list|signup|withdraw`: volunteers, their weekdays and dated sign-ups.
package struct VolunteerReport: Sendable {
    package var volunteers: [VolunteerInfo]
    var body: [UInt8]

    /// `GET /v1/volunteers`.
    package static func list(client: DaemonClient) async throws -> VolunteerReport {
        let (answer, body) = try await client.getWithBody(["v1", "volunteers"], as: VolunteerList.self)
        return VolunteerReport(volunteers: answer.volunteers, body: body)
    }

    /// `POST /v1/volunteers/{id}/signups`.
    package static func signup(volunteer: String, date: String, client: DaemonClient) async throws -> String {
        struct Body: Encodable { var date: String }
        _ = try await client.post(["v1", "volunteers", volunteer, "signups"], json: Body(date: date), as: SignupAnswer.self)
        return "\(volunteer) staffs the café on \(date)."
    }

    /// `DELETE /v1/volunteers/{id}/signups/{date}`.
    package static func withdraw(volunteer: String, date: String, client: DaemonClient) async throws -> String {
        try await client.delete(["v1", "volunteers", volunteer, "signups", date])
        return "Withdrew \(volunteer)'s sign-up for \(date)."
    }

    package func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .json: return JSONOutput.passThrough(body)
        case .text:
            guard !volunteers.isEmpty else { return "No volunteers (cafe.yaml)." }
            return volunteers.map { volunteer in
                var line = "\(volunteer.id)  \(DaemonClient.clean(volunteer.name)) (\(DaemonClient.clean(volunteer.organisation))), \(volunteer.cafe): "
                line += "\(volunteer.topics.joined(separator: ", ")) in \(volunteer.languages.joined(separator: ", "))"
                line += volunteer.weekdays.isEmpty ? "; no weekdays" : "; every \(volunteer.weekdays.joined(separator: ", "))"
                if !volunteer.signups.isEmpty { line += "; signed up for \(volunteer.signups.joined(separator: ", "))" }
                return line
            }.joined(separator: "\n")
        }
    }
}

package struct VolunteerInfo: Decodable, Sendable {
    package var id: String
    package var name: String
    package var organisation: String
    package var cafe: String
    package var topics: [String]
    package var languages: [String]
    package var weekdays: [String]
    package var signups: [String]
}

struct VolunteerList: Decodable {
    var volunteers: [VolunteerInfo]
}

struct SignupAnswer: Decodable {
    var volunteer: String
    var date: String
}
