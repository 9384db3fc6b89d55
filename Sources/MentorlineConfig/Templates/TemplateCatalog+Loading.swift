package import Foundation

extension TemplateCatalog {
    /// Reads and checks every `<event>.<language>.mustache` in `directory` and refuses the lot on any doubt:
    /// a spec's event without a template in `requiredLanguage`, a `.mustache` file whose name is not of that
    /// form or names an event no spec has, malformed Mustache, a name the spec does not have, a partial,
    /// pragma, delimiter change or inheritance tag, or a text that, rendered with the spec's example values,
    /// is empty or longer than its channel allows. Files not ending in `.mustache` are ignored.
    ///
    /// - Parameters:
    ///   - specs: One per event; an event appears at most once.
    ///   - displayPath: How problems name the directory (`templates` → `templates/case.receipt.da.mustache:3: …`).
    /// - Throws: Every problem found, in file and line order.
    package static func load(
        directory: URL,
        specs: [TemplateSpec],
        displayPath: String = "templates",
        requiredLanguage: String = "da",
        fallbackLanguage: String = "da"
    ) throws(TemplateLoadError) -> TemplateCatalog {
        let specsByEvent = Dictionary(specs.map { ($0.event, $0) }, uniquingKeysWith: { first, _ in
            preconditionFailure("two template specs for event '\(first.event)'")
        })
        let directoryName = displayPath.hasSuffix("/") ? displayPath : displayPath + "/"
        var problems: [TemplateProblem] = []
        var templates: [String: [String: MessageTemplate]] = [:]

        let entries: [URL]
        do {
            entries = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.isRegularFileKey])
        } catch {
            throw TemplateLoadError(problems: [TemplateProblem(file: directoryName, line: nil, message: "cannot read the directory: \(error.localizedDescription)")])
        }
        var presentFiles: Set<String> = []
        for entry in entries.sorted(by: { $0.lastPathComponent < $1.lastPathComponent }) {
            let fileName = entry.lastPathComponent
            guard TemplateFileName.looksLikeTemplate(fileName) else { continue }
            presentFiles.insert(fileName)
            let file = directoryName + fileName
            func report(_ line: Int?, _ message: String) {
                problems.append(TemplateProblem(file: file, line: line, message: message))
            }
            guard let name = TemplateFileName(fileName) else {
                report(nil, "not a template name: expected <event>.<language>.mustache with a language of 2–3 lowercase letters")
                continue
            }
            guard let spec = specsByEvent[name.event] else {
                report(nil, "unknown event '\(name.event)'\(Suggestion.hint(for: name.event, in: specsByEvent.keys))")
                continue
            }
            guard (try? entry.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else {
                report(nil, "not a regular file")
                continue
            }
            let source: String
            do {
                guard let text = String(validating: try Data(contentsOf: entry), as: UTF8.self) else {
                    report(nil, "not valid UTF-8")
                    continue
                }
                // A byte order mark, as some Windows editors write, would otherwise open the message.
                source = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
            } catch {
                report(nil, "cannot read the file: \(error.localizedDescription)")
                continue
            }
            let check = TemplateCheck(source: source, spec: spec)
            for problem in check.problems { report(problem.line, problem.message) }
            if let template = check.template { templates[name.event, default: [:]][name.language] = template }
        }

        for event in specsByEvent.keys.sorted() {
            let required = TemplateFileName(event: event, language: requiredLanguage).fileName
            if !presentFiles.contains(required) {
                problems.append(TemplateProblem(file: directoryName, line: nil, message: "missing required template \(required)"))
            }
        }
        guard problems.isEmpty else {
            throw TemplateLoadError(problems: problems.enumerated().sorted {
                ($0.element.file, $0.element.line ?? 0, $0.offset) < ($1.element.file, $1.element.line ?? 0, $1.offset)
            }.map(\.element))
        }
        return TemplateCatalog(templates: templates, requiredLanguage: requiredLanguage, fallbackLanguage: fallbackLanguage)
    }
}
