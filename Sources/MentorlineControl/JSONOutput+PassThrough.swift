import Foundation

extension JSONOutput {
    /// The daemon's JSON answer as it came, every field kept, indented with sorted keys (`--json` of the
    /// commands that show what the daemon stores: `case show`, `letters next`, `templates preview`).
    static func passThrough(_ body: [UInt8]) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]),
              let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else {
            // Only called on a body that has just decoded, so it is JSON; print it as it came.
            return String(decoding: body, as: UTF8.self)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
