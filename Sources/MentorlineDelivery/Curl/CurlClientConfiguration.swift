/// Settings of a ``CurlClient``; every field has a default suitable for webhook delivery.
package struct CurlClientConfiguration: Sendable {
    /// Longest time to establish a TCP (and TLS) connection.
    package var connectTimeout: Duration
    /// Longest time for a whole transfer, connect included.
    package var totalTimeout: Duration
    /// Response bodies are kept up to this many bytes; the rest is read and discarded.
    package var maxResponseBodyBytes: Int
    /// Most parallel connections to one host; further transfers wait inside libcurl.
    package var maxConnectionsPerHost: Int
    /// Most parallel connections overall; also the size of the keep-alive connection cache.
    package var maxConnectionsTotal: Int
    /// Sent as `User-Agent`.
    package var userAgent: String

    package init(
        connectTimeout: Duration = .seconds(5),
        totalTimeout: Duration = .seconds(30),
        maxResponseBodyBytes: Int = 64 * 1024,
        maxConnectionsPerHost: Int = 16,
        maxConnectionsTotal: Int = 64,
        userAgent: String = "mentorline"
    ) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxResponseBodyBytes = maxResponseBodyBytes
        self.maxConnectionsPerHost = maxConnectionsPerHost
        self.maxConnectionsTotal = maxConnectionsTotal
        self.userAgent = userAgent
    }
}

extension Duration {
    /// Whole milliseconds, rounded up and at least 1: libcurl reads 0 as "no timeout".
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = self.components
        guard seconds >= 0, attoseconds >= 0 || seconds > 0 else { return 1 }
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        if overflow { return Int(Int32.max) }
        let fraction = (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Swift.max(1, Int(clamping: whole + fraction))
    }
}
