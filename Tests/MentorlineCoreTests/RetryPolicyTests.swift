import Foundation
import Testing
@testable import MentorlineCore

@Suite struct RetryPolicyTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func followsTheScheduleThenGivesUp() {
        let policy = RetryPolicy.standard
        let expected: [TimeInterval] = [5, 300, 1800, 7200, 18_000, 36_000, 36_000]
        for (index, delay) in expected.enumerated() {
            let next = policy.nextAttempt(afterFailedAttempts: index + 1, now: now, retryAfter: nil, randomUnit: 0.5)
            #expect(next == now.addingTimeInterval(delay))
        }
        #expect(policy.nextAttempt(afterFailedAttempts: expected.count + 1, now: now, retryAfter: nil, randomUnit: 0.5) == nil)
        #expect(policy.nextAttempt(afterFailedAttempts: 0, now: now, retryAfter: nil, randomUnit: 0.5) == nil)
        #expect(policy.maximumAttempts == 8)
    }

    @Test func jitterStaysWithinItsFraction() {
        let policy = RetryPolicy(delays: [.seconds(100)], jitter: 0.1)
        #expect(policy.nextAttempt(afterFailedAttempts: 1, now: now, retryAfter: nil, randomUnit: 0) == now.addingTimeInterval(90))
        #expect(policy.nextAttempt(afterFailedAttempts: 1, now: now, retryAfter: nil, randomUnit: 1) == now.addingTimeInterval(110))
    }

    @Test func retryAfterStretchesButNeverShortensAndIsCapped() {
        let policy = RetryPolicy(delays: [.seconds(5)], jitter: 0, maximumRetryAfter: .seconds(3600))
        #expect(policy.nextAttempt(afterFailedAttempts: 1, now: now, retryAfter: .seconds(120), randomUnit: 0.5) == now.addingTimeInterval(120))
        #expect(policy.nextAttempt(afterFailedAttempts: 1, now: now, retryAfter: .seconds(1), randomUnit: 0.5) == now.addingTimeInterval(5))
        #expect(policy.nextAttempt(afterFailedAttempts: 1, now: now, retryAfter: .seconds(99_999), randomUnit: 0.5) == now.addingTimeInterval(3600))
    }

    @Test func parsesRetryAfterInBothForms() {
        #expect(RetryAfter.parse("120", now: now) == .seconds(120))
        #expect(RetryAfter.parse(" 0 ", now: now) == .seconds(0))
        #expect(RetryAfter.parse("-5", now: now) == nil)
        #expect(RetryAfter.parse("soon", now: now) == nil)
        let date = Date(timeIntervalSince1970: 784_111_777) // Sun, 06 Nov 1994 08:49:37 GMT
        #expect(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", now: date.addingTimeInterval(-30)) == .seconds(30))
        #expect(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", now: date.addingTimeInterval(30)) == .seconds(0))
        #expect(RetryAfter.parse("Sun, 06 Foo 1994 08:49:37 GMT", now: date) == nil)
    }
}
