import MentorlineDelivery
import Synchronization
import Testing

/// A loop's heartbeat on an injected monotonic clock: stopped, running, stalled, and how long it may sleep.
@Suite struct LoopHeartbeatTests {
    final class ManualClock: Sendable {
        let start = ContinuousClock.now
        let elapsed = Mutex<Duration>(.zero)
        var now: ContinuousClock.Instant { start + elapsed.withLock { $0 } }
        func advance(_ duration: Duration) { elapsed.withLock { $0 += duration } }
    }

    @Test func stoppedUntilTheFirstBeatAndAfterTheLoopEnds() {
        let clock = ManualClock()
        let heartbeat = LoopHeartbeat(clock: { clock.now })
        #expect(heartbeat.status == .stopped)
        #expect(!heartbeat.isRunning)
        heartbeat.beat()
        #expect(heartbeat.status == .running)
        heartbeat.stop()
        #expect(heartbeat.status == .stopped)
    }

    @Test func stalledOnceSilentForTwoMinutesAndRunningAgainOnTheNextBeat() {
        let clock = ManualClock()
        let heartbeat = LoopHeartbeat(clock: { clock.now })
        heartbeat.beat()
        clock.advance(LoopHeartbeat.stalledAfter - .milliseconds(1))
        #expect(heartbeat.isRunning)
        clock.advance(.milliseconds(1))
        #expect(heartbeat.status == .stalled(LoopHeartbeat.stalledAfter))
        clock.advance(.seconds(10))
        #expect(heartbeat.status == .stalled(.seconds(130)))
        heartbeat.beat()
        #expect(heartbeat.isRunning)
    }

    /// An idle loop still goes round in time: its waits end within ``LoopHeartbeat/longestIdle``, which is well
    /// inside ``LoopHeartbeat/stalledAfter``.
    @Test func waitsAreCappedAtTheLongestIdle() {
        let clock = ManualClock()
        let heartbeat = LoopHeartbeat(clock: { clock.now })
        #expect(heartbeat.capped(nil) == clock.now + LoopHeartbeat.longestIdle)
        #expect(heartbeat.capped(clock.now + .seconds(3600)) == clock.now + LoopHeartbeat.longestIdle)
        #expect(heartbeat.capped(clock.now + .seconds(5)) == clock.now + .seconds(5))
        #expect(heartbeat.capped(clock.now - .seconds(5)) == clock.now - .seconds(5))
        #expect(LoopHeartbeat.longestIdle * 2 < LoopHeartbeat.stalledAfter)
    }
}
