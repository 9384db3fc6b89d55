/// Finds CPR-like numbers (`DDMMYY-XXXX`, `DDMMYYXXXX`, `DDMMYY XXXX`) in free text and masks them
/// before anything is stored: Mentorline never holds a CPR number.
///
/// A run counts as CPR-like when it stands alone (no digit right before or after), its first six
/// digits form a plausible day and month, and it is 10 digits with an optional `-` or space after
/// the sixth. Masking is deliberately greedy: a false positive costs a few readable digits in a note,
/// a false negative stores a person's identity.
package enum CPRMasking {
    /// What a masked number is replaced with.
    package static let mask = "[CPR fjernet]"

    /// `text` with every CPR-like number replaced by ``mask``.
    package static func masked(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, containsDigitRun(bytes) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let length = cprLength(in: bytes, at: index) {
                output.append(contentsOf: mask.utf8)
                index += length
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether `text` holds a CPR-like number anywhere.
    package static func containsCPR(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10 else { return false }
        return bytes.indices.contains { cprLength(in: bytes, at: $0) != nil }
    }

    private static func containsDigitRun(_ bytes: [UInt8]) -> Bool {
        var run = 0
        for byte in bytes {
            run = isDigit(byte) ? run + 1 : 0
            if run == 6 { return true }
        }
        return false
    }

    /// The byte length of a CPR-like number starting at `start`, or nil.
    private static func cprLength(in bytes: [UInt8], at start: Int) -> Int? {
        guard start + 10 <= bytes.count, isDigit(bytes[start]) else { return nil }
        if start > 0, isDigit(bytes[start - 1]) { return nil }
        for offset in 0..<6 where !isDigit(bytes[start + offset]) { return nil }
        var cursor = start + 6
        if bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
        guard cursor + 4 <= bytes.count else { return nil }
        for offset in 0..<4 where !isDigit(bytes[cursor + offset]) { return nil }
        let end = cursor + 4
        if end < bytes.count, isDigit(bytes[end]) { return nil }
        let day = value(bytes, start, 2)
        let month = value(bytes, start + 2, 2)
        guard (1...31).contains(day), (1...12).contains(month) else { return nil }
        return end - start
    }

    private static func value(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int {
        (start..<start + count).reduce(0) { $0 * 10 + Int(bytes[$1] - UInt8(ascii: "0")) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
