package import Foundation
import MentorlineConfig

/// `mentorctl token create|list|revoke`: bearer tokens made at runtime (admin token).
package struct TokenReport: Sendable {
    package var tokens: [TokenInfo]
    /// The zone times are printed in.
    package var timeZone: TimeZone

    /// The kinds a token can have.
    package static let kinds = ["intake", "mentor", "admin", "volunteer"]

    /// The line `token create` prints under the secret.
    package static let shownOnceWarning =
        "Store it now, in a credential file: it is not shown again and cannot be recovered. If it is lost, revoke it and create another."

    /// `POST /v1/tokens`. `--expires` is a time the daemon reads in the deployment's time zone, or a span
    /// from `now` (`90d`, `12h`) sent as the instant it ends.
    package static func create(_ draft: TokenDraft, timeZone: TimeZone, now: Date, client: DaemonClient) async throws -> TokenReport {
        guard kinds.contains(draft.kind) else {
            throw ControlError(.usage, "--kind must be intake, mentor, admin or volunteer (got \"\(draft.kind)\").")
        }
        if draft.kind == "mentor", draft.mentor == nil {
            throw ControlError(.usage, "A mentor token needs --mentor ID: the mentor it acts for.")
        }
        if draft.kind != "mentor", draft.mentor != nil {
            throw ControlError(.usage, "--mentor is only for --kind mentor.")
        }
        if draft.kind == "volunteer", draft.volunteer == nil {
            throw ControlError(.usage, "A volunteer token needs --volunteer ID: the café volunteer it acts for.")
        }
        if draft.kind != "volunteer", draft.volunteer != nil {
            throw ControlError(.usage, "--volunteer is only for --kind volunteer.")
        }
        var expires: String?
        if let text = draft.expires {
            if let span = Duration(configurationText: text) {
                expires = now.addingTimeInterval(TimeInterval(span.components.seconds)).ISO8601Format()
            } else {
                do {
                    try TimeText.checkSyntax(text, option: "--expires")
                } catch {
                    throw ControlError(.usage, "--expires must be a time such as \(TimeText.examples), or a span such as 90d or 12h (got \"\(text)\").")
                }
                expires = text
            }
        }
        let body = TokenRequestBody(kind: draft.kind, name: draft.name, mentor: draft.mentor, volunteer: draft.volunteer, expires: expires)
        let created = try await client.post(["v1", "tokens"], json: body, as: TokenInfo.self)
        return TokenReport(tokens: [created], timeZone: timeZone)
    }

    /// `GET /v1/tokens`: configured tokens first, then stored ones, oldest first.
    package static func list(timeZone: TimeZone, client: DaemonClient) async throws -> TokenReport {
        TokenReport(tokens: try await client.get(["v1", "tokens"], as: TokenList.self).tokens, timeZone: timeZone)
    }

    /// `POST /v1/tokens/{id}/revoke`.
    package static func revoke(_ id: String, timeZone: TimeZone, client: DaemonClient) async throws -> TokenReport {
        struct Empty: Encodable {}
        let revoked = try await client.post(["v1", "tokens", id, "revoke"], json: Empty(), as: TokenInfo.self)
        return TokenReport(tokens: [revoked], timeZone: timeZone)
    }

    // MARK: Output

    /// ```
    /// Created intake token tok_01K… (telefonsystem), working until revoked.
    ///
    ///     ml_…
    ///
    /// Store it now, in a credential file: it is not shown again …
    /// ```
    package var createdText: String {
        guard let token = tokens.first else { return "" }
        var text = "Created \(token.kind) token \(token.id) (\(describe(token)))"
        text += token.expiresAt.map { ", working until \(TimeText.format($0, in: timeZone))." } ?? ", working until revoked."
        text += "\n\n    \(token.secret ?? "(the daemon sent no secret)")\n\n" + Self.shownOnceWarning
        return text
    }

    /// `Revoked intake token tok_01K… (telefonsystem); it is refused from now on.`
    package var revokedText: String {
        guard let token = tokens.first else { return "" }
        return "Revoked \(token.kind) token \(token.id) (\(describe(token))); it is refused from now on."
    }

    /// One line per token: id, kind, name (and mentor), and where it comes from or its history.
    package var listText: String {
        guard !tokens.isEmpty else { return "No tokens." }
        let rows = tokens.map { token -> [String] in
            var state: String
            if token.source == "config" {
                state = "from the configuration"
            } else {
                state = token.status
                if let revokedAt = token.revokedAt {
                    state += " since \(TimeText.format(revokedAt, in: timeZone))" + (token.revokedBy.map { " by \(DaemonClient.clean($0))" } ?? "")
                } else if let expiresAt = token.expiresAt {
                    state += token.status == "expired" ? " since \(TimeText.format(expiresAt, in: timeZone))" : " until \(TimeText.format(expiresAt, in: timeZone))"
                }
                if let createdAt = token.createdAt {
                    state += "; created \(TimeText.format(createdAt, in: timeZone))" + (token.createdBy.map { " by \(DaemonClient.clean($0))" } ?? "")
                }
                state += token.lastUsedAt.map { "; last used \(TimeText.format($0, in: timeZone))" } ?? "; never used"
            }
            return [DaemonClient.clean(token.id), DaemonClient.clean(token.kind), describe(token), state]
        }
        var widths = [0, 0, 0]
        for row in rows { for column in 0..<3 { widths[column] = max(widths[column], row[column].count) } }
        let lines = rows.map { row in
            (0..<3).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ") + "  " + row[3]
        }
        let stored = tokens.filter { $0.source != "config" }.count
        let header = "Tokens: \(tokens.count - stored) from the configuration, \(stored) stored."
        return ([header] + lines.map { "    " + $0 }).joined(separator: "\n")
    }

    /// `telefonsystem`, `anna-mobil, for mentor anna`, or `lise-kalender, for volunteer lise`.
    private func describe(_ token: TokenInfo) -> String {
        let name = DaemonClient.clean(token.name)
        if let mentor = token.mentor { return "\(name), for mentor \(DaemonClient.clean(mentor))" }
        if let volunteer = token.volunteer { return "\(name), for volunteer \(DaemonClient.clean(volunteer))" }
        return name
    }

    /// `create` and `revoke`: the token as the daemon answered (with `secret` after `create`); `list`:
    /// `{"tokens": [...]}`.
    package func json(single: Bool) -> String {
        if single, let first = tokens.first { return JSONOutput.render(first) }
        return JSONOutput.render(TokenList(tokens: tokens))
    }
}
