package import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A real `AF_UNIX` datagram socket standing in for systemd's notification socket: tests point
/// `NOTIFY_SOCKET` at ``path`` and read what the daemon sent.
package final class NotifySocket: Sendable {
    package let path: String
    private let descriptor: Int32

    package init(directory: URL) throws {
        path = directory.appendingPathComponent("notify.sock").path
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestDaemonError(description: "socket() failed: \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else { throw TestDaemonError(description: "bind(\(path)) failed: \(errno)") }
        var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    /// Reads datagrams until one contains `assignment` (e.g. `READY=1`), or throws after `timeout`.
    /// Returns every datagram read on the way, the matching one last.
    package func waitFor(_ assignment: String, timeout: Duration = .seconds(10)) async throws -> [String] {
        let deadline = ContinuousClock.now + timeout
        var seen: [String] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                let message = String(decoding: buffer[0..<count], as: UTF8.self)
                seen.append(message)
                if message.split(separator: "\n").contains(Substring(assignment)) { return seen }
            } else {
                await Task.yield()
            }
        }
        throw TestDaemonError(description: "no \(assignment) on the notify socket; saw \(seen)")
    }
}
