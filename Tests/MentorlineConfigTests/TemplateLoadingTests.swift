import Foundation
import Testing
import MentorlineConfig
import MentorlineCore

/// One way a templates directory can be wrong, and the problem lines loading must report for it.
struct ProblemCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// Files to add, replace (by name) or remove (nil) in the valid fixture.
    var changes: [String: String?]
    var expected: [String]

    var testDescription: String { name }

    /// A case where only the receipt's Danish template changes.
    static func receipt(_ name: String, _ source: String, _ expected: String...) -> ProblemCase {
        ProblemCase(name: name, changes: ["case.receipt.da.mustache": source], expected: expected.map { "templates/case.receipt.da.mustache:\($0)" })
    }
}

@Suite struct TemplateLoadingTests {
    @Test func validMultiLanguageCatalogLoads() throws {
        let fixture = TemplateFixture().with([
            "case.receipt.en.mustache": "Thank you. Case number: {{case_id}}.\n",
            "case.receipt.ar.mustache": "شكرا. رقم القضية: {{case_id}}\n",
            "task.offered.en.mustache": "New case {{case_id}}, answer by {{deadline}}.\n",
        ])
        let catalog = try fixture.load()
        #expect(catalog.events == ["case.receipt", "ops.case_unroutable", "task.offered"])
        #expect(catalog.languages(for: "case.receipt") == ["ar", "da", "en"])
        #expect(catalog.languages(for: "task.offered") == ["da", "en"])
        #expect(catalog.languages(for: "case.unknown") == [])
    }

    @Test func filesNotEndingInMustacheAreIgnored() throws {
        let fixture = TemplateFixture().with([
            "README.md": "# Beskeder\n{{unknown}}\n",
            ".case.receipt.da.mustache.swp": "binary junk {{",
            "case.receipt.da.mustache~": "{{#broken}}",
            "notes.txt": "",
        ])
        #expect(fixture.problems() == [])
    }

    static let problemCases: [ProblemCase] = [
        .receipt(
            "unknown variable with suggestion", "Tak.\n{{#promise}}\nSenest {{promise_tiem}}.\n{{/promise}}\n",
            "3: unknown variable 'promise_tiem' (did you mean 'promise_time'?)"
        ),
        .receipt("unknown section", "{{#promsie}}x{{/promsie}} {{case_id}}", "1: unknown section 'promsie' (did you mean 'promise'?)"),
        .receipt("unknown triple-mustache variable", "Sag\n{{{casse_id}}}", "2: unknown variable 'casse_id' (did you mean 'case_id'?)"),
        .receipt("unknown ampersand variable", "Sag {{case_id}}\n\n{{& reason }}", "3: unknown variable 'reason'"),
        .receipt("unknown inverted section", "Sag {{case_id}}{{^urgent}} haster ikke{{/urgent}}", "1: unknown section 'urgent'"),
        .receipt("dotted name checks its first part", "Sag {{case_id}} fra {{caller.name}}", "1: unknown variable 'caller.name'"),
        .receipt(
            "dotted name of a known variable", "Sag {{case_id.length}}",
            "1: 'case_id.length' reads a field of 'case_id', but template values have no fields"
        ),
        .receipt(
            "flag used as a variable", "Sag {{case_id}}, lovet: {{promise}}",
            "1: 'promise' is a flag and would print as true or false; use it as a section: {{#promise}}…{{/promise}}"
        ),
        .receipt(
            "transform", "Sag {{uppercased(case_id)}}",
            "1: transforms such as 'uppercased(case_id)' are not allowed in message templates"
        ),
        .receipt("empty tag", "Sag {{ }}", "1: empty variable tag"),
        .receipt("partial", "Tak.\n{{> footer}}\n", "2: partials ({{>…}}) are not allowed in message templates"),
        .receipt("delimiter change", "Tak.\n{{=<% %>=}}\n<% case_id %>\n", "2: changing delimiters ({{=…=}}) is not allowed in message templates"),
        .receipt("pragma", "{{%CONTENT_TYPE:HTML}}\nSag {{case_id}}", "1: pragmas ({{%…}}) are not allowed in message templates"),
        .receipt(
            "inheritance", "Sag {{case_id}}\n{{<base}}\n{{/base}}\n",
            "2: template inheritance ({{<…}}, {{$…}}) is not allowed in message templates"
        ),
        .receipt(
            "unclosed section at its opening line", "Tak.\n{{#promise}}\nSenest {{promise_time}}.\n\n",
            "2: malformed Mustache: section 'promise' is never closed (no {{/promise}})"
        ),
        .receipt(
            "mismatched section close", "{{#promise}}\nSenest {{promise_time}}.\n{{/promse}}\n",
            "3: malformed Mustache: {{/promse}} closes section 'promise' opened on line 1"
        ),
        .receipt(
            "section close without open", "Sag {{case_id}}\n{{/promise}}",
            "2: malformed Mustache: {{/promise}} closes a section that was never opened"
        ),
        .receipt(
            "unclosed tag", "Tak.\nSag {{case_id\nslut\n",
            "2: malformed Mustache: tag is not closed by }}, or its name has a character names cannot have"
        ),
        .receipt(
            "space in a name", "Tak.\n\nSag {{case id}}",
            "3: malformed Mustache: tag is not closed by }}, or its name has a character names cannot have"
        ),
        .receipt(
            "unclosed triple mustache", "Sag {{{case_id}}",
            "1: malformed Mustache: tag is not closed by }}}, or its name has a character names cannot have"
        ),
        .receipt("unclosed comment", "Sag {{case_id}}\n{{! husk\nat rette\n", "2: malformed Mustache: comment is never closed (no }})"),
        .receipt(
            "malformed transform only the parser refuses", "Tak.\n\n{{a(case_id}}",
            "3: transforms such as 'a(case_id' are not allowed in message templates",
            "3: malformed Mustache: a tag is not closed, or its name has a character names cannot have"
        ),
        .receipt(
            "too long", String(repeating: "æ", count: 627) + " {{case_id}}\n",
            "1: renders to 640 characters with the example values; the channel allows 612"
        ),
        .receipt(
            "too long only with flags on", "{{#promise}}\(String(repeating: "x", count: 700)){{/promise}}\nSag {{case_id}}\n",
            "1: renders to 717 characters with the example values; the channel allows 612"
        ),
        .receipt("empty", "{{! kun en kommentar }}\n", "1: renders to an empty text with the example values"),
        .receipt("empty only with flags off", "{{#promise}}Senest {{promise_time}}{{/promise}}\n", "1: renders to an empty text with the example values"),
        .receipt("empty file", "", "1: renders to an empty text with the example values"),
        ProblemCase(
            name: "missing required template",
            changes: ["case.receipt.da.mustache": nil, "case.receipt.en.mustache": "Case {{case_id}}"],
            expected: ["templates/: missing required template case.receipt.da.mustache"]
        ),
        ProblemCase(
            name: "unknown event",
            changes: ["case.reciept.da.mustache": "Sag {{case_id}}"],
            expected: ["templates/case.reciept.da.mustache: unknown event 'case.reciept' (did you mean 'case.receipt'?)"]
        ),
        ProblemCase(
            name: "unknown event without suggestion",
            changes: ["mentor.birthday.da.mustache": "Tillykke"],
            expected: ["templates/mentor.birthday.da.mustache: unknown event 'mentor.birthday'"]
        ),
    ] + ["case.receipt.mustache", "case.receipt.DA.mustache", "case.receipt.dans.mustache", "case.receipt.d.mustache", ".da.mustache", "case.receipt.da.MUSTACHE"].map {
        ProblemCase(
            name: "misnamed \($0)",
            changes: [$0: "Sag {{case_id}}"],
            expected: ["templates/\($0): not a template name: expected <event>.<language>.mustache with a language of 2–3 lowercase letters"]
        )
    }

    @Test(arguments: problemCases)
    func reportsProblem(_ problemCase: ProblemCase) {
        #expect(TemplateFixture().with(problemCase.changes).problems() == problemCase.expected)
    }

    @Test func reportsATemplateThatIsNotUTF8() {
        var fixture = TemplateFixture()
        fixture.binaryFiles = ["task.offered.en.mustache": [0x53, 0x61, 0x67, 0x20, 0xE6, 0x0A]]
        #expect(fixture.problems() == ["templates/task.offered.en.mustache: not valid UTF-8"])
    }

    @Test func reportsADirectoryNamedLikeATemplate() {
        var fixture = TemplateFixture()
        fixture.directories = ["task.offered.en.mustache"]
        #expect(fixture.problems() == ["templates/task.offered.en.mustache: not a regular file"])
    }

    @Test func reportsAMissingDirectory() {
        do {
            _ = try TemplateCatalog.load(directory: .init(filePath: "/nonexistent/mentorline/templates"), specs: TemplateFixture.specs)
            Issue.record("loaded a directory that does not exist")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems.first?.description.hasPrefix("templates/: cannot read the directory: ") == true)
        }
    }

    @Test func reportsEveryProblemTogetherInFileAndLineOrder() {
        let fixture = TemplateFixture().with([
            "ops.case_unroutable.da.mustache": nil,
            "task.offered.da.mustache": "Ny sag {{case_id}}\n{{> footer}}\nSvar senest {{dedline}}.\n{{#coordinator}}\n",
            "case.reciept.en.mustache": "Case {{case_id}}",
            "case.receipt.en.mustache": "Case {{case_id}} {{promise_time}} {{{reason}}}",
        ])
        #expect(fixture.problems() == [
            "templates/: missing required template ops.case_unroutable.da.mustache",
            "templates/case.receipt.en.mustache:1: unknown variable 'reason'",
            "templates/case.reciept.en.mustache: unknown event 'case.reciept' (did you mean 'case.receipt'?)",
            "templates/task.offered.da.mustache:2: partials ({{>…}}) are not allowed in message templates",
            "templates/task.offered.da.mustache:3: unknown variable 'dedline' (did you mean 'deadline'?)",
            "templates/task.offered.da.mustache:4: malformed Mustache: section 'coordinator' is never closed (no {{/coordinator}})",
        ])
    }

    @Test func errorDescriptionHasOneProblemPerLine() {
        let error = TemplateLoadError(problems: [
            TemplateProblem(file: "templates/", line: nil, message: "missing required template case.receipt.da.mustache"),
            TemplateProblem(file: "templates/case.receipt.da.mustache", line: 3, message: "unknown variable 'x'"),
        ])
        #expect(error.description == """
            templates/: missing required template case.receipt.da.mustache
            templates/case.receipt.da.mustache:3: unknown variable 'x'
            """)
    }
}
