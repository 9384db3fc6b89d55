/// A job mentor, business mentor or job consultant who can be offered cases.
package struct Mentor: Hashable, Sendable {
    package var id: MentorID
    package var name: String
    package var topics: Set<TopicID>
    package var languages: Set<LanguageCode>
    /// How many open (offered or accepted) tasks the mentor may hold at once.
    package var capacity: Int
    /// Where this mentor's notifications go; nil means the deployment's mentor endpoint.
    package var endpoint: EndpointID?

    package init(id: MentorID, name: String, topics: Set<TopicID>, languages: Set<LanguageCode>, capacity: Int, endpoint: EndpointID? = nil) {
        self.id = id
        self.name = name
        self.topics = topics
        self.languages = languages
        self.capacity = capacity
        self.endpoint = endpoint
    }
}
