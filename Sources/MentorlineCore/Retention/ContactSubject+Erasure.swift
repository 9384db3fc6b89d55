extension ContactSubject {
    /// The key that replaces an erased citizen reference or CVR.
    package static let erasedKey = "erased"

    /// What a subject as the trail writes it (`citizen:J-2026-0412`, or just the kind `citizen`) becomes
    /// when erased: its kind and ``erasedKey`` (`citizen:erased`).
    package static func erased(description: String) -> String {
        let kind = description.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        return "\(kind):\(erasedKey)"
    }
}
