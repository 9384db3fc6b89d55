import Foundation
import MentorlineCore
@testable import MentorlineStore
import Testing

/// How attempts' results move an endpoint between healthy, failing and disabled.
@Suite struct EndpointStateTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let endpoint = EndpointID("sms-gateway")

    @Test func failuresCountFromTheFirstOneAndASuccessClearsThem() {
        var state = EndpointState.fresh(endpoint)
        #expect(state.isHealthy)
        var disabled: Bool
        (state, disabled) = state.recording(.failed(status: 503, error: "HTTP 503"), at: start, disableAfter: .seconds(60))
        #expect(!disabled)
        #expect(state.failingSince == start)
        #expect(!state.isHealthy)
        (state, disabled) = state.recording(.failed(status: nil, error: "timeout"), at: start + .seconds(30), disableAfter: .seconds(60))
        #expect(!disabled)
        #expect(state.failingSince == start)
        #expect(state.lastStatus == nil)
        #expect(state.lastError == "timeout")
        (state, disabled) = state.recording(.succeeded(status: 204), at: start + .seconds(59), disableAfter: .seconds(60))
        #expect(!disabled)
        #expect(state.failingSince == nil)
        #expect(state.lastSuccessAt == start + .seconds(59))
        #expect(state.isHealthy)
    }

    @Test func failingForDisableAfterDisablesOnceAndSaysWhy() {
        var state = EndpointState.fresh(endpoint)
        var disabled: Bool
        (state, disabled) = state.recording(.failed(status: 500, error: "HTTP 500"), at: start, disableAfter: .seconds(3600))
        (state, disabled) = state.recording(.failed(status: 500, error: "HTTP 500"), at: start + .seconds(3599), disableAfter: .seconds(3600))
        #expect(!disabled)
        #expect(state.enabled)
        (state, disabled) = state.recording(.failed(status: 500, error: "HTTP 500"), at: start + .seconds(3600), disableAfter: .seconds(3600))
        #expect(disabled)
        #expect(!state.enabled)
        #expect(state.disabledAt == start + .seconds(3600))
        #expect(state.disabledBy == "delivery")
        #expect(state.disabledReason == "no 2xx answer for longer than 1h (failing since \(start.ISO8601Format()))")
        // Already disabled: further results change the history, never disable it "again".
        (state, disabled) = state.recording(.failed(status: 500, error: "HTTP 500"), at: start + .seconds(4000), disableAfter: .seconds(3600))
        #expect(!disabled)
        (state, disabled) = state.recording(.succeeded(status: 200), at: start + .seconds(4001), disableAfter: .seconds(3600))
        #expect(!disabled)
        #expect(!state.enabled)
        #expect(!state.isHealthy)
        // Without a disable_after only 410 disables.
        let (undisabled, never) = EndpointState.fresh(endpoint).recording(.failed(status: 500, error: "x"), at: start, disableAfter: nil)
        #expect(!never)
        #expect(undisabled.enabled)
    }

    @Test func goneDisablesAtOnce() {
        let (state, disabled) = EndpointState.fresh(endpoint).recording(.gone(status: 410, error: "HTTP 410 Gone"), at: start, disableAfter: nil)
        #expect(disabled)
        #expect(state.disabledReason == "answered 410 Gone")
        #expect(state.lastStatus == 410)
        #expect(state.failingSince == start)
    }

    @Test func enablingStartsAfresh() {
        var (state, _) = EndpointState.fresh(endpoint).recording(.gone(status: 410, error: "HTTP 410 Gone"), at: start, disableAfter: nil)
        state.enable()
        #expect(state.enabled)
        #expect(state.disabledAt == nil && state.disabledReason == nil && state.disabledBy == nil)
        #expect(state.failingSince == nil)
        #expect(state.lastStatus == 410)
        // The failures before enabling do not count towards disable_after.
        let (next, disabled) = state.recording(.failed(status: 500, error: "x"), at: start + .seconds(7200), disableAfter: .seconds(3600))
        #expect(!disabled)
        #expect(next.failingSince == start + .seconds(7200))
    }

    @Test(arguments: [(Duration.seconds(3600), "1h"), (.seconds(90), "90s"), (.seconds(600), "10m"), (.milliseconds(1500), "1500ms"), (.seconds(1), "1s")])
    func durationsInReasons(duration: Duration, text: String) {
        #expect(EndpointState.durationText(duration) == text)
    }
}
