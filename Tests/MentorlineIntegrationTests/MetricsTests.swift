import Foundation
import MentorlineTesting
import Testing

@Suite struct MetricsTests {
    @Test func metricsAreServedWithoutATokenInPrometheusTextFormat() async throws {
        try await withSinkAndDaemon { sink, daemon in
            let caseID = try await daemon.registerCase()
            _ = try await daemon.waitForCase(caseID) { ($0["messages"] as? [[String: Any]])?.first?["state"] as? String == "delivered" }
            let result = try await daemon.get("/metrics", token: nil)
            #expect(result.status == 200)
            #expect(result.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = result.text
            for line in [
                #"mentorline_messages{endpoint="mentor-gateway",state="delivered"} 1"#,
                #"mentorline_messages{endpoint="mentor-gateway",state="pending"} 0"#,
                #"mentorline_messages{endpoint="ops-alerts",state="dead"} 0"#,
                #"mentorline_delivery_duration_seconds_count{endpoint="mentor-gateway",outcome="delivered"} 1"#,
                #"mentorline_endpoint_up{endpoint="mentor-gateway"} 1"#,
                #"mentorline_endpoint_enabled{endpoint="ops-alerts"} 1"#,
                #"mentorline_build_info{version="0.1.0"} 1"#,
            ] {
                #expect(text.split(separator: "\n").contains { $0 == line || $0 == line + ".0" }, "missing: \(line)")
            }
            #expect(text.contains(#"mentorline_delivery_duration_seconds_bucket{endpoint="mentor-gateway",outcome="delivered",le="+Inf"} 1"#))
            #expect(text.contains("# TYPE mentorline_delivery_duration_seconds histogram"))
            #expect(text.contains("# HELP mentorline_messages "))
            #expect(!text.contains(caseID))

            // A disabled endpoint is down.
            _ = try await daemon.post("/v1/endpoints/ops-alerts/disable", json: "", token: TestConfiguration.adminToken)
            let after = try await daemon.get("/metrics", token: nil).text
            #expect(after.split(separator: "\n").contains { $0.hasPrefix(#"mentorline_endpoint_up{endpoint="ops-alerts"} 0"#) })
            #expect(after.split(separator: "\n").contains { $0.hasPrefix(#"mentorline_endpoint_enabled{endpoint="ops-alerts"} 0"#) })
        }
    }

    @Test func theQueueOffersAndTimeToAcceptAreMeasured() async throws {
        try await withSinkAndDaemon { sink, daemon in
            func lines() async throws -> [Substring] { try await daemon.get("/metrics", token: nil).text.split(separator: "\n") }
            func value(_ series: String, in lines: [Substring]) -> Double? {
                lines.first { $0.hasPrefix(series + " ") }.flatMap { Double($0.dropFirst(series.count + 1)) }
            }
            let caseID = try await daemon.registerCase()
            let offer = try await waitForWebhook(sink) { $0.type == "task.offered" }
            var before = try await lines()
            #expect(value(#"mentorline_cases{state="offered"}"#, in: before) == 1)
            #expect(value("mentorline_queue_depth", in: before) == 1)
            #expect((value("mentorline_queue_oldest_wait_seconds", in: before) ?? -1) >= 0)
            #expect(value("mentorline_offers_total", in: before) == 1)
            #expect(value("mentorline_escalations_total", in: before) == 0)
            #expect(value("mentorline_unroutable_cases_total", in: before) == 0)
            #expect(value("mentorline_offer_accept_seconds_count", in: before) == 0)

            let mentor = try #require(offer.recipientID)
            let taskID = try #require(offer.data["task_id"] as? String)
            #expect(try await daemon.post("/v1/tasks/\(taskID)/accept", json: "", token: TestConfiguration.mentorToken(mentor)).status == 200)
            before = try await lines()
            #expect(value(#"mentorline_cases{state="accepted"}"#, in: before) == 1)
            #expect(value(#"mentorline_cases{state="offered"}"#, in: before) == 0)
            #expect(value("mentorline_queue_depth", in: before) == 0)
            #expect(value("mentorline_queue_oldest_wait_seconds", in: before) == 0)
            #expect(value("mentorline_offer_accept_seconds_count", in: before) == 1)
            #expect(value(#"mentorline_offer_accept_seconds_bucket{le="+Inf"}"#, in: before) == 1)
            #expect(before.contains("# TYPE mentorline_offers_total counter"))
            #expect(before.contains("# TYPE mentorline_offer_accept_seconds histogram"))
            #expect(!before.joined().contains(caseID))
        }
    }
}
