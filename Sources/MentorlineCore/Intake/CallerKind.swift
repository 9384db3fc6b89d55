/// Who is calling the hotline.
package enum CallerKind: String, Codable, Sendable, CaseIterable, Hashable {
    case company
    case citizen
    case representative
    case staff
}
