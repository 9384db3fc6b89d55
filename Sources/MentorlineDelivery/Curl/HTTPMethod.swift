/// The method of a request sent with ``CurlClient/send(_:_:)``.
package enum HTTPMethod: String, Sendable, Hashable, CaseIterable {
    /// Sends no body, whatever the request holds.
    case get = "GET"
    case post = "POST"
    case put = "PUT"
    /// Sends the request's body only when it is not empty.
    case delete = "DELETE"
}
