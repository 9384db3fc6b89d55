/// One HTTP POST to send with ``CurlClient``.
package struct HTTPPostRequest: Sendable {
    /// One request header. Names and values must not contain CR, LF or NUL.
    package struct Header: Sendable, Hashable {
        package var name: String
        package var value: String

        package init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Absolute `http://` or `https://` URL.
    package var url: String
    package var headers: [Header]
    package var body: [UInt8]

    package init(url: String, headers: [Header] = [], body: [UInt8] = []) {
        self.url = url
        self.headers = headers
        self.body = body
    }
}
