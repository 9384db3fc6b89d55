/// The person on the phone. Every field but `kind` is personal data: it is stored, sent to the
/// mentor who takes the case, and never logged.
package struct Caller: Hashable, Sendable, Codable {
    package var kind: CallerKind
    package var name: String
    package var phone: String?
    package var email: String?
    /// The company or organisation the caller speaks for (required for `company`).
    package var organisation: String?
    package var cvr: CVR?

    package init(kind: CallerKind, name: String, phone: String? = nil, email: String? = nil, organisation: String? = nil, cvr: CVR? = nil) {
        self.kind = kind
        self.name = name
        self.phone = phone
        self.email = email
        self.organisation = organisation
        self.cvr = cvr
    }
}

/// A citizen's appointed representative (partsrepræsentant), who is contacted instead of the citizen.
package struct Representative: Hashable, Sendable, Codable {
    package var name: String
    package var phone: String?
    package var email: String?
    package var organisation: String?

    package init(name: String, phone: String? = nil, email: String? = nil, organisation: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
        self.organisation = organisation
    }
}
