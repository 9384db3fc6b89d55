/// One person on the caller's side of a case that a message goes to, with the details a gateway
/// delivers by. Every field but `kind` is personal data: sent, stored, never logged.
package struct Addressee: Hashable, Sendable, Encodable {
    /// `citizen`, `representative`, `company` or `staff`.
    package var kind: RecipientKind
    package var name: String
    package var phone: String?
    package var email: String?
    package var organisation: String?

    package init(kind: RecipientKind, name: String, phone: String? = nil, email: String? = nil, organisation: String? = nil) {
        self.kind = kind
        self.name = name
        self.phone = phone
        self.email = email
        self.organisation = organisation
    }

    package init(_ caller: Caller) {
        self.init(kind: RecipientKind(caller.kind), name: caller.name, phone: caller.phone, email: caller.email, organisation: caller.organisation)
    }

    package init(_ representative: Representative) {
        self.init(
            kind: .representative, name: representative.name, phone: representative.phone, email: representative.email,
            organisation: representative.organisation
        )
    }

    /// The kind of caller this addressee is, for ``MessageRecipient/caller(_:)``.
    var callerKind: CallerKind {
        switch kind {
        case .company: .company
        case .representative: .representative
        case .staff: .staff
        case .citizen, .mentor, .ops, .volunteer: .citizen
        }
    }
}

/// What a deployment does when a citizen has appointed a representative (partsrepræsentant).
package enum RepresentationMode: String, Hashable, Sendable, CaseIterable {
    /// Every citizen-facing message goes to the representative instead of the citizen (the law's default).
    case instead
    /// Both receive every citizen-facing message.
    case copy
}

extension CaseIntake {
    /// Who messages for the caller's side of this case go to. The representative registered on this
    /// case, else the one `registered` on an earlier case of the same citizen, replaces the citizen in
    /// `instead` mode and joins them in `copy` mode. This is the only way a caller-facing message is
    /// addressed, so no path reaches a represented citizen directly.
    package func addressees(registered: Representative?, mode: RepresentationMode) -> [Addressee] {
        let caller = Addressee(self.caller)
        guard self.caller.kind == .citizen, let representative = representative ?? registered else { return [caller] }
        switch mode {
        case .instead: return [Addressee(representative)]
        case .copy: return [Addressee(representative), caller]
        }
    }
}
