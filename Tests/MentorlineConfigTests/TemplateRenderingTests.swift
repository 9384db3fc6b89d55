import Foundation
import Testing
import MentorlineConfig
import MentorlineCore

@Suite struct TemplateRenderingTests {
    @Test(arguments: [
        (true, "Tak for din henvendelse til Mentor-telefonen. En mentor kontakter dig senest mandag den 30. november kl. 08:00. Sagsnummer: C-01JD3Q5Z6X."),
        (false, "Tak for din henvendelse til Mentor-telefonen. En koordinator kontakter dig hurtigst muligt. Sagsnummer: C-01JD3Q5Z6X."),
    ])
    func rendersTheDanishReceipt(promise: Bool, expected: String) throws {
        let catalog = try TemplateFixture().load()
        let values: [String: TemplateValue] = [
            "case_id": .text("C-01JD3Q5Z6X"), "promise": .flag(promise), "promise_time": .text("mandag den 30. november kl. 08:00"),
        ]
        let rendered = catalog.render(event: "case.receipt", language: "da", values: values)
        #expect(rendered == RenderedTemplate(text: expected, file: "case.receipt.da.mustache", language: "da"))
    }

    @Test(arguments: [
        ("case.receipt", "ar", "ar"),  // present
        ("case.receipt", "tr", "en"),  // the fallback language
        ("task.offered", "tr", "da"),  // neither: the required language
        ("task.offered", "da", "da"),
    ])
    func fallsBackFromLanguageToFallbackToRequired(event: String, asked: String, used: String) throws {
        var fixture = TemplateFixture().with([
            "case.receipt.en.mustache": "en {{case_id}}",
            "case.receipt.ar.mustache": "ar {{case_id}}",
        ])
        fixture.fallbackLanguage = "en"
        let rendered = try #require(try fixture.load().render(event: event, language: asked, values: [:]))
        #expect(rendered.language == used)
        #expect(rendered.file == "\(event).\(used).mustache")
    }

    @Test func unknownEventRendersNothing() throws {
        #expect(try TemplateFixture().load().render(event: "case.reciept", language: "da", values: [:]) == nil)
    }

    @Test func doesNotEscapeHTML() throws {
        let catalog = try TemplateFixture().with([
            "ops.case_unroutable.da.mustache": "{{reason}} | {{{reason}}} | {{&reason}} | {{#reason}}{{reason}}{{/reason}}",
        ]).load()
        let text = #"R&D <ok> "citat" 'enkelt' = æøå"#
        let rendered = catalog.render(event: "ops.case_unroutable", language: "da", values: ["reason": .text(text)])
        #expect(rendered?.text == Array(repeating: text, count: 4).joined(separator: " | "))
    }

    @Test(arguments: [
        (["coordinator": TemplateValue.flag(true), "case_id": .text("C-1")], "Ny sag C-1 (fra koordinator). Svar senest ."),
        (["coordinator": .flag(false), "case_id": .text("C-1"), "deadline": .text("14:35")], "Ny sag C-1. Svar senest 14:35."),
        ([:], "Ny sag . Svar senest ."),
    ])
    func rendersFlagSectionsAndMissingValues(values: [String: TemplateValue], expected: String) throws {
        #expect(try TemplateFixture().load().render(event: "task.offered", language: "da", values: values)?.text == expected)
    }

    @Test(arguments: [
        (["deadline": TemplateValue.text("14:35")], "Svar senest 14:35."),
        (["deadline": .text("")], "Ingen frist."),
        ([:], "Ingen frist."),
    ])
    func emptyOrMissingTextLeavesItsSectionOut(values: [String: TemplateValue], expected: String) throws {
        let catalog = try TemplateFixture().with([
            "task.offered.da.mustache": "{{#deadline}}Svar senest {{deadline}}.{{/deadline}}{{^deadline}}Ingen frist.{{/deadline}} {{case_id}}",
        ]).load()
        #expect(catalog.render(event: "task.offered", language: "da", values: values)?.text == expected)
    }

    @Test(arguments: [
        (true, "Sag C-1\nEn koordinator følger op.\n\n  Med venlig hilsen"),
        (false, "Sag C-1\n\n  Med venlig hilsen"),
    ])
    func trimsTheEndsAndKeepsInteriorLineBreaks(coordinator: Bool, expected: String) throws {
        let catalog = try TemplateFixture().with([
            "task.offered.da.mustache": "\n  \n Sag {{case_id}}\n{{#coordinator}}\nEn koordinator følger op.\n{{/coordinator}}\n\n  Med venlig hilsen\n\n",
        ]).load()
        let values: [String: TemplateValue] = ["case_id": .text("C-1"), "coordinator": .flag(coordinator)]
        #expect(catalog.render(event: "task.offered", language: "da", values: values)?.text == expected)
    }

    @Test func templateValuesHaveASimpleJSONForm() throws {
        let values: [String: TemplateValue] = ["case_id": .text("C-1"), "promise": .flag(true), "empty": .text("")]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(values), as: UTF8.self)
        #expect(json == #"{"case_id":"C-1","empty":"","promise":true}"#)
        #expect(try JSONDecoder().decode([String: TemplateValue].self, from: Data(json.utf8)) == values)
    }
}
