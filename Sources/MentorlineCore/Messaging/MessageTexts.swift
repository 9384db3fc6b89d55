/// A message's text as rendered from the deployment's template, and which template it came from.
package struct RenderedText: Hashable, Sendable {
    package var text: String
    /// The template file, e.g. `case.receipt.da.mustache`.
    package var template: String
    /// The language the text is in: the one asked for, or the fallback when no template exists in it.
    package var language: LanguageCode

    package init(text: String, template: String, language: LanguageCode) {
        self.text = text
        self.template = template
        self.language = language
    }
}

/// Renders message texts. The daemon's implementation holds the Mustache templates of `Config/templates/`,
/// validated when the configuration loads, so every event type has a Danish template that only uses the
/// variables ``EventType/templateVariables`` declares.
package protocol MessageTexts: Sendable {
    /// The text of one message of `event` in `language` (or the fallback language).
    func render(_ event: EventType, language: LanguageCode, values: TemplateValues) -> RenderedText
}
