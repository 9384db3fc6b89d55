internal import Foundation
internal import Yams

/// One configuration file being read: its path for error locations, and typed readers for its nodes
/// that report a located error and return nil when a node is not what the schema expects.
struct YAMLFile {
    /// Relative to the configuration directory, as errors show it.
    let path: String
    let diagnostics: Diagnostics

    func report(_ message: String, at node: Node) {
        report(message, at: node.mark)
    }

    func report(_ message: String, at mark: Mark?) {
        diagnostics.report(message, file: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Reads and composes the file. Nil (with the error reported) when it cannot be read or is not YAML;
    /// an empty file is an empty mapping.
    func compose(at url: URL) -> Node? {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            report(FileManager.default.fileExists(atPath: url.path) ? "cannot read the file as UTF-8 text" : "file not found", at: nil)
            return nil
        }
        do {
            return try Yams.compose(yaml: text) ?? Node([(Node, Node)]())
        } catch let error as YamlError {
            reportSyntaxError(error)
            return nil
        } catch {
            report("not valid YAML", at: nil)
            return nil
        }
    }

    private func reportSyntaxError(_ error: YamlError) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let prefix = context.map { "\($0.text) at line \($0.mark.line), column \($0.mark.column): " } ?? ""
            report("YAML syntax error: \(prefix)\(problem)", at: mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            report("duplicate key \(keys) in the same mapping", at: context.mark)
        case let .reader(problem, _, _, _):
            report("cannot read YAML: \(problem)", at: nil)
        case .no, .memory, .writer, .emitter, .representer, .dataCouldNotBeDecoded:
            report("not valid YAML", at: nil)
        }
    }

    // MARK: Typed readers

    /// How a node looks, for "expected …, found …" messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar:
            return isNull(node) ? "nothing" : "'\(node.scalar?.string ?? "")'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    static func isNull(_ node: Node) -> Bool {
        node.null != nil
    }

    private func expected(_ what: String, for key: String, found node: Node) {
        report("expected \(what) for '\(key)', found \(Self.describe(node))", at: node)
    }

    /// Any non-null scalar, as written (no YAML 1.1 coercion: `no` stays `no`, `08:00` stays `08:00`).
    func text(_ node: Node, for key: String) -> String? {
        guard case let .scalar(scalar) = node, !Self.isNull(node) else {
            expected("a string", for: key, found: node)
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else {
            expected("a string", for: key, found: node)
            return nil
        }
        return value
    }

    /// A decimal integer.
    func integer(_ node: Node, for key: String) -> Int? {
        guard case let .scalar(scalar) = node, let value = Int(scalar.string) else {
            expected("an integer", for: key, found: node)
            return nil
        }
        return value
    }

    /// An integer of at least `minimum`.
    func integer(_ node: Node, for key: String, atLeast minimum: Int) -> Int? {
        guard let value = integer(node, for: key) else { return nil }
        guard value >= minimum else {
            report("'\(key)' must be at least \(minimum), found \(value)", at: node)
            return nil
        }
        return value
    }

    func number(_ node: Node, for key: String) -> Double? {
        guard case let .scalar(scalar) = node, let value = Double(scalar.string), value.isFinite else {
            expected("a number", for: key, found: node)
            return nil
        }
        return value
    }

    func list(_ node: Node, for key: String) -> [Node]? {
        guard case let .sequence(sequence) = node else {
            expected("a list", for: key, found: node)
            return nil
        }
        return Array(sequence)
    }

    /// `500ms`, `30s`, `5m`, `2h`, `1d`.
    func duration(_ node: Node, for key: String) -> Duration? {
        guard let value = text(node, for: key) else { return nil }
        guard let duration = Duration(configurationText: value) else {
            report("invalid duration '\(value)' for '\(key)' (expected a positive whole number with a unit ms, s, m, h or d, e.g. 30s)", at: node)
            return nil
        }
        return duration
    }

    /// An identifier slug: lower-case letters, digits, `-` and `_`, starting with a letter or digit.
    func identifier(_ node: Node, for key: String) -> String? {
        guard let value = text(node, for: key) else { return nil }
        guard Self.isIdentifier(value) else {
            report("invalid id '\(value)' for '\(key)' (use lower-case letters, digits, '-' and '_', starting with a letter or digit)", at: node)
            return nil
        }
        return value
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isLowerAlphanumeric(first) else { return false }
        return text.unicodeScalars.allSatisfy { isLowerAlphanumeric($0) || $0 == "-" || $0 == "_" }
    }

    private static func isLowerAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// A time zone from the IANA database (`Europe/Copenhagen`).
    func timeZone(_ node: Node, for key: String) -> TimeZone? {
        guard let value = text(node, for: key) else { return nil }
        guard let zone = TimeZone(identifier: value) else {
            let known = TimeZone.knownTimeZoneIdentifiers
            // `Copenhagen` for `Europe/Copenhagen`: the city alone is the commonest slip.
            let city = known.first { $0.lowercased().hasSuffix("/" + value.lowercased()) }
            report("unknown time zone '\(value)'" + (city.map { " (did you mean '\($0)'?)" } ?? Suggestion.hint(for: value, in: known)), at: node)
            return nil
        }
        return zone
    }

    /// One of a fixed set of words, such as a caller kind or an urgency.
    func choice<Value: RawRepresentable & CaseIterable>(_ node: Node, for key: String, as _: Value.Type, named what: String) -> Value? where Value.RawValue == String {
        guard let value = text(node, for: key) else { return nil }
        guard let result = Value(rawValue: value) else {
            let names = Value.allCases.map(\.rawValue)
            report("unknown \(what) '\(value)' (expected \(Self.alternatives(names)))" + Suggestion.hint(for: value, in: names), at: node)
            return nil
        }
        return result
    }

    /// `a, b or c`.
    static func alternatives(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " or " + words[words.count - 1]
    }

    /// The node as a mapping with only the given keys; see ``MappingReader``.
    func mapping(_ node: Node, for key: String, context: String, keys: [String]) -> MappingReader? {
        MappingReader(node, for: key, context: context, keys: keys, file: self)
    }

    /// A list whose items are mappings; invalid items are reported and skipped.
    func mappings(_ node: Node, for key: String, context: String, keys: [String]) -> [MappingReader]? {
        guard let items = list(node, for: key) else { return nil }
        return items.compactMap { MappingReader($0, for: key, context: context, keys: keys, file: self) }
    }
}
