/// One value a message template is rendered with: a piece of text for `{{name}}`, or a flag that
/// decides a `{{#name}}…{{/name}}` section. Stored with the message, as JSON (a string or a bool).
package enum TemplateValue: Hashable, Sendable, Codable {
    case text(String)
    case flag(Bool)

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .flag(let flag): try container.encode(flag)
        }
    }
}

/// The values one message is rendered with, by variable name.
package typealias TemplateValues = [String: TemplateValue]
