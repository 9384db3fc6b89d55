/// The body of `POST /v1/cases` as sent, before validation. Every field is optional here so that
/// validation can name every problem at once instead of stopping at the first.
package struct IntakeRequest: Sendable, Decodable, Hashable {
    package struct CallerBody: Sendable, Decodable, Hashable {
        package var kind: String?
        package var name: String?
        package var phone: String?
        package var email: String?
        package var organisation: String?
        package var cvr: String?
        package var unknownKeys: [String] = []

        enum Keys: String, CaseIterable { case kind, name, phone, email, organisation, cvr }

        package init(kind: String? = nil, name: String? = nil, phone: String? = nil, email: String? = nil, organisation: String? = nil, cvr: String? = nil) {
            self.kind = kind
            self.name = name
            self.phone = phone
            self.email = email
            self.organisation = organisation
            self.cvr = cvr
        }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            kind = try container.decodeIfPresent(String.self, forKey: AnyKey(Keys.kind))
            name = try container.decodeIfPresent(String.self, forKey: AnyKey(Keys.name))
            phone = try container.decodeIfPresent(String.self, forKey: AnyKey(Keys.phone))
            email = try container.decodeIfPresent(String.self, forKey: AnyKey(Keys.email))
            organisation = try container.decodeIfPresent(String.self, forKey: AnyKey(Keys.organisation))
            cvr = try container.decodeIfPresent(String.self, forKey: AnyKey(Keys.cvr))
            unknownKeys = container.allKeys.map(\.stringValue).filter { Keys(rawValue: $0) == nil }.sorted()
        }
    }

    package struct RepresentativeBody: Sendable, Decodable, Hashable {
        package var name: String?
        package var phone: String?
        package var email: String?
        package var organisation: String?
        package var unknownKeys: [String] = []

        enum Keys: String, CaseIterable { case name, phone, email, organisation }

        package init(name: String? = nil, phone: String? = nil, email: String? = nil, organisation: String? = nil) {
            self.name = name
            self.phone = phone
            self.email = email
            self.organisation = organisation
        }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            name = try container.decodeIfPresent(String.self, forKey: AnyKey(Keys.name))
            phone = try container.decodeIfPresent(String.self, forKey: AnyKey(Keys.phone))
            email = try container.decodeIfPresent(String.self, forKey: AnyKey(Keys.email))
            organisation = try container.decodeIfPresent(String.self, forKey: AnyKey(Keys.organisation))
            unknownKeys = container.allKeys.map(\.stringValue).filter { Keys(rawValue: $0) == nil }.sorted()
        }
    }

    /// `{"weekdays": ["thu"], "not_mornings": true}`: when the caller can come to a café slot.
    package struct PreferencesBody: Sendable, Decodable, Hashable {
        package var weekdays: [String]?
        package var notMornings: Bool?
        package var notAfternoons: Bool?
        package var unknownKeys: [String] = []

        enum Keys: String, CaseIterable {
            case weekdays
            case notMornings = "not_mornings"
            case notAfternoons = "not_afternoons"
        }

        package init(weekdays: [String]? = nil, notMornings: Bool? = nil, notAfternoons: Bool? = nil) {
            self.weekdays = weekdays
            self.notMornings = notMornings
            self.notAfternoons = notAfternoons
        }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            weekdays = try container.decodeIfPresent([String].self, forKey: AnyKey(Keys.weekdays))
            notMornings = try container.decodeIfPresent(Bool.self, forKey: AnyKey(Keys.notMornings))
            notAfternoons = try container.decodeIfPresent(Bool.self, forKey: AnyKey(Keys.notAfternoons))
            unknownKeys = container.allKeys.map(\.stringValue).filter { Keys(rawValue: $0) == nil }.sorted()
        }
    }

    package var caller: CallerBody?
    package var citizenReference: String?
    package var topics: [String]?
    package var language: String?
    package var urgency: String?
    package var note: String?
    package var representative: RepresentativeBody?
    package var preferences: PreferencesBody?
    package var unknownKeys: [String] = []

    enum Keys: String, CaseIterable {
        case caller, topics, language, urgency, note, representative, preferences
        case citizenReference = "citizen_reference"
    }

    package init(
        caller: CallerBody? = nil, citizenReference: String? = nil, topics: [String]? = nil, language: String? = nil,
        urgency: String? = nil, note: String? = nil, representative: RepresentativeBody? = nil
    ) {
        self.caller = caller
        self.citizenReference = citizenReference
        self.topics = topics
        self.language = language
        self.urgency = urgency
        self.note = note
        self.representative = representative
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        caller = try container.decodeIfPresent(CallerBody.self, forKey: AnyKey(Keys.caller))
        citizenReference = try container.decodeIfPresent(String.self, forKey: AnyKey(Keys.citizenReference))
        topics = try container.decodeIfPresent([String].self, forKey: AnyKey(Keys.topics))
        language = try container.decodeIfPresent(String.self, forKey: AnyKey(Keys.language))
        urgency = try container.decodeIfPresent(String.self, forKey: AnyKey(Keys.urgency))
        note = try container.decodeIfPresent(String.self, forKey: AnyKey(Keys.note))
        representative = try container.decodeIfPresent(RepresentativeBody.self, forKey: AnyKey(Keys.representative))
        preferences = try container.decodeIfPresent(PreferencesBody.self, forKey: AnyKey(Keys.preferences))
        unknownKeys = container.allKeys.map(\.stringValue).filter { Keys(rawValue: $0) == nil }.sorted()
    }
}

/// A coding key for any string, used to find keys a request sent that the API does not know.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
    init<K: RawRepresentable>(_ key: K) where K.RawValue == String { self.stringValue = key.rawValue }
}
