/// One problem found while loading the message templates, located at a file and, where it has one, a line.
package struct TemplateProblem: Hashable, Sendable, CustomStringConvertible {
    /// The file as the operator sees it (`templates/case.receipt.da.mustache`), or the directory
    /// (`templates/`) for a problem no single file has, such as a missing template.
    package var file: String
    /// 1-based; nil when the problem concerns the file's name or existence rather than its contents.
    package var line: Int?
    /// What is wrong, naming the names involved (`unknown variable 'promise_tiem'`).
    package var message: String

    package init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, or `file: message` without a line: the form editors and CI logs link to.
    package var description: String {
        if let line { "\(file):\(line): \(message)" } else { "\(file): \(message)" }
    }
}
