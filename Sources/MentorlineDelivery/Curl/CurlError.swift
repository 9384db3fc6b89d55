/// Why a POST did not produce an ``HTTPPostResponse``.
///
/// The description names only the kind of failure and libcurl's generic message for its code: never
/// the URL, headers or body, which may carry tokens or personal data.
package struct CurlError: Error, Hashable, CustomStringConvertible {
    package enum Code: Sendable, Hashable {
        /// The URL is not an absolute URL libcurl can parse.
        case invalidURL
        /// The URL's scheme is not `http` or `https`.
        case unsupportedScheme
        /// A header name or value contains CR, LF or NUL, or the name is empty or has a colon.
        case invalidHeader
        /// libcurl failed the transfer (connect refused, timeout, TLS, ...).
        case transport(curlCode: Int, message: String)
        /// The client was shut down before the transfer finished.
        case clientShutDown
        /// libcurl or the client thread could not be set up.
        case initializationFailed
    }

    package var code: Code

    package init(_ code: Code) {
        self.code = code
    }

    /// True when libcurl gave up because a timeout elapsed (`CURLE_OPERATION_TIMEDOUT`).
    package var isTimeout: Bool {
        if case .transport(let curlCode, _) = self.code { return curlCode == 28 }
        return false
    }

    package var description: String {
        switch self.code {
        case .invalidURL: "CurlError(invalidURL)"
        case .unsupportedScheme: "CurlError(unsupportedScheme: only http and https are allowed)"
        case .invalidHeader: "CurlError(invalidHeader)"
        case .transport(let curlCode, let message): "CurlError(transport: curl code \(curlCode), \(message))"
        case .clientShutDown: "CurlError(clientShutDown)"
        case .initializationFailed: "CurlError(initializationFailed)"
        }
    }
}
