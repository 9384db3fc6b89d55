/// Every problem found in one pass over the templates directory, in file and line order.
package struct TemplateLoadError: Error, Sendable, CustomStringConvertible {
    /// Never empty.
    package var problems: [TemplateProblem]

    package init(problems: [TemplateProblem]) {
        self.problems = problems
    }

    /// One problem per line.
    package var description: String { problems.map(\.description).joined(separator: "\n") }
}
