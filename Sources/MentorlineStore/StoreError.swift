/// Errors the store reports. Descriptions carry ids and codes, never personal data.
package struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    package enum Code: String, Hashable, Sendable {
        /// The store was asked to do something after it stopped taking work.
        case shuttingDown = "shutting_down"
        /// A row that should exist does not, or holds what the schema cannot describe.
        case corruptRow = "corrupt_row"
        /// The database refused a write or read.
        case database
    }

    package var code: Code
    package var context: String

    package init(_ code: Code, _ context: String) {
        self.code = code
        self.context = context
    }

    package var description: String { "store error \(code.rawValue): \(context)" }
}
