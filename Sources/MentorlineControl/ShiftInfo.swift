package import Foundation

/// A shift as the daemon shows it: who, when, and what put them on call (a layer or an override).
package struct ShiftInfo: Codable, Sendable, Hashable {
    package var mentor: String
    package var name: String
    package var start: Date
    package var end: Date
    /// `layer` or `override`.
    package var source: String
    /// 1-based.
    package var layer: Int?
    package var layerName: String?
    package var override: String?

    enum CodingKeys: String, CodingKey {
        case mentor, name, start, end, source, layer, override
        case layerName = "layer_name"
    }

    /// `layer 2 (dagvagt)`, `layer 1`, `override ovr_01K…`.
    var sourceText: String {
        if source == "override" { return "override \(override ?? "?")" }
        if source == "layer", let layer {
            return "layer \(layer)" + (layerName.map { " (\($0))" } ?? "")
        }
        return source
    }
}
