package import Foundation
package import MentorlineCore

/// Delivery's view of one webhook endpoint: whether messages may be sent to it, and how its latest
/// attempts went. An endpoint nothing was ever recorded for is ``fresh(_:)``: enabled, no history.
package struct EndpointState: Hashable, Sendable {
    package var endpoint: EndpointID
    package var enabled: Bool
    package var disabledAt: Date?
    /// Why it was disabled: delivery's own words (`answered 410 Gone`), or an operator's.
    package var disabledReason: String?
    /// `delivery`, or the admin who disabled it (`admin:<token name>`).
    package var disabledBy: String?
    /// The first failed attempt since the last 2xx; nil while the endpoint answers.
    package var failingSince: Date?
    package var lastSuccessAt: Date?
    package var lastFailureAt: Date?
    package var lastStatus: Int?
    package var lastError: String?

    package init(
        endpoint: EndpointID, enabled: Bool = true, disabledAt: Date? = nil, disabledReason: String? = nil, disabledBy: String? = nil,
        failingSince: Date? = nil, lastSuccessAt: Date? = nil, lastFailureAt: Date? = nil, lastStatus: Int? = nil, lastError: String? = nil
    ) {
        self.endpoint = endpoint
        self.enabled = enabled
        self.disabledAt = disabledAt
        self.disabledReason = disabledReason
        self.disabledBy = disabledBy
        self.failingSince = failingSince
        self.lastSuccessAt = lastSuccessAt
        self.lastFailureAt = lastFailureAt
        self.lastStatus = lastStatus
        self.lastError = lastError
    }

    /// An endpoint with no history: enabled.
    package static func fresh(_ endpoint: EndpointID) -> EndpointState { EndpointState(endpoint: endpoint) }

    /// Who disables an endpoint on its own.
    package static let deliveryActor = "delivery"

    /// Enabled and its last attempt (if any) was answered with a 2xx.
    package var isHealthy: Bool { enabled && failingSince == nil }

    /// The state after one attempt's `result` at `now`, and whether that attempt disabled the endpoint:
    /// a 410 does at once; any other failure does once the endpoint has answered no 2xx for
    /// `disableAfter` (nil: never by time). An endpoint already disabled stays so, whatever the result.
    package func recording(_ result: EndpointResult, at now: Date, disableAfter: Duration?) -> (state: EndpointState, disabled: Bool) {
        var next = self
        switch result {
        case .succeeded(let status):
            next.failingSince = nil
            next.lastSuccessAt = now
            next.lastStatus = status
            next.lastError = nil
            return (next, false)
        case .failed(let status, let error):
            let since = failingSince ?? now
            next.failingSince = since
            next.lastFailureAt = now
            next.lastStatus = status
            next.lastError = error
            guard enabled, let disableAfter, now.timeIntervalSince(since) >= disableAfter.timeInterval else { return (next, false) }
            next.disable(
                reason: "no 2xx answer for longer than \(Self.durationText(disableAfter)) (failing since \(since.ISO8601Format()))",
                by: Self.deliveryActor, at: now
            )
            return (next, true)
        case .gone(let status, let error):
            next.failingSince = failingSince ?? now
            next.lastFailureAt = now
            next.lastStatus = status
            next.lastError = error
            guard enabled else { return (next, false) }
            next.disable(reason: "answered \(status) Gone", by: Self.deliveryActor, at: now)
            return (next, true)
        }
    }

    package mutating func disable(reason: String, by actor: String, at now: Date) {
        enabled = false
        disabledAt = now
        disabledReason = reason
        disabledBy = actor
    }

    /// Enabled again with a clean slate: the failures before do not count towards `disable_after`.
    package mutating func enable() {
        enabled = true
        disabledAt = nil
        disabledReason = nil
        disabledBy = nil
        failingSince = nil
    }

    /// `1h`, `90s`, `500ms`.
    static func durationText(_ duration: Duration) -> String {
        let milliseconds = Int64(duration.timeInterval * 1000)
        if milliseconds % 1000 != 0 { return "\(milliseconds)ms" }
        let seconds = milliseconds / 1000
        if seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }
}

/// What one delivery attempt said about its endpoint.
package enum EndpointResult: Hashable, Sendable {
    /// A 2xx answer.
    case succeeded(status: Int)
    /// Any other answer, or no answer (timeout, refused connection, TLS failure).
    case failed(status: Int?, error: String)
    /// `410 Gone`: the receiver says the endpoint no longer exists.
    case gone(status: Int, error: String)
}

/// How recording delivery outcomes treats endpoints: when continuous failure disables one, and the ops
/// alert to queue (in the same transaction) when one is disabled.
package struct EndpointHealthRules: Sendable {
    /// How long each endpoint may answer no 2xx before it is disabled; endpoints not named never are by time.
    package var disableAfter: [EndpointID: Duration]
    /// The alert for an endpoint delivery just disabled, or nil for none.
    package var alert: @Sendable (EndpointState) -> MessageDraft?

    package init(disableAfter: [EndpointID: Duration], alert: @escaping @Sendable (EndpointState) -> MessageDraft?) {
        self.disableAfter = disableAfter
        self.alert = alert
    }

    /// Disables only on `410 Gone`, alerts nobody.
    package static let goneOnly = EndpointHealthRules(disableAfter: [:], alert: { _ in nil })
}
