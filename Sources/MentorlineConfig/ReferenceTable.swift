internal import Yams

/// The kinds of things configuration declares by id and refers to by id.
enum ReferenceKind: String {
    case topic
    case mentor
    case team
    case schedule
    case policy = "escalation policy"
    case route
    case endpoint
    case token
    case cafe = "café"
    case volunteer
    case talk

    /// What identifies one: tokens have names, everything else ids.
    var identifierWord: String { self == .token ? "name" : "id" }
}

/// Declared ids and the references to them, across files: references are checked once everything is
/// declared, so a file may refer to something declared further down or in the other file.
final class ReferenceTable {
    private var declared: [ReferenceKind: [String: Mark?]] = [:]
    private var references: [(kind: ReferenceKind, id: String, node: Node, file: YAMLFile)] = []

    /// Declares `id`; false (with an error) when it is already declared.
    @discardableResult
    func declare(_ kind: ReferenceKind, _ id: String, at node: Node, in file: YAMLFile) -> Bool {
        if let first = declared[kind]?[id] {
            let location = first.map { " (first defined at line \($0.line))" } ?? ""
            file.report("duplicate \(kind.rawValue) \(kind.identifierWord) '\(id)'\(location)", at: node)
            return false
        }
        declared[kind, default: [:]][id] = node.mark
        return true
    }

    /// Records that `node` names the `kind` `id`; checked by ``checkReferences()``.
    func refer(to kind: ReferenceKind, _ id: String, at node: Node, in file: YAMLFile) {
        references.append((kind, id, node, file))
    }

    func isDeclared(_ kind: ReferenceKind, _ id: String) -> Bool { declared[kind]?[id] != nil }

    /// Reports every reference to an id that was never declared.
    func checkReferences() {
        for reference in references where !isDeclared(reference.kind, reference.id) {
            let known = declared[reference.kind].map { Array($0.keys) } ?? []
            // A volunteer token in mentorline.yaml without a cafe.yaml (or one without volunteers): say where they live.
            let hint = known.isEmpty && reference.kind == .volunteer
                ? " (volunteers are declared in cafe.yaml, which declares none)" : Suggestion.hint(for: reference.id, in: known.sorted())
            reference.file.report("unknown \(reference.kind.rawValue) '\(reference.id)'" + hint, at: reference.node)
        }
    }
}
