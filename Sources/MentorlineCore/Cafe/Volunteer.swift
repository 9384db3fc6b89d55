/// A volunteer of an established organisation (Røde Kors, Dansk Folkehjælp, Den Sociale Retshjælp)
/// advising at one café on some topics, in some languages. They staff the café's sessions on
/// `weekdays` every week, and any session on the dates they sign up for at runtime.
package struct Volunteer: Hashable, Sendable {
    package var id: VolunteerID
    package var name: String
    package var organisation: String
    package var cafe: CafeID
    package var topics: Set<TopicID>
    package var languages: Set<LanguageCode>
    /// The weekdays whose sessions they staff every week; empty: only dated sign-ups.
    package var weekdays: Set<Weekday>
    /// Their own webhook endpoint for booking messages; nil: the `volunteer` recipient's.
    package var endpoint: EndpointID?
    /// Where their gateway reaches them (`sms:+4520…`, an e-mail address); personal data, never logged.
    package var address: String?

    package init(
        id: VolunteerID, name: String, organisation: String, cafe: CafeID, topics: Set<TopicID>, languages: Set<LanguageCode>,
        weekdays: Set<Weekday> = [], endpoint: EndpointID? = nil, address: String? = nil
    ) {
        self.id = id
        self.name = name
        self.organisation = organisation
        self.cafe = cafe
        self.topics = topics
        self.languages = languages
        self.weekdays = weekdays
        self.endpoint = endpoint
        self.address = address
    }

    /// Whether they advise on every one of `topics` and speak `language`.
    package func covers(topics wanted: [TopicID], language: LanguageCode) -> Bool {
        languages.contains(language) && wanted.allSatisfy(topics.contains)
    }

    /// Whether they staff their café's sessions on `date`: by weekday, or by a sign-up for that date.
    package func staffs(_ date: LocalDate, signups: Set<VolunteerSignup>) -> Bool {
        weekdays.contains(Weekday(date)) || signups.contains(VolunteerSignup(volunteer: id, cafe: cafe, date: date))
    }
}
