/// How a command prints its result: readable text, or one JSON object for scripts (`--json`).
package enum OutputFormat: Sendable, Hashable {
    case text
    case json
}
