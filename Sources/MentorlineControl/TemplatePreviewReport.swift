/// `mentorctl templates preview`: the text a message would have, rendered by the daemon without sending
/// anything (`GET /v1/templates/{event}/preview`, admin token).
package struct TemplatePreviewReport: Sendable {
    /// The body of `GET /v1/templates/{event}/preview`; `values` is left to `--json`.
    package struct Answer: Decodable, Sendable, Hashable {
        package var event: String
        package var caseID: String?
        package var text: String
        /// The template file, e.g. `case.receipt.da.mustache`.
        package var template: String
        /// The language of the text: the one asked for, or the fallback when there is no template in it.
        package var language: String
        package var characters: Int

        enum CodingKeys: String, CodingKey {
            case event, text, template, language, characters
            case caseID = "case_id"
        }
    }

    package var answer: Answer
    /// The language asked for (`--lang`), when given.
    package var requestedLanguage: String?
    /// The daemon's answer as it came, for `--json`.
    var body: [UInt8]

    /// `GET /v1/templates/{event}/preview?lang=&case=`. A 404 (no such event type, or no such case) is
    /// the daemon's own words.
    package static func fetch(event: String, language: String?, caseID: String?, client: DaemonClient) async throws -> TemplatePreviewReport {
        var query: [(String, String)] = []
        if let language { query.append(("lang", language)) }
        if let caseID { query.append(("case", caseID)) }
        let (answer, body) = try await client.getWithBody(
            ["v1", "templates", event, "preview"], query: query, as: Answer.self, notFound: { detail in detail })
        return TemplatePreviewReport(answer: answer, requestedLanguage: language, body: body)
    }

    /// ```
    /// Tak for din henvendelse. …
    ///
    /// template case.receipt.da.mustache · da · 112 characters
    /// ```
    /// The last line adds `· values from case ID` with `--case`, and `(no en template)` when the text is
    /// in the fallback language.
    package var text: String {
        var line = "template \(DaemonClient.clean(answer.template)) · \(DaemonClient.clean(answer.language))"
        if let requestedLanguage, requestedLanguage != answer.language {
            line += " (no \(DaemonClient.clean(requestedLanguage)) template)"
        }
        line += " · \(answer.characters) character\(answer.characters == 1 ? "" : "s")"
        if let caseID = answer.caseID { line += " · values from case \(DaemonClient.clean(caseID))" }
        return TextBlock.clean(answer.text) + "\n\n" + line
    }

    package func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .text: text
        case .json: JSONOutput.passThrough(body)
        }
    }
}
