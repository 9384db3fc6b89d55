import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// The receiving end of the daemon's webhooks: answers 204 at once and records, per case id, when its
/// `task.offered` arrived. `POST /trivial` answers 202 and records nothing (the client's ceiling).
/// The first `verifyFirst` messages have their Standard Webhooks signature checked.
final class WebhookSink: Sendable {
    struct Snapshot: Sendable {
        var received = 0
        var offered = 0
        var otherTypes: [String: Int] = [:]
        var duplicates = 0
        var firstArrival: UInt64 = 0
        var lastArrival: UInt64 = 0
        var verified = 0
        var badSignatures = 0
    }

    private struct State {
        var snapshot = Snapshot()
        /// Monotonic arrival time of each case's first task.offered.
        var offeredAt: [String: UInt64] = [:]
        var messageIDs: Set<String> = []
    }

    private let state = Mutex(State())
    /// The signing key's bytes (`SymmetricKey` is not `Sendable`).
    private let key: [UInt8]?
    private let verifyFirst: Int

    init(secret: String?, verifyFirst: Int = 200) {
        if let secret, secret.hasPrefix("whsec_"), let bytes = Data(base64Encoded: String(secret.dropFirst(6))) {
            key = Array(bytes)
        } else {
            key = nil
        }
        self.verifyFirst = verifyFirst
    }

    var snapshot: Snapshot { state.withLock { $0.snapshot } }

    /// Arrival times of the given cases' offers (nil: not arrived).
    func arrivals(of caseIDs: [String]) -> [UInt64?] {
        state.withLock { state in caseIDs.map { state.offeredAt[$0] } }
    }

    /// Arrivals counted since `since` (monotonic ns): how many, and the last one.
    func offeredArrivals(after since: UInt64) -> (count: Int, last: UInt64) {
        state.withLock { state in
            var count = 0
            var last: UInt64 = 0
            for at in state.offeredAt.values where at >= since {
                count += 1
                last = max(last, at)
            }
            return (count, last)
        }
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/hooks/:endpoint") { [self] request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 1 << 20)
            record(body: body, headers: request.headers, at: LoadClient.now())
            return .noContent
        }
        router.post("/trivial") { request, _ -> HTTPResponse.Status in
            _ = try await request.body.collect(upTo: 1 << 20)
            return .accepted
        }
        return router
    }

    private func record(body: ByteBuffer, headers: HTTPFields, at now: UInt64) {
        let bytes = body.readableBytesView
        let type = Self.stringValue(of: "type", in: bytes) ?? "?"
        let caseID = Self.stringValue(of: "case_id", in: bytes)
        let messageID = headers[HTTPField.Name("webhook-id")!] ?? ""
        let shouldVerify = state.withLock { state -> Bool in
            state.snapshot.received += 1
            if state.snapshot.firstArrival == 0 { state.snapshot.firstArrival = now }
            state.snapshot.lastArrival = max(state.snapshot.lastArrival, now)
            if !state.messageIDs.insert(messageID).inserted { state.snapshot.duplicates += 1 }
            if type == "task.offered", let caseID {
                state.snapshot.offered += 1
                if state.offeredAt[caseID] == nil { state.offeredAt[caseID] = now }
            } else {
                state.snapshot.otherTypes[type, default: 0] += 1
            }
            return state.snapshot.verified + state.snapshot.badSignatures < verifyFirst
        }
        if shouldVerify, let key {
            let ok = Self.verify(key: SymmetricKey(data: key), headers: headers, body: Array(bytes))
            state.withLock { state in
                if ok { state.snapshot.verified += 1 } else { state.snapshot.badSignatures += 1 }
            }
        }
    }

    /// Standard Webhooks: `v1,` + base64(HMAC-SHA256(key, "id.timestamp.body")).
    private static func verify(key: SymmetricKey, headers: HTTPFields, body: [UInt8]) -> Bool {
        guard let id = headers[HTTPField.Name("webhook-id")!], let timestamp = headers[HTTPField.Name("webhook-timestamp")!],
              let signatures = headers[HTTPField.Name("webhook-signature")!]
        else { return false }
        var content = Array("\(id).\(timestamp).".utf8)
        content += body
        let expected = "v1," + Data(HMAC<SHA256>.authenticationCode(for: content, using: key)).base64EncodedString()
        return signatures.split(separator: " ").contains { $0 == expected }
    }

    /// The string value of the first `"name": "…"` in a JSON document (no escapes expected in ids).
    static func stringValue(of name: String, in bytes: ByteBufferView) -> String? {
        let needle = Array("\"\(name)\"".utf8)
        let data = Array(bytes)
        var index = 0
        while index + needle.count <= data.count {
            if data[index] == needle[0], data[index..<(index + needle.count)].elementsEqual(needle) {
                var cursor = index + needle.count
                while cursor < data.count, data[cursor] == UInt8(ascii: " ") || data[cursor] == UInt8(ascii: ":") { cursor += 1 }
                guard cursor < data.count, data[cursor] == UInt8(ascii: "\"") else { index += 1; continue }
                let start = cursor + 1
                guard let end = data[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                return String(decoding: data[start..<end], as: UTF8.self)
            }
            index += 1
        }
        return nil
    }
}
