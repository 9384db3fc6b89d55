import ArgumentParser
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import MentorlineConfig
import MentorlineDelivery
import NIOCore
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `mentorctl listen`: a webhook receiver for trying Mentorline out and for debugging a deployment.
/// It verifies each delivery's Standard Webhooks signature and prints one line per message.
struct ListenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen",
        abstract: "Receive Mentorline webhooks, verify their signatures and print one line per message.",
        discussion: """
            Accepts POST on any path. Answers 204 to a correctly signed message and 401 to anything \
            else, and prints one line per request to standard output. Stops on SIGINT or SIGTERM.

            Example:
              mentorctl listen --listen 127.0.0.1:8099 --secret-file /etc/mentorline/webhook.secret
            """
    )

    @Option(name: .long, help: ArgumentHelp("Address to listen on.", valueName: "host:port"))
    var listen = "127.0.0.1:8099"

    @Option(
        name: .customLong("secret-file"),
        help: ArgumentHelp(
            "File holding a whsec_… secret. Repeat to accept several secrets (key rotation).", valueName: "path")
    )
    var secretFiles: [String] = []

    @Option(name: .long, help: ArgumentHelp("Accepted clock difference, in seconds.", valueName: "seconds"))
    var tolerance = 300

    func validate() throws {
        guard !self.secretFiles.isEmpty else {
            throw ValidationError("Give at least one --secret-file.")
        }
        guard self.tolerance >= 0 else {
            throw ValidationError("--tolerance must not be negative.")
        }
        _ = try self.listenAddress()
    }

    private func listenAddress() throws -> ListenAddress {
        guard let address = ListenAddress(parsing: self.listen) else {
            throw ValidationError("--listen must look like 127.0.0.1:8099 or [::1]:8099 (got \"\(self.listen)\").")
        }
        return address
    }

    func run() async throws {
        let address = try self.listenAddress()
        let secrets = try self.secretFiles.map(Self.readSecret(at:))
        let verifier = WebhookVerifier(secrets: secrets, tolerance: .seconds(self.tolerance))
        let output = LineWriter()

        var logger = Logger(label: "mentorctl.listen")
        logger.logLevel = .warning
        let app = Application(
            responder: CallbackResponder { (request: Request, _: BasicRequestContext) in
                try await Self.handle(request, verifier: verifier, output: output)
            },
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port)),
            onServerRunning: { channel in
                let bound = ListenAddress(host: address.host, port: channel.localAddress?.port ?? address.port)
                output.emit("listening on \(bound.httpURL) with \(secrets.count) secret(s); Ctrl-C stops")
            },
            logger: logger
        )
        try await app.runService()  // graceful shutdown on SIGTERM and SIGINT
    }

    // MARK: Handling

    private static let maxBodyBytes = 1024 * 1024

    private static func handle(_ request: Request, verifier: WebhookVerifier, output: LineWriter) async throws -> Response {
        let receivedAt = Date()
        guard request.method == .post else {
            output.emit(WebhookLine.rejected(reason: "method \(request.method.rawValue) is not POST", path: request.uri.path, at: receivedAt))
            return Response(status: .methodNotAllowed, headers: [.allow: "POST"])
        }
        var request = request
        let body: [UInt8]
        do {
            body = Array(try await request.collectBody(upTo: Self.maxBodyBytes).readableBytesView)
        } catch {
            output.emit(WebhookLine.rejected(reason: "body larger than \(Self.maxBodyBytes) bytes", path: request.uri.path, at: receivedAt))
            return Response(status: .contentTooLarge)
        }
        let messageID = request.headers[Self.webhookID]
        do {
            try verifier.verify(
                messageID: messageID,
                timestamp: request.headers[Self.webhookTimestamp],
                signatureHeader: request.headers[Self.webhookSignature],
                body: body,
                now: receivedAt
            )
        } catch {
            output.emit(WebhookLine.rejected(reason: error.description, path: request.uri.path, at: receivedAt))
            return Response(status: .unauthorized)
        }
        output.emit(WebhookLine.accepted(body: body, messageID: messageID, receivedAt: receivedAt))
        return Response(status: .noContent)
    }

    private static let webhookID = HTTPField.Name("webhook-id")!
    private static let webhookTimestamp = HTTPField.Name("webhook-timestamp")!
    private static let webhookSignature = HTTPField.Name("webhook-signature")!

    private static func readSecret(at path: String) throws -> WebhookSecret {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ListenError(message: "Cannot read secret file \(path).")
        }
        do {
            return try WebhookSecret(parsing: text)
        } catch {
            throw ListenError(message: "Secret file \(path): \(error)")
        }
    }
}

/// A start-up failure of `mentorctl listen`; ArgumentParser prints it as "Error: <message>".
struct ListenError: Error, CustomStringConvertible {
    var message: String
    var description: String { self.message }
}

/// The lines `mentorctl listen` prints.
enum WebhookLine {
    /// The parts of a Mentorline message body this command shows; everything is optional so that
    /// an unexpected body still prints.
    private struct Message: Decodable {
        struct Payload: Decodable {
            struct Recipient: Decodable {
                var kind: String?
                var id: String?
            }

            var caseID: String?
            var taskID: String?
            var recipient: Recipient?
            var text: String?

            enum CodingKeys: String, CodingKey {
                case caseID = "case_id"
                case taskID = "task_id"
                case recipient
                case text
            }
        }

        var type: String?
        var timestamp: String?
        var data: Payload?
    }

    static let maxTextCharacters = 100

    /// `2026-11-23 10:42:03  ✓ task.offered  → mentor amira-haddad  case case_01J…  task task_01J…  "Ny henvendelse: …"`
    static func accepted(body: [UInt8], messageID: String?, receivedAt: Date) -> String {
        guard let message = try? JSONDecoder().decode(Message.self, from: Data(body)) else {
            let id = messageID.map { "  id \(Self.clean($0))" } ?? ""
            return "\(Self.localTime(receivedAt))  ✓ (not a Mentorline message, \(body.count) bytes)\(id)"
        }
        let time = message.timestamp.flatMap { try? Date($0, strategy: .iso8601) } ?? receivedAt
        var line = "\(Self.localTime(time))  ✓ \(Self.clean(message.type ?? "(no type)"))"
        if let recipient = message.data?.recipient {
            line += "  → \(Self.clean(recipient.kind ?? "?")) \(Self.clean(recipient.id ?? "?"))"
        }
        if let caseID = message.data?.caseID {
            line += "  case \(Self.clean(caseID))"
        }
        if let taskID = message.data?.taskID {
            line += "  task \(Self.clean(taskID))"
        }
        if let text = message.data?.text {
            line += "  \"\(Self.truncated(Self.clean(text)))\""
        }
        return line
    }

    static func rejected(reason: String, path: String, at time: Date) -> String {
        "\(Self.localTime(time))  ✗ rejected: \(reason)  (\(Self.truncated(Self.clean(path))))"
    }

    /// Control characters (newlines, terminal escapes) become spaces: the output is a terminal.
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    static func truncated(_ text: String) -> String {
        text.count <= Self.maxTextCharacters ? text : text.prefix(Self.maxTextCharacters - 1) + "…"
    }

    /// `yyyy-MM-dd HH:mm:ss` in the local time zone (TZ).
    static func localTime(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return "????-??-?? ??:??:??" }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }
}

/// Writes whole lines to standard output, unbuffered (each line is visible at once, even through a
/// pipe) and one at a time (requests are handled concurrently).
final class LineWriter: Sendable {
    private let lock = Mutex(())

    func emit(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        self.lock.withLock { _ in
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return
                    }
                    offset += written
                }
            }
        }
    }
}
