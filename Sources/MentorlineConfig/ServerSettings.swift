/// The HTTP listener and the address people reach it at.
package struct ServerSettings: Hashable, Sendable {
    package var listen: ListenAddress
    /// Base for status URLs and action links in messages, without a trailing slash
    /// (`https://mentor.kommune.dk`). Defaults to `http://` + the listen address.
    package var publicURL: String
    /// The key that signs action links in offers; nil: offers carry only the API's URLs.
    package var actionLinkKey: [UInt8]?
    /// How long an action link works after the offer.
    package var actionLinkValidity: Duration

    package init(
        listen: ListenAddress = ConfigurationDefaults.listen, publicURL: String? = nil, actionLinkKey: [UInt8]? = nil,
        actionLinkValidity: Duration = .seconds(24 * 3600)
    ) {
        self.listen = listen
        self.publicURL = publicURL ?? listen.httpURL
        self.actionLinkKey = actionLinkKey
        self.actionLinkValidity = actionLinkValidity
    }
}

/// A host and TCP port to bind (`127.0.0.1:8080`, `[::1]:8080`, `0.0.0.0:8080`); port 0 picks a free one.
package struct ListenAddress: Hashable, Sendable, CustomStringConvertible {
    package var host: String
    package var port: Int

    package init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`, with IPv6 hosts in brackets. Nil when either part is missing or the port is
    /// not in 0…65535.
    package init?(parsing text: String) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[text.index(after: close)...].hasPrefix(":") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":"), !text[..<colon].contains(":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, !host.contains(where: \.isWhitespace), portText.allSatisfy(\.isASCII),
              let port = Int(portText), (0...65535).contains(port)
        else { return nil }
        self.init(host: String(host), port: port)
    }

    package var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// `http://host:port`.
    package var httpURL: String { "http://\(description)" }
}
