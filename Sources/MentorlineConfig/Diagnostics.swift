/// Collects the errors of one load, so that a single pass reports every problem.
///
/// A load owns its instance and runs on one thread; it is never shared.
final class Diagnostics {
    private var collected: [(order: Int, error: ConfigurationError)] = []
    /// Files in the order they were read, so errors sort by file first.
    private var fileOrder: [String: Int] = [:]

    func report(_ message: String, file: String, line: Int, column: Int) {
        if fileOrder[file] == nil { fileOrder[file] = fileOrder.count }
        collected.append((collected.count, ConfigurationError(file: file, line: line, column: column, message: message)))
    }

    var isEmpty: Bool { collected.isEmpty }

    /// The errors by file (in reading order), line and column; ties keep the order they were found in.
    var errors: [ConfigurationError] {
        collected.sorted { lhs, rhs in
            let left = (fileOrder[lhs.error.file] ?? 0, lhs.error.line, lhs.error.column, lhs.order)
            let right = (fileOrder[rhs.error.file] ?? 0, rhs.error.line, rhs.error.column, rhs.order)
            return left < right
        }.map(\.error)
    }
}
