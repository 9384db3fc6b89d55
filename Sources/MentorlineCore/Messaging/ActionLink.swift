package import Foundation

/// What a signed action link lets a mentor do from an SMS or chat message.
package enum LinkAction: String, Sendable, Hashable, CaseIterable {
    case accept
    case decline
}

/// The signed part of an action link: `v1.<task>.<mentor>.<action>.<expiry seconds>.<signature>`.
/// Ids are slugs or sortable ids, which never contain a dot. The signature is made and checked at
/// the edges (HMAC-SHA256 with the deployment's link key); Core only shapes and parses the token.
package struct ActionLinkToken: Hashable, Sendable {
    package var task: TaskID
    package var mentor: MentorID
    package var action: LinkAction
    package var expires: Date
    package var signature: String

    package init(task: TaskID, mentor: MentorID, action: LinkAction, expires: Date, signature: String) {
        self.task = task
        self.mentor = mentor
        self.action = action
        self.expires = expires
        self.signature = signature
    }

    /// The text the signature covers.
    package static func signedText(task: TaskID, mentor: MentorID, action: LinkAction, expires: Date) -> String {
        "v1.\(task).\(mentor).\(action.rawValue).\(Int(expires.timeIntervalSince1970))"
    }

    package var signedText: String { Self.signedText(task: task, mentor: mentor, action: action, expires: expires) }

    /// The token as it appears in the link.
    package var text: String { "\(signedText).\(signature)" }

    /// Parses a token; nil when it is not one (the caller answers 404 without saying more).
    package init?(parsing text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        // The expiry must be written exactly as `signedText` writes it, so a token has one spelling only.
        guard parts.count == 6, parts[0] == "v1", !parts[1].isEmpty, !parts[2].isEmpty,
              let action = LinkAction(rawValue: String(parts[3])), parts[4].isASCIIDigits, let seconds = Int(parts[4]),
              String(seconds) == parts[4], !parts[5].isEmpty
        else { return nil }
        self.init(
            task: TaskID(String(parts[1])), mentor: MentorID(String(parts[2])), action: action,
            expires: Date(timeIntervalSince1970: TimeInterval(seconds)), signature: String(parts[5])
        )
    }
}

/// Mints signed, expiring action links for offers.
package struct ActionLinks: Sendable {
    /// Where links point, without a trailing slash.
    package var baseURL: String
    /// How long a link works after the offer is made.
    package var validFor: Duration
    /// Signs a token's text (base64url, no padding).
    package var sign: @Sendable (String) -> String

    package init(baseURL: String, validFor: Duration, sign: @escaping @Sendable (String) -> String) {
        self.baseURL = baseURL
        self.validFor = validFor
        self.sign = sign
    }

    /// The link that lets `mentor` do `action` on `task` until `expires`.
    package func url(task: TaskID, mentor: MentorID, action: LinkAction, expires: Date) -> String {
        let text = ActionLinkToken.signedText(task: task, mentor: mentor, action: action, expires: expires)
        return "\(baseURL)/v1/links/\(text).\(sign(text))"
    }
}
