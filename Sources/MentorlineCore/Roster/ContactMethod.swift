/// One way to reach a mentor with an offer, as on-call tools offer: Teams at once, SMS after five
/// minutes if the offer is still open.
package struct ContactMethod: Hashable, Sendable {
    /// The webhook endpoint (gateway) that carries this method's messages.
    package var endpoint: EndpointID
    /// The mentor's address on that channel (a phone number, a Teams id); passed to the gateway only.
    package var address: String
    /// How long after the offer this method is used, if the offer is still open then.
    package var delay: Duration

    package init(endpoint: EndpointID, address: String, delay: Duration = .zero) {
        self.endpoint = endpoint
        self.address = address
        self.delay = delay
    }
}
