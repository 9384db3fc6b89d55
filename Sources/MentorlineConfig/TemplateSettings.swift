package import MentorlineCore

/// Where the message templates are and which language stands in for one a template is missing in.
package struct TemplateSettings: Hashable, Sendable {
    /// Relative to the configuration directory.
    package var directory = "templates"
    /// Used when a message's language has no template; Danish, which every event type must have, after it.
    package var fallbackLanguage = LanguageCode.danish

    package init() {}
}
