extension IntakeRequest {
    /// Field limits, in characters.
    package enum Limits {
        package static let name = 200
        package static let organisation = 200
        package static let email = 254
        package static let note = 4000
        package static let citizenReference = 64
        package static let topics = 10
        package static let topicLength = 40
    }

    /// The validated intake, or every problem found. CPR-like numbers in the note are masked; a
    /// citizen reference that looks like a CPR number is refused, since one must never be stored.
    package func validated() -> Result<CaseIntake, IntakeRejection> {
        var problems: [FieldProblem] = []
        func problem(_ field: String, _ reason: String) { problems.append(FieldProblem(field: field, reason: reason)) }

        for key in unknownKeys { problem(key, "is not a field of a case") }

        var validCaller: Caller?
        if let caller {
            for key in caller.unknownKeys { problem("caller.\(key)", "is not a field of a caller") }
            let kind = caller.kind.flatMap(CallerKind.init(rawValue:))
            if caller.kind == nil {
                problem("caller.kind", "is required: one of company, citizen, representative, staff")
            } else if kind == nil {
                problem("caller.kind", "must be one of company, citizen, representative, staff")
            }
            let name = Self.requiredText(caller.name, field: "caller.name", limit: Limits.name, into: &problems)
            let phone = Self.phone(caller.phone, field: "caller.phone", into: &problems)
            let email = Self.email(caller.email, field: "caller.email", into: &problems)
            let organisation = Self.optionalText(caller.organisation, field: "caller.organisation", limit: Limits.organisation, into: &problems)
            if kind == .company, organisation == nil, caller.organisation.map({ $0.trimmed.isEmpty }) ?? true {
                problem("caller.organisation", "is required when the caller is a company")
            }
            var cvr: CVR?
            if let text = caller.cvr, !text.trimmed.isEmpty {
                cvr = CVR(text.trimmed)
                if cvr == nil { problem("caller.cvr", "must be an 8-digit CVR number with a valid check digit") }
            }
            if phone == nil, email == nil, caller.phone == nil, caller.email == nil {
                problem("caller", "needs a phone number or an e-mail address so a mentor can call back")
            }
            if let kind, let name {
                validCaller = Caller(kind: kind, name: name, phone: phone, email: email, organisation: organisation, cvr: cvr)
            }
        } else {
            problem("caller", "is required")
        }

        var reference: String?
        if let text = citizenReference?.trimmed, !text.isEmpty {
            if CPRMasking.containsCPR(text) {
                problem("citizen_reference", "looks like a CPR number; send the case reference, never a CPR number")
            } else if text.count > Limits.citizenReference || !text.unicodeScalars.allSatisfy(Self.isReferenceCharacter) {
                problem("citizen_reference", "must be at most \(Limits.citizenReference) letters, digits or . _ : / -")
            } else {
                reference = text
            }
        }

        var topicIDs: [TopicID] = []
        if let topics {
            if topics.count > Limits.topics { problem("topics", "may name at most \(Limits.topics) topics") }
            for (index, topic) in topics.enumerated() {
                let slug = topic.trimmed.lowercased()
                if slug.isEmpty || slug.count > Limits.topicLength || !slug.unicodeScalars.allSatisfy(Self.isSlugCharacter) {
                    problem("topics[\(index)]", "must be a topic id such as placement or digital-help")
                } else if !topicIDs.contains(TopicID(slug)) {
                    topicIDs.append(TopicID(slug))
                }
            }
        }

        var language = LanguageCode.danish
        if let text = self.language {
            if let code = LanguageCode(text.trimmed) { language = code } else { problem("language", "must be a language code such as da, en, ar or uk") }
        }

        var urgency = Urgency.routine
        if let text = self.urgency {
            if let value = Urgency(rawValue: text.trimmed.lowercased()) { urgency = value } else { problem("urgency", "must be one of routine, soon, urgent") }
        }

        var maskedNote: String?
        if let text = note?.trimmed, !text.isEmpty {
            if text.count > Limits.note { problem("note", "may be at most \(Limits.note) characters") } else { maskedNote = CPRMasking.masked(text) }
        }

        var validRepresentative: Representative?
        if let representative {
            for key in representative.unknownKeys { problem("representative.\(key)", "is not a field of a representative") }
            let name = Self.requiredText(representative.name, field: "representative.name", limit: Limits.name, into: &problems)
            let phone = Self.phone(representative.phone, field: "representative.phone", into: &problems)
            let email = Self.email(representative.email, field: "representative.email", into: &problems)
            let organisation = Self.optionalText(representative.organisation, field: "representative.organisation", limit: Limits.organisation, into: &problems)
            if representative.phone == nil, representative.email == nil {
                problem("representative", "needs a phone number or an e-mail address: the representative is contacted instead of the citizen")
            }
            if let name { validRepresentative = Representative(name: name, phone: phone, email: email, organisation: organisation) }
        }

        var validPreferences: SlotPreferences?
        if let preferences {
            for key in preferences.unknownKeys { problem("preferences.\(key)", "is not a field of preferences") }
            var days: Set<Weekday> = []
            for (index, text) in (preferences.weekdays ?? []).enumerated() {
                if let day = Weekday(abbreviation: text.trimmed) { days.insert(day) } else { problem("preferences.weekdays[\(index)]", "must be one of mon, tue, wed, thu, fri, sat, sun") }
            }
            let notMornings = preferences.notMornings ?? false
            let notAfternoons = preferences.notAfternoons ?? false
            if notMornings, notAfternoons { problem("preferences", "cannot rule out both mornings and afternoons") }
            let value = SlotPreferences(weekdays: days, notMornings: notMornings, notAfternoons: notAfternoons)
            if !value.isEmpty { validPreferences = value }
        }

        guard problems.isEmpty, let validCaller else { return .failure(IntakeRejection(problems: problems)) }
        return .success(CaseIntake(
            caller: validCaller, citizenReference: reference, topics: topicIDs, language: language, urgency: urgency,
            note: maskedNote, representative: validRepresentative, preferences: validPreferences
        ))
    }

    private static func requiredText(_ value: String?, field: String, limit: Int, into problems: inout [FieldProblem]) -> String? {
        guard let text = value?.trimmed, !text.isEmpty else {
            problems.append(FieldProblem(field: field, reason: "is required"))
            return nil
        }
        guard text.count <= limit else {
            problems.append(FieldProblem(field: field, reason: "may be at most \(limit) characters"))
            return nil
        }
        return CPRMasking.masked(text)
    }

    private static func optionalText(_ value: String?, field: String, limit: Int, into problems: inout [FieldProblem]) -> String? {
        guard let text = value?.trimmed, !text.isEmpty else { return nil }
        guard text.count <= limit else {
            problems.append(FieldProblem(field: field, reason: "may be at most \(limit) characters"))
            return nil
        }
        return CPRMasking.masked(text)
    }

    /// A phone number: digits with optional `+`, spaces, `-`, `(`, `)`; 6 to 15 digits.
    private static func phone(_ value: String?, field: String, into problems: inout [FieldProblem]) -> String? {
        guard let text = value?.trimmed, !text.isEmpty else { return nil }
        let allowed = text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || " +-()".unicodeScalars.contains($0) }
        let digits = text.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        guard allowed, (6...15).contains(digits) else {
            problems.append(FieldProblem(field: field, reason: "must be a phone number such as +45 12 34 56 78"))
            return nil
        }
        return text
    }

    private static func email(_ value: String?, field: String, into problems: inout [FieldProblem]) -> String? {
        guard let text = value?.trimmed, !text.isEmpty else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.count <= Limits.email, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !text.contains(where: \.isWhitespace)
        else {
            problems.append(FieldProblem(field: field, reason: "must be an e-mail address such as navn@example.dk"))
            return nil
        }
        return text
    }

    private static func isSlugCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }

    private static func isReferenceCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || "._:/-".unicodeScalars.contains(scalar)
    }
}

/// Why an intake was refused: every invalid field, named.
package struct IntakeRejection: Error, Hashable, Sendable {
    package var problems: [FieldProblem]

    package init(problems: [FieldProblem]) { self.problems = problems }
}

extension String {
    var trimmed: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
