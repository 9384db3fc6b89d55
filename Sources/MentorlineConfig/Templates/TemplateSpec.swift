package import MentorlineCore
/// What the templates of one event type may contain, and how long their texts may be.
package struct TemplateSpec: Hashable, Sendable {
    /// The event type, as in the file name: `case.receipt` for `case.receipt.da.mustache`.
    package var event: String
    /// Every variable and section name a template of this event may use, each with an example value.
    /// Loading renders every template with these examples (flags all on, then all off) to check it.
    package var variables: [String: TemplateValue]
    /// The character limit of the channel that carries this event (612 for a four-part SMS); nil for none.
    package var maxLength: Int?

    package init(event: String, variables: [String: TemplateValue], maxLength: Int? = nil) {
        self.event = event
        self.variables = variables
        self.maxLength = maxLength
    }
}
