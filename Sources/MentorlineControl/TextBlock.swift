import Foundation

/// Message texts as mentorctl prints them: line breaks kept, every other control character (a terminal
/// escape in a stored text) a space; wrapped and indented where they sit inside a listing.
enum TextBlock {
    /// `text` with `\r\n` and `\r` as `\n`, other control characters as spaces, trailing line breaks dropped.
    static func clean(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let scalars = lines.unicodeScalars.map { $0 == "\n" || $0.properties.generalCategory != .control ? $0 : " " }
        var result = String(String.UnicodeScalarView(scalars))
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }

    /// `text` cleaned, each of its lines wrapped at spaces to at most `width` characters (a longer word
    /// stays whole), every line prefixed with `indent`.
    static func wrapped(_ text: String, width: Int, indent: String) -> String {
        var output: [String] = []
        for line in clean(text).split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in line.split(separator: " ", omittingEmptySubsequences: true) {
                if current.isEmpty {
                    current = String(word)
                } else if current.count + 1 + word.count <= width {
                    current += " " + word
                } else {
                    output.append(current)
                    current = String(word)
                }
            }
            output.append(current)
        }
        return output.map { $0.isEmpty ? indent.trimmingTrailingSpaces : indent + $0 }.joined(separator: "\n")
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
