#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Raw TCP sockets on 127.0.0.1 for failure tests.
package enum LocalSockets {
    package struct SocketError: Error, CustomStringConvertible {
        package var operation: String
        package var errno: Int32
        package var description: String { "LocalSockets: \(self.operation) failed (errno \(self.errno))" }
    }

    /// A listener that never accepts: connections complete in the kernel's backlog and requests are
    /// never answered, so a client runs into its timeout. The socket is closed after `body`.
    @discardableResult
    package static func withSilentListener<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (_ port: Int) async throws -> Result
    ) async throws -> Result {
        try await self.withSocket(listening: true, body)
    }

    /// A port bound on 127.0.0.1 with nothing listening on it: connecting is refused. Holding the
    /// binding keeps another process from taking the port during `body`.
    @discardableResult
    package static func withRefusingPort<Result>(
        isolation: isolated (any Actor)? = #isolation,
        _ body: (_ port: Int) async throws -> Result
    ) async throws -> Result {
        try await self.withSocket(listening: false, body)
    }

    private static func withSocket<Result>(
        isolation: isolated (any Actor)? = #isolation,
        listening: Bool,
        _ body: (_ port: Int) async throws -> Result
    ) async throws -> Result {
        #if canImport(Darwin)
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #else
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard descriptor >= 0 else { throw SocketError(operation: "socket", errno: errno) }
        defer { close(descriptor) }

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else { throw SocketError(operation: "bind", errno: errno) }
        if listening {
            guard listen(descriptor, 64) == 0 else { throw SocketError(operation: "listen", errno: errno) }
        }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw SocketError(operation: "getsockname", errno: errno) }
        return try await body(Int(UInt16(bigEndian: address.sin_port)))
    }
}
