/// One problem found in the configuration, located at the line and column of the YAML that causes it.
///
/// Messages name keys, ids and file paths, never the contents of a secret or token file.
package struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's path relative to the configuration directory (`roster.yaml`).
    package var file: String
    /// 1-based; 1 when the problem concerns the file as a whole.
    package var line: Int
    /// 1-based, counted in Unicode scalars as libYAML counts them.
    package var column: Int
    package var message: String

    package init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`, the form editors and CI logs link to.
    package var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Every problem found in one pass over the configuration, in file and line order.
package struct ConfigurationErrors: Error, Sendable, CustomStringConvertible {
    package var errors: [ConfigurationError]

    package init(errors: [ConfigurationError]) {
        self.errors = errors
    }

    /// One error per line.
    package var description: String { errors.map(\.description).joined(separator: "\n") }
}
