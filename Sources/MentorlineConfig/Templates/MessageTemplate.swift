internal import MentorlineCore
internal import Foundation
internal import Mustache

/// One parsed template, rendering plain text: nothing is HTML-escaped, since the texts go out as SMS,
/// letters and chat messages, where `&` must stay `&`.
struct MessageTemplate: Sendable {
    /// Why a template's source is not Mustache, and where.
    struct SyntaxError: Error {
        var line: Int
        var message: String
    }

    /// swift-mustache escapes for HTML unless a template sets another content type, and offers no
    /// library or render setting for it. The pragma goes on a line of its own: as a standalone tag it
    /// takes its line break with it, so the source below parses exactly as it would alone, one line down.
    private static let plainTextPragma = "{{%CONTENT_TYPE:TEXT}}\n"

    private let template: MustacheTemplate

    init(source: String) throws(SyntaxError) {
        do {
            template = try MustacheTemplate(string: Self.plainTextPragma + source)
        } catch let error as MustacheTemplate.ParserError {
            throw SyntaxError(line: max(1, error.context.lineNumber - 1), message: "malformed Mustache: \(Self.explanation(of: error.error))")
        } catch {
            throw SyntaxError(line: 1, message: "malformed Mustache: \(error)")
        }
    }

    /// The text for `values`, trimmed of leading and trailing whitespace. A missing value renders as
    /// nothing and a missing or empty one counts as false for a section, as in mustache.js.
    func render(_ values: [String: TemplateValue]) -> String {
        var context: [String: Any] = [:]
        for (name, value) in values {
            switch value {
            case .text(let text) where !text.isEmpty: context[name] = text
            case .text: break
            case .flag(let flag): context[name] = flag
            }
        }
        return template.render(context).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func explanation(of error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect: "a section is closed with a name other than the one it was opened with"
        case .unfinishedName: "a tag is not closed, or its name has a character names cannot have"
        case .expectedSectionEnd: "a section is never closed"
        case .invalidSetDelimiter: "a delimiter change is badly formed"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: "a pragma is badly formed or unknown"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
            "template inheritance is badly formed"
        case nil: "\(error)"
        }
    }
}
