/// A job mentor, business mentor, job consultant or coordinator who can be offered cases.
package struct Mentor: Hashable, Sendable {
    package var id: MentorID
    package var name: String
    package var topics: Set<TopicID>
    package var languages: Set<LanguageCode>
    /// How many open (offered or accepted) tasks the mentor may hold at once.
    package var capacity: Int
    /// Where this mentor's notifications go when no contact methods are given; nil means the
    /// deployment's mentor endpoint.
    package var endpoint: EndpointID?
    /// How offers reach the mentor, in order of their delays; empty means one message to `endpoint`.
    package var contactMethods: [ContactMethod]
    /// A faster rule set for `urgent` cases; nil means `contactMethods`.
    package var urgentContactMethods: [ContactMethod]?

    package init(
        id: MentorID, name: String, topics: Set<TopicID>, languages: Set<LanguageCode>, capacity: Int, endpoint: EndpointID? = nil,
        contactMethods: [ContactMethod] = [], urgentContactMethods: [ContactMethod]? = nil
    ) {
        self.id = id
        self.name = name
        self.topics = topics
        self.languages = languages
        self.capacity = capacity
        self.endpoint = endpoint
        self.contactMethods = contactMethods
        self.urgentContactMethods = urgentContactMethods
    }

    /// The contact methods to use for a case of `urgency`.
    package func contactMethods(for urgency: Urgency) -> [ContactMethod] {
        urgency == .urgent ? (urgentContactMethods ?? contactMethods) : contactMethods
    }
}
