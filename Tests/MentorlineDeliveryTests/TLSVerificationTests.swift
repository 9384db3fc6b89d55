import Foundation
import MentorlineDelivery
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// TLS peer and host verification are always on; a CA file makes a private CA trusted. Against a real
/// TLS server (`openssl s_server`) with a self-signed certificate for `localhost`.
@Suite(.enabled(if: TLSTestServer.opensslPath != nil, "needs the openssl command"))
struct TLSVerificationTests {
    static let configuration = CurlClientConfiguration(connectTimeout: .seconds(5), totalTimeout: .seconds(10))

    @Test func aCertificateNoTrustedCASignedIsRefused() async throws {
        try await TLSTestServer.with { server in
            try await CurlClient.withClient(configuration: Self.configuration) { client in
                _ = await #expect {
                    try await client.send(.get, HTTPPostRequest(url: "https://localhost:\(server.port)/"))
                } throws: { error in
                    // CURLE_PEER_FAILED_VERIFICATION.
                    if case .transport(60, _)? = (error as? CurlError)?.code { return true }
                    return false
                }
            }
        }
    }

    @Test func theCAFileMakesItTrustedButOnlyForTheNameItCarries() async throws {
        try await TLSTestServer.with { server in
            try await CurlClient.withClient(configuration: Self.configuration) { client in
                let response = try await client.send(.get, HTTPPostRequest(url: "https://localhost:\(server.port)/", caFile: server.certificatePath))
                #expect(response.status == 200)
                // The certificate names localhost, not 127.0.0.1: host verification refuses it.
                await #expect {
                    try await client.send(.get, HTTPPostRequest(url: "https://127.0.0.1:\(server.port)/", caFile: server.certificatePath))
                } throws: { error in
                    if case .transport(60, _)? = (error as? CurlError)?.code { return true }
                    return false
                }
            }
        }
    }
}

/// `openssl s_server -www` on 127.0.0.1 with a fresh self-signed certificate for `localhost` (which is
/// also its own CA). The process is started for one test and terminated after it.
struct TLSTestServer {
    var port: Int
    var certificatePath: String

    static let opensslPath: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func with(_ body: (TLSTestServer) async throws -> Void) async throws {
        let openssl = try #require(opensslPath)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mentorline-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        try run(openssl, [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost", "-keyout", key, "-out", certificate,
        ])

        let server = Process()
        server.executableURL = URL(fileURLWithPath: openssl)
        // Each test makes at most two connections; -naccept ends the server after them in any case.
        server.arguments = ["s_server", "-accept", "127.0.0.1:0", "-cert", certificate, "-key", key, "-www", "-naccept", "2"]
        let output = Pipe()
        server.standardOutput = output
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            // SIGKILL: a child inherits the test process's signal mask, in which SIGTERM may be blocked.
            if server.isRunning { kill(server.processIdentifier, SIGKILL) }
            server.waitUntilExit()
        }
        // `ACCEPT 127.0.0.1:40549` once it listens.
        let port = try await Task.detached { () throws -> Int in
            var text = ""
            while true {
                let data = output.fileHandleForReading.availableData
                guard !data.isEmpty else { throw TLSTestServerError(description: "openssl s_server ended: \(text)") }
                text += String(decoding: data, as: UTF8.self)
                if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ACCEPT ") }), let port = line.split(separator: ":").last.flatMap({ Int($0) }) {
                    return port
                }
            }
        }.value
        try await body(TLSTestServer(port: port, certificatePath: certificate))
    }

    private static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TLSTestServerError(description: "openssl \(arguments[0]) failed") }
    }
}

struct TLSTestServerError: Error, CustomStringConvertible {
    var description: String
}
