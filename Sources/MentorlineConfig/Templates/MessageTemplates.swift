package import Foundation
package import MentorlineCore

/// The deployment's message texts: the template catalog of `Config/templates/`, checked at load against
/// every event type's variables and against the text limit of each endpoint that can carry it.
package struct MessageTemplates: MessageTexts {
    package let catalog: TemplateCatalog
    /// The directory the templates were loaded from.
    package let directory: URL

    /// Loads and checks the templates; `limits` gives each event type's channel limit, if any.
    package static func load(
        directory: URL, displayPath: String, fallbackLanguage: LanguageCode, limits: (EventType) -> Int?
    ) throws(TemplateLoadError) -> MessageTemplates {
        let specs = EventType.allCases.map { TemplateSpec(event: $0.rawValue, variables: $0.templateVariables, maxLength: limits($0)) }
        let catalog = try TemplateCatalog.load(
            directory: directory, specs: specs, displayPath: displayPath, requiredLanguage: LanguageCode.danish.rawValue,
            fallbackLanguage: fallbackLanguage.rawValue
        )
        return MessageTemplates(catalog: catalog, directory: directory)
    }

    package func render(_ event: EventType, language: LanguageCode, values: TemplateValues) -> RenderedText {
        // Loading checked that every event type has a Danish template, so the catalog always answers.
        guard let rendered = catalog.render(event: event.rawValue, language: language.rawValue, values: values) else {
            preconditionFailure("no template for \(event.rawValue): the catalog was not loaded for every event type")
        }
        return RenderedText(text: rendered.text, template: rendered.file, language: LanguageCode(rendered.language) ?? .danish)
    }
}
