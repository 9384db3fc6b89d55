/// Whom a contact person is kept for: a citizen (by their opaque reference) or a company (by CVR).
package enum ContactSubject: Hashable, Sendable {
    case citizen(String)
    case company(CVR)

    package var kind: String {
        switch self {
        case .citizen: "citizen"
        case .company: "company"
        }
    }

    package var key: String {
        switch self {
        case .citizen(let reference): reference
        case .company(let cvr): cvr.rawValue
        }
    }

    /// `citizen:<reference>` or `company:<CVR>`, as the audit trail writes it.
    package var description: String { "\(kind):\(key)" }

    package init?(kind: String, key: String) {
        switch kind {
        case "citizen" where !key.isEmpty: self = .citizen(key)
        case "company": guard let cvr = CVR(key) else { return nil }; self = .company(cvr)
        default: return nil
        }
    }

    /// The subjects a case is about: its citizen reference and the calling company's CVR.
    package static func of(_ intake: CaseIntake) -> [ContactSubject] {
        var subjects: [ContactSubject] = []
        if let reference = intake.citizenReference { subjects.append(.citizen(reference)) }
        if let cvr = intake.caller.cvr { subjects.append(.company(cvr)) }
        return subjects
    }
}
