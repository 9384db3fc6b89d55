package import MentorlineCore
/// The message templates of a deployment, every one checked against its event's spec when loaded
/// (see ``load(directory:specs:displayPath:requiredLanguage:fallbackLanguage:)``).
package struct TemplateCatalog: Sendable {
    /// Event → language → template.
    private let templates: [String: [String: MessageTemplate]]
    private let requiredLanguage: String
    private let fallbackLanguage: String

    init(templates: [String: [String: MessageTemplate]], requiredLanguage: String, fallbackLanguage: String) {
        self.templates = templates
        self.requiredLanguage = requiredLanguage
        self.fallbackLanguage = fallbackLanguage
    }

    /// Every event the catalog has templates for, sorted.
    package var events: [String] { templates.keys.sorted() }

    /// The languages `event` has a template in, sorted; empty for an unknown event.
    package func languages(for event: String) -> [String] {
        templates[event]?.keys.sorted() ?? []
    }

    /// The text of one message of `event`, from its template in `language`, else in the fallback language,
    /// else in the required language (which every event has). Nil only for an event without templates.
    /// A missing value renders as nothing, and a missing or empty one leaves its section out.
    package func render(event: String, language: String, values: [String: TemplateValue]) -> RenderedTemplate? {
        guard let byLanguage = templates[event] else { return nil }
        for candidate in [language, fallbackLanguage, requiredLanguage] {
            if let template = byLanguage[candidate] {
                let file = TemplateFileName(event: event, language: candidate).fileName
                return RenderedTemplate(text: template.render(values), file: file, language: candidate)
            }
        }
        return nil
    }
}
