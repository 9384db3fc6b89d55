import Foundation
import MentorlineConfig
import MentorlineCore

/// A templates directory written to a temporary folder: a valid template per event by default, with the
/// ones under test added, replaced or removed. Loads it, removes it, and hands back the catalog or the problem lines.
struct TemplateFixture {
    static let receiptDanish = """
        Tak for din henvendelse til Mentor-telefonen. {{#promise}}En mentor kontakter dig senest {{promise_time}}.{{/promise}}\
        {{^promise}}En koordinator kontakter dig hurtigst muligt.{{/promise}} Sagsnummer: {{case_id}}.

        """

    static let specs = [
        TemplateSpec(
            event: "case.receipt",
            variables: ["case_id": .text("C-01JD3Q5Z6X"), "promise": .flag(true), "promise_time": .text("mandag den 30. november kl. 08:00")],
            maxLength: 612
        ),
        TemplateSpec(event: "task.offered", variables: ["case_id": .text("C-01JD3Q5Z6X"), "coordinator": .flag(false), "deadline": .text("14:35")]),
        TemplateSpec(event: "ops.case_unroutable", variables: ["case_id": .text("C-01JD3Q5Z6X"), "reason": .text("nobody on duty speaks uk")]),
    ]

    /// File name → contents; a nil value leaves the file out.
    var files: [String: String?] = [
        "case.receipt.da.mustache": TemplateFixture.receiptDanish,
        "task.offered.da.mustache": "Ny sag {{case_id}}{{#coordinator}} (fra koordinator){{/coordinator}}. Svar senest {{deadline}}.\n",
        "ops.case_unroutable.da.mustache": "Sag {{case_id}} kunne ikke fordeles: {{reason}}\n",
    ]
    /// File name → bytes, for contents that are not text.
    var binaryFiles: [String: [UInt8]] = [:]
    /// Subdirectories to create.
    var directories: [String] = []
    var specs = TemplateFixture.specs
    var fallbackLanguage = "da"

    /// The fixture with `changes` applied to its files.
    func with(_ changes: [String: String?]) -> TemplateFixture {
        var copy = self
        copy.files.merge(changes) { _, new in new }
        return copy
    }

    func load() throws(TemplateLoadError) -> TemplateCatalog {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for case (let name, let contents?) in files {
            try! Data(contents.utf8).write(to: directory.appendingPathComponent(name))
        }
        for (name, bytes) in binaryFiles {
            try! Data(bytes).write(to: directory.appendingPathComponent(name))
        }
        for name in directories {
            try! FileManager.default.createDirectory(at: directory.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        return try TemplateCatalog.load(directory: directory, specs: specs, fallbackLanguage: fallbackLanguage)
    }

    /// The problem lines of loading, or an empty array when it loads.
    func problems() -> [String] {
        do {
            _ = try load()
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }
}
