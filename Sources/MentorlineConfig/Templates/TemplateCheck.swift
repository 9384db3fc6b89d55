internal import MentorlineCore
/// Checks one template's source against its event's spec: well-formed Mustache, only the spec's names,
/// none of the Mustache features message templates leave out, and a non-empty text within the channel's
/// limit when rendered with the spec's example values.
struct TemplateCheck {
    /// The parsed template when nothing is wrong with it.
    private(set) var template: MessageTemplate?
    /// What is wrong, in line order (nil lines first).
    private(set) var problems: [(line: Int?, message: String)] = []

    init(source: String, spec: TemplateSpec) {
        let scanner = TemplateTagScanner(source)
        for issue in scanner.issues { problems.append((issue.line, issue.message)) }
        for tag in scanner.tags { checkName(of: tag, against: spec.variables) }

        var parsed: MessageTemplate?
        do {
            parsed = try MessageTemplate(source: source)
        } catch {
            // The scanner names the place better (the line a section was opened on, not the end of the file).
            if !scanner.isMalformed { problems.append((error.line, error.message)) }
        }
        if let parsed, problems.isEmpty {
            checkRenders(of: parsed, with: spec)
        }
        if problems.isEmpty { template = parsed }
        problems = problems.enumerated()
            .sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }
            .map(\.element)
    }

    private mutating func checkName(of tag: TemplateTagScanner.Tag, against variables: [String: TemplateValue]) {
        let what = tag.kind == .section ? "section" : "variable"
        guard !tag.name.isEmpty else {
            problems.append((tag.line, "empty \(what) tag"))
            return
        }
        guard !tag.name.contains("(") else {
            problems.append((tag.line, "transforms such as '\(tag.name)' are not allowed in message templates"))
            return
        }
        let first = String(tag.name.split(separator: ".", omittingEmptySubsequences: false)[0])
        guard let example = variables[first] else {
            problems.append((tag.line, "unknown \(what) '\(tag.name)'\(Suggestion.hint(for: first, in: variables.keys))"))
            return
        }
        if first != tag.name {
            problems.append((tag.line, "'\(tag.name)' reads a field of '\(first)', but template values have no fields"))
        } else if tag.kind == .variable, case .flag = example {
            problems.append((tag.line, "'\(first)' is a flag and would print as true or false; use it as a section: {{#\(first)}}…{{/\(first)}}"))
        }
    }

    /// Renders with the examples, flags all on and then all off, and reports an empty or too long text once.
    private mutating func checkRenders(of template: MessageTemplate, with spec: TemplateSpec) {
        let hasFlags = spec.variables.values.contains { if case .flag = $0 { true } else { false } }
        let settings = hasFlags ? [true, false] : [nil]
        let texts = settings.map { flagSetting in
            template.render(spec.variables.mapValues { value in
                if let flagSetting, case .flag = value { .flag(flagSetting) } else { value }
            })
        }
        if texts.contains(where: \.isEmpty) {
            problems.append((1, "renders to an empty text with the example values"))
        }
        if let maxLength = spec.maxLength, let longest = texts.map(\.count).max(), longest > maxLength {
            problems.append((1, "renders to \(longest) characters with the example values; the channel allows \(maxLength)"))
        }
    }
}
