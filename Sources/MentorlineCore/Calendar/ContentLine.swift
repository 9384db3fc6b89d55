import Foundation

/// One iCalendar content line (`NAME:value`) and the RFC 5545 rules for writing it: TEXT escaping
/// (§3.3.11), UTC DATE-TIME form (§3.3.5) and folding (§3.1).
struct ContentLine: Hashable {
    /// The longest physical line in octets, not counting the CRLF.
    static let maximumOctets = 75

    var name: String
    /// Already in its final, escaped form.
    var value: String

    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// A TEXT value, escaped.
    init(_ name: String, text: String) {
        self.init(name, Self.escaped(text))
    }

    /// A DATE-TIME in UTC: `20260329T060000Z` (whole seconds; a fraction is dropped).
    init(_ name: String, utc instant: Date) {
        self.init(name, Self.utcDateTime(instant))
    }

    /// A URI value: not TEXT-escaped (commas and semicolons are legal in URIs), but control characters
    /// are dropped so the value can never break out of its line.
    init(_ name: String, uri: String) {
        self.init(name, String(String.UnicodeScalarView(uri.unicodeScalars.filter { !Self.isControl($0) })))
    }

    /// Backslash, semicolon and comma get a backslash, every line break (LF, CRLF or CR) becomes `\n`,
    /// and other control characters, which TEXT may not contain, are dropped.
    static func escaped(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { afterCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\\", ";", ",":
                result.append("\\")
                result.append(scalar)
            case "\n" where afterCarriageReturn:
                continue
            case "\n", "\r":
                result.append(contentsOf: "\\n".unicodeScalars)
            case _ where isControl(scalar):
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    static func utcDateTime(_ instant: Date) -> String {
        let utc = LocalDateTime(instant, in: .gmt)
        let seconds = utc.secondsIntoDay
        return padded(utc.date.year, 4) + padded(utc.date.month, 2) + padded(utc.date.day, 2) + "T"
            + padded(seconds / 3600, 2) + padded(seconds / 60 % 60, 2) + padded(seconds % 60, 2) + "Z"
    }

    /// The line folded into physical lines of at most 75 octets, each ending in CRLF; a continuation
    /// starts with one space. Folds fall between characters, or between the scalars of a character too
    /// long for one line, so a multi-byte UTF-8 sequence is never split.
    var folded: String {
        var result = ""
        var octets = 0
        func append(_ piece: some StringProtocol, octetCount: Int) {
            if octets + octetCount > Self.maximumOctets {
                result += "\r\n "
                octets = 1
            }
            result += piece
            octets += octetCount
        }
        for character in name + ":" + value {
            let octetCount = character.utf8.count
            if octetCount < Self.maximumOctets {
                append(String(character), octetCount: octetCount)
            } else {
                for scalar in character.unicodeScalars { append(String(scalar), octetCount: scalar.utf8.count) }
            }
        }
        return result + "\r\n"
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
    }

    private static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
