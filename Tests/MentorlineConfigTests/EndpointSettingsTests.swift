import Foundation
import MentorlineConfig
import MentorlineCore
import Testing

/// Per-endpoint delivery settings (`timeout`, `connect_timeout`, `concurrency`, `secret_files`,
/// `disable_after`) and the delivery-wide `disable_after`, `ca_file` and `ops_fallback`.
struct EndpointSettingsTests {
    static let nextSecret = "whsec_" + Data((100..<132).map { UInt8($0) }).base64EncodedString()
    static let pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"

    /// Two endpoints, `gateway` and `ops`, with `options` appended inside `gateway`'s mapping and
    /// `delivery` lines appended to the delivery section.
    static func settings(gateway options: String = "", delivery: String = "") -> String {
        """
        delivery:
          endpoints:
            - {id: gateway, url: "https://user:pa55@sms.example/hooks?key=k1", secret_file: secrets/hook.secret\(options)}
            - {id: ops, url: http://127.0.0.1:8099/ops, secret_file: secrets/hook.secret}
          recipients: {mentor: gateway, ops: ops}
        \(delivery)
        """
    }

    static func fixture(_ settings: String) -> ConfigFixture {
        var fixture = ConfigFixture(settings: settings)
        fixture.files["secrets/next.secret"] = nextSecret
        fixture.files["ca/kommune.pem"] = pem
        return fixture
    }

    @Test func endpointsTakeTheDeliveryWideValuesByDefault() throws {
        let delivery = try Self.fixture(Self.settings()).load().delivery
        let gateway = try #require(delivery.endpoints[EndpointID("gateway")])
        #expect(gateway.timeout == .seconds(15))
        #expect(gateway.connectTimeout == .seconds(5))
        #expect(gateway.concurrency == 64)
        #expect(gateway.disableAfter == .seconds(3600))
        #expect(gateway.secretKeys == [Array(0..<32)])
        #expect(delivery.disableAfter == ConfigurationDefaults.disableAfter)
        #expect(delivery.caFile == nil)
        #expect(delivery.opsFallback == nil)

        let changed = try Self.fixture(Self.settings(delivery: """
              request_timeout: 20s
              connect_timeout: 2s
              max_in_flight: 10
              disable_after: 30m
            """)).load().delivery
        let defaulted = try #require(changed.endpoints[EndpointID("gateway")])
        #expect(defaulted.timeout == .seconds(20))
        #expect(defaulted.connectTimeout == .seconds(2))
        #expect(defaulted.concurrency == 10)
        #expect(defaulted.disableAfter == .seconds(1800))
    }

    @Test func everyEndpointSettingRead() throws {
        let settings = Self.settings(
            gateway: ", timeout: 3s, connect_timeout: 500ms, concurrency: 4, disable_after: 10m",
            delivery: "  ca_file: ca/kommune.pem\n  ops_fallback: gateway"
        ).replacingOccurrences(of: "secret_file: secrets/hook.secret, timeout", with: "secret_files: [secrets/hook.secret, secrets/next.secret], timeout")
        let delivery = try Self.fixture(settings).load().delivery
        let gateway = try #require(delivery.endpoints[EndpointID("gateway")])
        #expect(gateway.timeout == .seconds(3))
        #expect(gateway.connectTimeout == .milliseconds(500))
        #expect(gateway.concurrency == 4)
        #expect(gateway.disableAfter == .seconds(600))
        #expect(gateway.secretKeys == [Array(0..<32), Array(100..<132)])
        #expect(gateway.secretKey == Array(0..<32))
        #expect(delivery.opsFallback == EndpointID("gateway"))
        let caFile = try #require(delivery.caFile)
        #expect(caFile.hasPrefix("/"))
        #expect(caFile.hasSuffix("/ca/kommune.pem"))
        // The other endpoint keeps the defaults.
        #expect(delivery.endpoints[EndpointID("ops")]?.concurrency == 64)
    }

    @Test func badEndpointSettings() {
        let errors = Self.fixture(Self.settings(gateway: ", timeout: 3 seconds, concurrency: 0, disable_after: 0s, retries: 3")).errors()
        #expect(errors == [
            "mentorline.yaml:3:115: invalid duration '3 seconds' for 'timeout' (expected a positive whole number with a unit ms, s, m, h or d, e.g. 30s)",
            "mentorline.yaml:3:139: 'concurrency' must be at least 1, found 0",
            "mentorline.yaml:3:157: invalid duration '0s' for 'disable_after' (expected a positive whole number with a unit ms, s, m, h or d, e.g. 30s)",
            "mentorline.yaml:3:161: unknown key 'retries' in endpoint",
        ])
        // The URL's credentials never appear.
        #expect(!errors.joined().contains("pa55"))
    }

    @Test func secretFilesValidation() {
        func errors(_ secrets: String) -> [String] {
            let settings = Self.settings().replacingOccurrences(of: #"key=k1", secret_file: secrets/hook.secret}"#, with: #"key=k1", "# + secrets + "}")
            return Self.fixture(settings).errors()
        }
        #expect(errors("secret_file: secrets/hook.secret, secret_files: [secrets/next.secret]") == [
            "mentorline.yaml:3:120: give either 'secret_file' or 'secret_files', not both",
        ])
        #expect(errors("secret_files: [secrets/hook.secret, secrets/next.secret, secrets/hook.secret]") == [
            "mentorline.yaml:3:86: 'secret_files' takes one or 2 files (the current secret and the next), found 3",
        ])
        #expect(errors("secret_files: [secrets/hook.secret, secrets/hook.secret]") == [
            "mentorline.yaml:3:86: 'secret_files' names the same secret twice",
        ])
        #expect(errors("secret_files: [secrets/hook.secret, secrets/missing.secret]") == [
            "mentorline.yaml:3:108: cannot read secret file 'secrets/missing.secret'",
        ])
        #expect(errors("secret_files: []") == [
            "mentorline.yaml:3:86: 'secret_files' takes one or 2 files (the current secret and the next), found 0",
        ])
        #expect(errors("concurrency: 2") == [
            "mentorline.yaml:3:7: missing required key 'secret_file' in endpoint (or 'secret_files' with two secrets during a rotation)",
        ])
    }

    @Test func caFileAndOpsFallbackValidation() {
        var fixture = Self.fixture(Self.settings(delivery: "  ca_file: ca/missing.pem\n  ops_fallback: ops"))
        #expect(fixture.errors() == [
            "mentorline.yaml:6:12: cannot read CA file 'ca/missing.pem'",
            "mentorline.yaml:7:17: 'ops_fallback' must be another endpoint than recipients.ops ('ops'): it carries the ops alert when that one is disabled",
        ])
        fixture = Self.fixture(Self.settings(delivery: "  ca_file: secrets/hook.secret\n  ops_fallback: gatway\n  disable_after: soon"))
        #expect(fixture.errors() == [
            "mentorline.yaml:6:12: CA file 'secrets/hook.secret' holds no PEM certificate (expected '-----BEGIN CERTIFICATE-----')",
            "mentorline.yaml:7:17: unknown endpoint 'gatway' (did you mean 'gateway'?)",
            "mentorline.yaml:8:18: invalid duration 'soon' for 'disable_after' (expected a positive whole number with a unit ms, s, m, h or d, e.g. 30s)",
        ])
    }

    @Test(arguments: [
        ("https://user:pa55@sms.example/hooks?key=k1#x", "https://sms.example/hooks"),
        ("http://127.0.0.1:8099/hooks/mentor", "http://127.0.0.1:8099/hooks/mentor"),
        ("https://gw.example", "https://gw.example"),
        ("https://token@gw.example/a@b", "https://gw.example/a@b"),
    ])
    func displayURLsCarryNoCredentials(url: String, shown: String) {
        #expect(WebhookEndpoint.displayURL(url) == shown)
    }

    @Test func descriptionNamesNeitherSecretsNorCredentials() {
        let endpoint = WebhookEndpoint(id: EndpointID("gateway"), url: "https://user:pa55@sms.example/hooks?key=k1", secretKeys: [[1, 2], [3, 4, 5]])
        #expect(String(describing: endpoint) == "WebhookEndpoint(gateway, https://sms.example/hooks, secrets: 2 bytes, 3 bytes)")
    }
}
