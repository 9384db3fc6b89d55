/// A message text rendered from a template, and which template it came from.
package struct RenderedTemplate: Hashable, Sendable {
    /// Trimmed of leading and trailing whitespace; line breaks inside are kept.
    package var text: String
    /// The template's file name, e.g. `case.receipt.da.mustache`.
    package var file: String
    /// The language of the template used: the one asked for, or the one it fell back to.
    package var language: String

    package init(text: String, file: String, language: String) {
        self.text = text
        self.file = file
        self.language = language
    }
}
