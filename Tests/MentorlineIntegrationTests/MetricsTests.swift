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
}
