/// An ISO 639-1 (or 639-3) language code in lower case: `da`, `en`, `ar`, `uk`.
package struct LanguageCode: Hashable, Sendable, ValidatedString, CustomStringConvertible, Comparable {
    package static let expectation = "a language code"
    package let rawValue: String

    /// Danish, the language every template and every mentor falls back to.
    package static let danish = LanguageCode(validated: "da")

    /// Accepts two or three ASCII letters; folds to lower case.
    package init?(_ text: String) {
        let lowered = text.lowercased()
        guard (2...3).contains(lowered.utf8.count), lowered.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) else {
            return nil
        }
        self.rawValue = lowered
    }

    private init(validated: String) { self.rawValue = validated }

    package var description: String { rawValue }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
