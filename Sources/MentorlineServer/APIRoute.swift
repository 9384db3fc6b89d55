/// One operation the server answers, as the OpenAPI document names it (`POST /v1/cases/{id}`).
package struct APIRoute: Hashable, Sendable, Comparable, CustomStringConvertible {
    package var method: String
    package var path: String

    package init(method: String, path: String) {
        self.method = method.uppercased()
        self.path = path
    }

    package var description: String { "\(method) \(path)" }

    package static func < (lhs: Self, rhs: Self) -> Bool { (lhs.path, lhs.method) < (rhs.path, rhs.method) }
}
