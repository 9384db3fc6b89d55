/// The event and language a template file is for, read from its name: `case.receipt.da.mustache`.
struct TemplateFileName: Hashable {
    static let suffix = ".mustache"

    var event: String
    var language: String

    /// Whether a directory entry is meant as a template, so that a misnamed one is reported rather than
    /// ignored. Matches the suffix in any case, so `Case.receipt.da.MUSTACHE` is caught too.
    static func looksLikeTemplate(_ fileName: String) -> Bool {
        fileName.lowercased().hasSuffix(suffix)
    }

    /// Whether `code` is 2–3 lowercase ASCII letters.
    static func isLanguageCode(_ code: some StringProtocol) -> Bool {
        (2...3).contains(code.utf8.count) && code.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
    }

    init(event: String, language: String) {
        self.event = event
        self.language = language
    }

    /// `<event>.<language>.mustache` with a non-empty event; nil for any other name.
    init?(_ fileName: String) {
        guard fileName.hasSuffix(Self.suffix) else { return nil }
        let stem = fileName.dropLast(Self.suffix.count)
        guard let dot = stem.lastIndex(of: ".") else { return nil }
        let event = stem[..<dot], language = stem[stem.index(after: dot)...]
        guard !event.isEmpty, Self.isLanguageCode(language) else { return nil }
        self.event = String(event)
        self.language = String(language)
    }

    /// The file name this stands for.
    var fileName: String { "\(event).\(language)\(Self.suffix)" }
}
