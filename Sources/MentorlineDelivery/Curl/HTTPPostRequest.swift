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
    /// The whole transfer, connect included; nil takes the client's ``CurlClientConfiguration/totalTimeout``.
    package var timeout: Duration?
    /// Establishing the connection; nil takes the client's ``CurlClientConfiguration/connectTimeout``.
    package var connectTimeout: Duration?
    /// A PEM bundle of the certificate authorities to trust for `https`, instead of the system's; nil
    /// keeps the system's. Peer and host verification are on either way.
    package var caFile: String?

    package init(
        url: String, headers: [Header] = [], body: [UInt8] = [], timeout: Duration? = nil, connectTimeout: Duration? = nil,
        caFile: String? = nil
    ) {
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.caFile = caFile
    }
}
