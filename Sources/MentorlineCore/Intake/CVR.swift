/// A Danish company registration number: eight digits, the last a modulus-11 check digit.
package struct CVR: Hashable, Sendable, ValidatedString, CustomStringConvertible {
    package static let expectation = "a CVR number"
    package let rawValue: String

    /// Accepts `12345674` or `1234 5674`; nil when the digits or the check digit are wrong.
    package init?(_ text: String) {
        let digits = text.filter { $0 != " " }
        guard digits.utf8.count == 8, digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              digits.first != "0"
        else { return nil }
        let weights = [2, 7, 6, 5, 4, 3, 2, 1]
        let sum = zip(digits.utf8, weights).reduce(0) { $0 + Int($1.0 - UInt8(ascii: "0")) * $1.1 }
        guard sum % 11 == 0 else { return nil }
        self.rawValue = digits
    }

    package var description: String { rawValue }
}
