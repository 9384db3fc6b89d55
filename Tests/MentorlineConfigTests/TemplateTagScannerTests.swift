import Testing
@testable import MentorlineConfig
import MentorlineCore

@Suite struct TemplateTagScannerTests {
    /// Each template's tags as `kind:name@line`, and what swift-mustache renders it to (trimmed) when every name
    /// has its upper-case self as value: the parser must see a tag exactly where the scanner does.
    @Test(arguments: [
        ("{{ a }}|{{{b}}}|{{&c}}", ["v:a@1", "v:b@1", "v:c@1"], "A|B|C"),
        ("{{!d {{e}} }}|{{#f}}{{g}}{{/f}}", ["s:f@1", "v:g@1"], "}}|G"),
        ("{ {h}}|x{{{i}}}|{{^j}}no{{/j}}", ["v:i@1", "s:j@1"], "{ {h}}|xI|"),
        ("{{!\nmulti\nline}}\n{{k}}\r\n{{l}}", ["v:k@4", "v:l@5"], "K\r\nL"),
        ("{{#f}}\n  {{ g\n}}\n{{/f}}", ["s:f@1", "v:g@2"], "G"),
    ])
    func findsTheTagsTheParserFinds(source: String, tags: [String], rendered: String) throws {
        let scanner = TemplateTagScanner(source)
        #expect(scanner.issues == [])
        #expect(scanner.tags.map { "\($0.kind == .section ? "s" : "v"):\($0.name)@\($0.line)" } == tags)
        let values = Dictionary(uniqueKeysWithValues: "abcdefghijkl".map { (String($0), TemplateValue.text($0.uppercased())) })
        #expect(try MessageTemplate(source: source).render(values) == rendered)
    }

    @Test(arguments: [
        ("cafe", "cafe", 0), ("reciept", "receipt", 1), ("promise_tiem", "promise_time", 1), ("dedline", "deadline", 1),
        ("", "abc", 3), ("kitten", "sitting", 3),
    ])
    func editDistance(lhs: String, rhs: String, distance: Int) {
        #expect(Suggestion.editDistance(lhs, rhs) == distance)
    }

    @Test func suggestsOnlyWithinTwoEdits() {
        #expect(Suggestion.hint(for: "case_idd", in: ["case_id", "promise"]) == " (did you mean 'case_id'?)")
        #expect(Suggestion.hint(for: "caseidxx", in: ["case_id"]) == "")
    }
}
