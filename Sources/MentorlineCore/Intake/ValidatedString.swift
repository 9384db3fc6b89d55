/// A value that is a string checked on the way in (`CVR`, `LanguageCode`): it encodes as the plain
/// string and decoding fails, naming the value's kind, when the check fails.
package protocol ValidatedString: Codable {
    /// What a valid value is, for the decoding error: "a CVR number".
    static var expectation: String { get }
    var rawValue: String { get }
    init?(_ text: String)
}

extension ValidatedString {
    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not \(Self.expectation)"))
        }
        self = value
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
