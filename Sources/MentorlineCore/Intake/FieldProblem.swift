/// One invalid field of a request: `field` is a JSON path such as `caller.cvr` or `topics[2]`.
package struct FieldProblem: Hashable, Sendable, Codable {
    package var field: String
    package var reason: String

    package init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }
}
