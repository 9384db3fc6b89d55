internal import Yams

/// A YAML mapping checked against the keys its schema allows: unknown keys are reported (with a
/// did-you-mean hint) when the reader is made, missing required keys when they are asked for.
struct MappingReader {
    let file: YAMLFile
    let node: Node
    /// Where the mapping is, for messages: `mentor`, `the top level`.
    let context: String
    private let entries: [String: Node]

    init?(_ node: Node, for key: String, context: String, keys: [String], file: YAMLFile) {
        guard case let .mapping(mapping) = node else {
            file.report("expected a mapping for '\(key)', found \(YAMLFile.describe(node))", at: node)
            return nil
        }
        var entries: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard case let .scalar(scalar) = keyNode else {
                file.report("keys must be plain strings, found \(YAMLFile.describe(keyNode)) in \(context)", at: keyNode)
                continue
            }
            guard keys.contains(scalar.string) else {
                file.report("unknown key '\(scalar.string)' in \(context)" + Suggestion.hint(for: scalar.string, in: keys), at: keyNode)
                continue
            }
            entries[scalar.string] = value
        }
        self.file = file
        self.node = node
        self.context = context
        self.entries = entries
    }

    /// The value of an optional key; an explicit null (`key:`) counts as absent.
    func optional(_ key: String) -> Node? {
        guard let value = entries[key], !YAMLFile.isNull(value) else { return nil }
        return value
    }

    /// The value of a required key, or nil after reporting that it is missing.
    func required(_ key: String) -> Node? {
        guard let value = entries[key] else {
            file.report("missing required key '\(key)' in \(context)", at: node)
            return nil
        }
        return value
    }

    func contains(_ key: String) -> Bool { optional(key) != nil }
}
