import ArgumentParser
import Foundation
import MentorlineControl
import MentorlineDelivery

/// Prints what a command returns; on failure prints its output (field problems) and fails with one
/// line, "Error: …": exit 64 (EX_USAGE) for wrong arguments, else 1.
enum CommandOutput {
    static func run(_ body: () async throws(ControlError) -> String) async throws {
        // libcurl's global state goes before exit, not in atexit handlers (see CurlGlobal).
        defer { CurlGlobal.cleanup() }
        do {
            print(try await body())
        } catch {
            if let output = error.output { print(output) }
            switch error.code {
            case .usage:
                FileHandle.standardError.write(Data("Error: \(error.message)\n".utf8))
                throw ExitCode(64)
            case .configuration, .token, .unreachable, .refused, .unexpectedResponse, .invalidCase:
                throw error
            }
        }
    }
}
