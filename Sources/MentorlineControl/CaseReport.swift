package import Foundation

/// `mentorctl case show`: a case as `GET /v1/cases/{id}` shows it: its state, trail, tasks, and every
/// message sent, held or failed, with its text. For an authorised admin: the texts are what the caller
/// and the mentors were sent; the caller's own details (name, phone, note) are left to `--json`.
package struct CaseReport: Sendable {
    /// The parts of the daemon's answer the text shows; `--json` passes the whole answer through.
    package struct Answer: Decodable, Sendable, Hashable {
        package struct CallerKind: Decodable, Sendable, Hashable {
            package var kind: String
        }

        package struct Routing: Decodable, Sendable, Hashable {
            package var route: String
            package var policy: String
            package var level: Int
            package var round: Int
        }

        package struct Event: Decodable, Sendable, Hashable {
            package var at: Date
            package var event: String
            package var actor: String
            package var route: String?
            package var policy: String?
            package var mentor: String?
            package var toMentor: String?
            package var level: Int?
            package var round: Int?
            package var deadline: Date?
            package var until: Date?
            package var reason: String?

            enum CodingKeys: String, CodingKey {
                case at, event, actor, route, policy, mentor, level, round, deadline, until, reason
                case toMentor = "to_mentor"
            }
        }

        package struct Task: Decodable, Sendable, Hashable {
            package var id: String
            package var mentor: String
            package var state: String
            package var purpose: String
            package var level: Int
            package var offeredAt: Date
            package var deadline: Date
            package var answeredAt: Date?
            package var resolvedAt: Date?
            package var handedFrom: String?

            enum CodingKeys: String, CodingKey {
                case id, mentor, state, purpose, level, deadline
                case offeredAt = "offered_at"
                case answeredAt = "answered_at"
                case resolvedAt = "resolved_at"
                case handedFrom = "handed_from"
            }
        }

        /// Where a message stands in the daemon's outbox.
        package enum MessageState: String, Decodable, Sendable, Hashable {
            case pending, delivered, dead
        }

        package struct Message: Decodable, Sendable, Hashable {
            package var id: String
            package var type: String
            /// `citizen:caller`, `mentor:anna`, `ops:ops`.
            package var recipient: String
            package var endpoint: String
            package var state: MessageState
            package var attempts: Int
            package var createdAt: Date
            package var notBefore: Date
            package var deliveredAt: Date?
            package var lastStatus: Int?
            package var lastError: String?
            package var text: String?
            package var template: String?
            package var language: String?
            /// While the letter policy holds it: a code (`holiday`) and words (`Whit Monday`).
            package var heldReason: String?
            package var heldDetail: String?

            enum CodingKeys: String, CodingKey {
                case id, type, recipient, endpoint, state, attempts, text, template, language
                case createdAt = "created_at"
                case notBefore = "not_before"
                case deliveredAt = "delivered_at"
                case lastStatus = "last_status"
                case lastError = "last_error"
                case heldReason = "held_reason"
                case heldDetail = "held_detail"
            }
        }

        package var id: String
        package var state: String
        package var receivedAt: Date
        package var caller: CallerKind
        package var topics: [String]
        package var language: String
        package var urgency: String
        package var promisedBy: Date?
        /// When the retention rule erased the case's personal data.
        package var erasedAt: Date?
        package var routing: Routing?
        package var history: [Event]
        package var tasks: [Task]
        package var messages: [Message]

        enum CodingKeys: String, CodingKey {
            case id, state, caller, topics, language, urgency, routing, history, tasks, messages
            case receivedAt = "received_at"
            case promisedBy = "promised_by"
            case erasedAt = "erased_at"
        }
    }

    package var answer: Answer
    /// The daemon's answer as it came, for `--json`.
    var body: [UInt8]
    package var timeZone: TimeZone
    /// Decides whether a pending message is still held (its `not_before` is later).
    package var now: Date

    /// A report on a body as `GET /v1/cases/{id}` answers it.
    package init(body: [UInt8], timeZone: TimeZone, now: Date) throws {
        self.init(answer: try JSONOutput.decoder().decode(Answer.self, from: Data(body)), body: body, timeZone: timeZone, now: now)
    }

    init(answer: Answer, body: [UInt8], timeZone: TimeZone, now: Date) {
        self.answer = answer
        self.body = body
        self.timeZone = timeZone
        self.now = now
    }

    /// `GET /v1/cases/{id}`; a 404 from the daemon is "There is no case ID.".
    package static func fetch(id: String, timeZone: TimeZone, now: Date, client: DaemonClient) async throws -> CaseReport {
        guard !id.isEmpty else { throw ControlError(.usage, "Give the case id (case_…).") }
        let (answer, body) = try await client.getWithBody(
            ["v1", "cases", id], as: Answer.self, notFound: { _ in "There is no case \(DaemonClient.clean(id))." })
        return CaseReport(answer: answer, body: body, timeZone: timeZone, now: now)
    }

    package func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .text: text
        case .json: JSONOutput.passThrough(body)
        }
    }
}
