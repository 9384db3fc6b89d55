package import Foundation

/// The JSON envelope of every webhook, in the shape the Standard Webhooks specification recommends:
/// `{"type": "task.offered", "timestamp": "…", "data": {…}}`.
package struct WebhookPayload<Data: Encodable & Sendable>: Encodable, Sendable {
    package var type: EventType
    package var timestamp: Date
    package var data: Data

    package init(type: EventType, timestamp: Date, data: Data) {
        self.type = type
        self.timestamp = timestamp
        self.data = data
    }

    /// The payload as compact JSON with ISO 8601 dates. Keys are snake_case by each type's own
    /// `CodingKeys` (JSONEncoder's key conversion was a measurable share of dispatch time).
    package func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain value types cannot fail; an empty body would be refused by every receiver.
        return (try? Array(encoder.encode(self))) ?? []
    }
}

/// `{"kind": "mentor", "id": "amira-haddad"}` in every payload, so a gateway can route without parsing text.
package struct RecipientReference: Encodable, Sendable, Hashable {
    package var kind: RecipientKind
    package var id: String

    package init(_ recipient: MessageRecipient) {
        self.kind = recipient.kind
        self.id = recipient.id
    }
}
