/// A subject a caller can call about, from the configured taxonomy (`placement`, `debt`, …).
package struct Topic: Hashable, Sendable {
    package var id: TopicID
    /// The Danish label shown to people (`praktik`).
    package var label: String

    package init(id: TopicID, label: String) {
        self.id = id
        self.label = label
    }
}
