package import Foundation

/// Mints identifiers that sort by creation time: `case_01JD…` (a ULID-like, Crockford base32 body).
///
/// The time part comes from the caller's `now`, so tests with a fixed clock get ordered ids too; the
/// random part comes from the system generator, which is the one source of entropy Core accepts.
package struct IdentifierGenerator: Sendable {
    package init() {}

    package func make<Kind: IdentifierKind>(_ kind: Kind.Type, at now: Date) -> Identifier<Kind> {
        var generator = SystemRandomNumberGenerator()
        return make(kind, at: now, using: &generator)
    }

    package func make<Kind: IdentifierKind, R: RandomNumberGenerator>(
        _ kind: Kind.Type, at now: Date, using generator: inout R
    ) -> Identifier<Kind> {
        let milliseconds = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        var body = [UInt8](repeating: 0, count: 26)
        var time = milliseconds
        for index in stride(from: 9, through: 0, by: -1) {
            body[index] = Self.alphabet[Int(time & 31)]
            time >>= 5
        }
        var random = generator.next()
        var randomHigh = generator.next()
        for index in 10..<26 {
            body[index] = Self.alphabet[Int(random & 31)]
            random >>= 5
            if index == 21 { random = randomHigh; randomHigh = 0 }
        }
        return Identifier("\(Kind.prefix)_" + String(decoding: body, as: UTF8.self))
    }

    private static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)
}
