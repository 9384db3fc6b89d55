package import Foundation

/// `mentorctl export --citizen REF`: everything the daemon holds about one citizen reference, for a
/// data-access request (`GET /v1/admin/export?citizen=`). The text is a summary of what is held (ids,
/// states, times, counts); `--json` is the whole export, names, phone numbers, notes and texts included.
package struct CitizenExportReport: Sendable {
    /// The parts of the export the summary shows.
    package struct Answer: Decodable, Sendable, Hashable {
        package struct Caller: Decodable, Sendable, Hashable {
            package var kind: String
        }

        package struct Case: Decodable, Sendable, Hashable {
            package var id: String
            package var state: String
            package var receivedAt: Date
            package var closedAt: Date?
            package var caller: Caller
            package var topics: [String]
            package var history: [Ignored]
            package var tasks: [Ignored]
            package var messages: [Ignored]
            package var bookings: [Ignored]?
            package var talkRegistrations: [Ignored]?

            enum CodingKeys: String, CodingKey {
                case id, state, caller, topics, history, tasks, messages, bookings
                case receivedAt = "received_at"
                case closedAt = "closed_at"
                case talkRegistrations = "talk_registrations"
            }
        }

        /// An element only counted.
        package struct Ignored: Decodable, Sendable, Hashable {
            package init(from decoder: any Decoder) throws {}
        }

        package struct ContactPerson: Decodable, Sendable, Hashable {
            package var mentor: String
            package var since: Date
        }

        package struct Representative: Decodable, Sendable, Hashable {
            package var caseId: String
            package var registeredAt: Date

            enum CodingKeys: String, CodingKey {
                case caseId = "case_id"
                case registeredAt = "registered_at"
            }
        }

        package struct AuditEntry: Decodable, Sendable, Hashable {
            package var at: Date
            package var actor: String
            package var action: String
        }

        package var citizenReference: String
        package var exportedAt: Date
        package var cases: [Case]
        package var contactPerson: ContactPerson?
        package var representative: Representative?
        package var audit: [AuditEntry]

        enum CodingKeys: String, CodingKey {
            case cases, representative, audit
            case citizenReference = "citizen_reference"
            case exportedAt = "exported_at"
            case contactPerson = "contact_person"
        }
    }

    package var answer: Answer
    /// The daemon's answer as it came, for `--json`.
    var body: [UInt8]
    package var timeZone: TimeZone

    static func fetch(citizen: String, timeZone: TimeZone, client: DaemonClient) async throws -> CitizenExportReport {
        guard !citizen.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ControlError(.usage, "Give the citizen reference: --citizen REF (as given at intake).")
        }
        let (answer, body) = try await client.getWithBody(["v1", "admin", "export"], query: [("citizen", citizen)], as: Answer.self)
        return CitizenExportReport(answer: answer, body: body, timeZone: timeZone)
    }

    /// ```
    /// Citizen J-2026-0412 · exported 2026-11-23 10:00 (Mon) · times in Europe/Copenhagen
    /// 2 cases:
    ///   case_01K…  resolved  received 2026-11-02 09:14, closed 2026-11-04 15:20 · caller citizen · placement · 9 events, 1 task, 3 messages
    ///   case_01K…  accepted  received 2026-11-20 10:01 · caller company · retention · 6 events, 1 task, 2 messages
    /// Contact person: anna, since 2026-11-02 09:20
    /// Representative: registered on case_01K… 2026-11-02 09:14
    /// Audit log: 2 entries (citizen.export, contact_person.set)
    /// Names, phone numbers, notes and every message text: mentorctl export --citizen J-2026-0412 --json
    /// ```
    package var text: String {
        let reference = DaemonClient.clean(answer.citizenReference)
        var lines = ["Citizen \(reference) · exported \(TimeText.formatWithWeekday(answer.exportedAt, in: timeZone)) · times in \(timeZone.identifier)"]
        if answer.cases.isEmpty {
            lines.append("No cases are held for this reference (cases erased under the retention rule no longer carry it).")
        } else {
            lines.append("\(PurgeReport.cases(answer.cases.count)):")
            let stateWidth = answer.cases.map { DaemonClient.clean($0.state).count }.max() ?? 0
            for entry in answer.cases {
                var line = "  \(DaemonClient.clean(entry.id))  \(DaemonClient.clean(entry.state).padding(toLength: stateWidth, withPad: " ", startingAt: 0))"
                line += "  received \(TimeText.minute(entry.receivedAt, in: timeZone))"
                if let closed = entry.closedAt { line += ", closed \(TimeText.minute(closed, in: timeZone))" }
                line += " · caller \(DaemonClient.clean(entry.caller.kind))"
                if !entry.topics.isEmpty { line += " · " + entry.topics.map(DaemonClient.clean).joined(separator: ", ") }
                line += " · \(Self.count(entry.history.count, "event")), \(Self.count(entry.tasks.count, "task")), \(Self.count(entry.messages.count, "message"))"
                if let bookings = entry.bookings, !bookings.isEmpty { line += ", \(Self.count(bookings.count, "café booking"))" }
                if let talks = entry.talkRegistrations, !talks.isEmpty { line += ", \(Self.count(talks.count, "talk registration"))" }
                lines.append(line)
            }
        }
        if let contact = answer.contactPerson {
            lines.append("Contact person: \(DaemonClient.clean(contact.mentor)), since \(TimeText.minute(contact.since, in: timeZone))")
        }
        if let representative = answer.representative {
            lines.append("Representative: registered on \(DaemonClient.clean(representative.caseId)) \(TimeText.minute(representative.registeredAt, in: timeZone))")
        }
        if !answer.audit.isEmpty {
            let actions = Set(answer.audit.map { DaemonClient.clean($0.action) }).sorted().joined(separator: ", ")
            lines.append("Audit log: \(Self.count(answer.audit.count, "entry", plural: "entries")) (\(actions))")
        }
        lines.append("Names, phone numbers, notes and every message text: mentorctl export --citizen \(reference) --json")
        return lines.joined(separator: "\n")
    }

    static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(plural ?? noun + "s")"
    }

    package func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .text: text
        case .json: JSONOutput.passThrough(body)
        }
    }
}
