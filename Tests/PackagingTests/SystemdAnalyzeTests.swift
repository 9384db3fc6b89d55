import Foundation
import Testing

/// The installed unit checked by systemd's own tools. They run only where `systemd-analyze` is installed
/// (Debian: the `systemd` package; the CI machine has it); elsewhere Swift Testing reports them as skipped
/// with the reason below.
@Suite(.enabled(if: Tools.systemdAnalyze != nil, "systemd-analyze is not installed: the unit file is not verified and its exposure is not rated"))
struct SystemdAnalyzeTests {
    /// `systemd-analyze verify` checks that every command exists, so the installed unit is checked with
    /// its binaries' paths pointed into DESTDIR, where the stubs are; everything else is the installed text.
    private func installedUnit() throws -> (sandbox: Sandbox, unit: String) {
        let sandbox = try Sandbox()
        let install = try sandbox.makeInstall()
        try #require(install.status == 0, "make install failed: \(install.stderr)")
        let text = try String(contentsOfFile: sandbox.root + "/etc/systemd/system/mentorlined.service", encoding: .utf8)
        let directory = sandbox.base + "/verify"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let unit = directory + "/mentorlined.service"
        try text.replacingOccurrences(of: "=/usr/local/bin/", with: "=\(sandbox.root)/usr/local/bin/")
            .write(toFile: unit, atomically: false, encoding: .utf8)
        return (sandbox, unit)
    }

    @Test func verifyIsClean() throws {
        let (sandbox, unit) = try installedUnit()
        let result = try withExtendedLifetime(sandbox) { try run(Tools.systemdAnalyze!, ["verify", "--man=no", unit]) }
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty, "systemd-analyze verify: \(result.stdout)\(result.stderr)")
    }

    @Test func exposureIsAtMostTwo() throws {
        let (sandbox, unit) = try installedUnit()
        let result = try withExtendedLifetime(sandbox) {
            try run(Tools.systemdAnalyze!, ["security", "--offline=yes", "--no-pager", unit])
        }
        #expect(result.status == 0, "systemd-analyze security: \(result.stderr)")
        let match = try #require(
            result.stdout.firstMatch(of: /Overall exposure level for mentorlined\.service: ([0-9]+\.[0-9]+)/),
            "no exposure level in: \(result.stdout)\(result.stderr)"
        )
        let exposure = try #require(Double(match.1))
        #expect(exposure <= 2.0, "exposure \(exposure): \(result.stdout.split(separator: "\n").filter { $0.hasPrefix("✗") }.joined(separator: "\n"))")
    }
}
