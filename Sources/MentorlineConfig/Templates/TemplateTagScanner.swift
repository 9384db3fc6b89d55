/// Finds the tags of a message template and the line each is on, reading them as swift-mustache's parser
/// does with its default `{{ }}` delimiters: a tag starts at the first `{{`, its kind is the character
/// after it, a name is the characters `0-9 A-Z a-z . - _ ? ( ) *` between optional whitespace, and a
/// comment runs to the first `}}`.
///
/// The parser keeps no positions in the templates it returns, so this is how loading says on which line
/// an unknown name, a partial or an unclosed section is. It stops at the first broken tag, because the
/// parser refuses the template there too, and at a delimiter change, after which it cannot tell tags apart.
struct TemplateTagScanner {
    /// A tag that names a value.
    struct Tag: Hashable {
        enum Kind: Hashable {
            /// `{{name}}`, `{{{name}}}` or `{{&name}}`.
            case variable
            /// `{{#name}}` or `{{^name}}`.
            case section
        }

        var kind: Kind
        var name: String
        var line: Int
    }

    /// Something a message template must not contain, at its line.
    struct Issue: Hashable {
        var line: Int
        var message: String
    }

    private(set) var tags: [Tag] = []
    private(set) var issues: [Issue] = []
    /// Whether the template is malformed Mustache (as opposed to well-formed but not allowed here).
    private(set) var isMalformed = false

    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var openSections: [(name: String, line: Int)] = []

    /// Scans all of `text`.
    init(_ text: String) {
        characters = Array(text)
        scan()
    }

    private mutating func scan() {
        while let tagLine = skipToNextTag() {
            guard readTag(openedOn: tagLine) else { return }
        }
        if let open = openSections.last {
            malformed(open.line, "section '\(open.name)' is never closed (no {{/\(open.name)}})")
        }
    }

    /// Moves past the next `{{` and returns its line; nil at the end of the text.
    private mutating func skipToNextTag() -> Int? {
        while index < characters.count {
            if characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{" {
                index += 2
                return line
            }
            advance()
        }
        return nil
    }

    /// Reads one tag after its `{{`; false when scanning cannot go on.
    private mutating func readTag(openedOn tagLine: Int) -> Bool {
        let kind = index < characters.count ? characters[index] : "\0"
        switch kind {
        case "!":
            index += 1
            guard skip(past: "}}") else {
                malformed(tagLine, "comment is never closed (no }})")
                return false
            }
        case "=":
            issues.append(Issue(line: tagLine, message: "changing delimiters ({{=…=}}) is not allowed in message templates"))
            return false
        case ">", "%":
            let what = kind == ">" ? "partials ({{>…}})" : "pragmas ({{%…}})"
            issues.append(Issue(line: tagLine, message: "\(what) are not allowed in message templates"))
            guard skip(past: "}}") else {
                malformed(tagLine, "tag is never closed (no }})")
                return false
            }
        case "#", "^", "<", "$":
            index += 1
            guard let name = readName(closedBy: "}}", tagLine: tagLine) else { return false }
            if kind == "<" || kind == "$" {
                issues.append(Issue(line: tagLine, message: "template inheritance ({{<…}}, {{$…}}) is not allowed in message templates"))
            } else {
                tags.append(Tag(kind: .section, name: name, line: tagLine))
            }
            openSections.append((name, tagLine))
        case "/":
            index += 1
            guard let name = readName(closedBy: "}}", tagLine: tagLine) else { return false }
            guard let open = openSections.popLast() else {
                malformed(tagLine, "{{/\(name)}} closes a section that was never opened")
                return false
            }
            guard open.name == name else {
                malformed(tagLine, "{{/\(name)}} closes section '\(open.name)' opened on line \(open.line)")
                return false
            }
        case "{", "&":
            index += 1
            guard let name = readName(closedBy: kind == "{" ? "}}}" : "}}", tagLine: tagLine) else { return false }
            tags.append(Tag(kind: .variable, name: name, line: tagLine))
        default:
            guard let name = readName(closedBy: "}}", tagLine: tagLine) else { return false }
            tags.append(Tag(kind: .variable, name: name, line: tagLine))
        }
        return true
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")

    /// Reads `  name  }}`; nil (reported) when the tag does not end right after the name.
    private mutating func readName(closedBy closing: String, tagLine: Int) -> String? {
        skipWhitespace()
        let start = index
        while index < characters.count, Self.nameCharacters.contains(characters[index]) { index += 1 }
        let name = String(characters[start..<index])
        skipWhitespace()
        guard read(closing) else {
            malformed(tagLine, "tag is not closed by \(closing), or its name has a character names cannot have")
            return nil
        }
        return name
    }

    private mutating func skipWhitespace() {
        while index < characters.count, characters[index].isWhitespace { advance() }
    }

    private mutating func read(_ expected: String) -> Bool {
        let expected = Array(expected)
        guard characters.count - index >= expected.count, Array(characters[index..<index + expected.count]) == expected else { return false }
        index += expected.count
        return true
    }

    /// Moves past the next `terminator`; false, at the end of the text, when there is none.
    private mutating func skip(past terminator: String) -> Bool {
        while index < characters.count {
            if read(terminator) { return true }
            advance()
        }
        return false
    }

    private mutating func advance() {
        // Counted as the parser's error context counts lines, so both agree; "\r\n" is one Character.
        if characters[index].isNewline { line += 1 }
        index += 1
    }

    private mutating func malformed(_ line: Int, _ message: String) {
        isMalformed = true
        issues.append(Issue(line: line, message: "malformed Mustache: \(message)"))
    }
}
