import Foundation
import Testing

/// `make install` into a temporary `DESTDIR`, with stub binaries (`SKIP_BUILD=1`), so no release build runs.
@Suite struct InstallTests {
    @Test(arguments: ["/usr/local", "/opt/mentorline"])
    func installsTheTree(prefix: String) throws {
        let sandbox = try Sandbox()
        let result = try sandbox.makeInstall(prefix: prefix)
        #expect(result.status == 0, "make install failed: \(result.stderr)")

        for binary in ["mentorlined", "mentorctl"] {
            let path = sandbox.root + prefix + "/bin/" + binary
            #expect(mode(of: path) == 0o755, "\(path)")
            #expect(contents(of: path) == Sandbox.stubScript(binary))
        }
        // Bundle.module looks for resources next to the executable.
        let resource = sandbox.root + prefix + "/bin/" + Sandbox.resourceBundle + "/openapi.yaml"
        #expect(contents(of: resource) == Sandbox.resource)
        #expect(mode(of: resource) == 0o644)
        let unit = sandbox.root + "/etc/systemd/system/mentorlined.service"
        #expect(mode(of: unit) == 0o644)
        let unitText = contents(of: unit) ?? ""
        let execLines = unitText.split(separator: "\n").filter { $0.hasPrefix("ExecStart") }
        #expect(execLines == [
            "ExecStartPre=\(prefix)/bin/mentorctl check-config ${CONFIGURATION_DIRECTORY}",
            "ExecStart=\(prefix)/bin/mentorlined",
        ])
        #expect(unitText.contains("Documentation=file://\(prefix)/share/doc/mentorline/README.md"))
        #expect(unitText.firstMatch(of: /@[A-Z]+@/) == nil, "a template placeholder is left in the installed unit")
        #expect(mode(of: sandbox.root + prefix + "/share/doc/mentorline/README.md") == 0o644)

        let sysusers = sandbox.root + "/usr/lib/sysusers.d/mentorline.conf"
        #expect(mode(of: sysusers) == 0o644)
        #expect(contents(of: sysusers)?.split(separator: "\n").contains { $0.hasPrefix("u mentorline ") } == true)

        let configuration = sandbox.root + "/etc/mentorline"
        #expect(mode(of: configuration) == 0o755)
        #expect(mode(of: configuration + "/credentials") == 0o700)
        let shipped = RepositoryRoot.configFiles()
        #expect(shipped.contains("mentorline.yaml") && shipped.contains("roster.yaml") && shipped.contains("secrets/admin-dev.token"))
        for file in shipped where !file.hasPrefix("secrets/") {
            let installed = configuration + "/" + file
            #expect(contents(of: installed) == contents(of: RepositoryRoot.path + "/Config/" + file), "\(file)")
            #expect(mode(of: installed) == 0o640, "\(file)")
        }
        // The development secrets are public: a server never gets them.
        #expect(!FileManager.default.fileExists(atPath: configuration + "/secrets"), "the development secrets were installed")

        // A staged install (DESTDIR) generates no credentials, and says which the unit still needs.
        let credentials = try FileManager.default.contentsOfDirectory(atPath: configuration + "/credentials")
        #expect(credentials.isEmpty, "\(credentials)")
        for name in Self.credentialNames(unitText) {
            #expect(result.stderr.contains("missing /etc/mentorline/credentials/\(name)"), "\(name)")
        }
    }

    /// `CREDENTIALS=generate` (the default of a real install) makes a fresh random value for every credential
    /// the unit loads, root-only; the installed configuration then passes `mentorctl check-config` with them,
    /// and a second install keeps them.
    @Test func generatedCredentialsAreFreshAndPassTheConfigurationCheck() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.makeInstall(["CREDENTIALS=generate"])
        #expect(result.status == 0, "make install failed: \(result.stderr)")
        let configuration = sandbox.root + "/etc/mentorline"
        let names = Self.credentialNames(contents(of: sandbox.root + "/etc/systemd/system/mentorlined.service") ?? "")
        #expect(names.count == 11)
        var values: Set<String> = []
        for name in names {
            let path = configuration + "/credentials/" + name
            #expect(mode(of: path) == 0o600, "\(name)")
            let value = (contents(of: path) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(value != contents(of: RepositoryRoot.path + "/Config/secrets/" + name)?.trimmingCharacters(in: .whitespacesAndNewlines), "\(name) is the development value")
            if name.hasSuffix(".secret") {
                #expect(value.hasPrefix("whsec_") && Data(base64Encoded: String(value.dropFirst(6)))?.count == 32, "\(name)")
            } else {
                #expect(value.count >= 32 && value.allSatisfy { $0.isLetter || $0.isNumber }, "\(name)")
            }
            values.insert(value)
            #expect(result.stderr.contains("generated /etc/mentorline/credentials/\(name)"))
        }
        #expect(values.count == names.count, "two credentials got the same value")

        let check = try run(CheckConfigTests.mentorctl, ["check-config", configuration],
                            environment: ["CREDENTIALS_DIRECTORY": configuration + "/credentials"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        let token = configuration + "/credentials/admin-dev.token"
        let before = contents(of: token)
        let second = try sandbox.makeInstall(["CREDENTIALS=generate"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(contents(of: token) == before, "a second install replaced a credential in use")
        #expect(!second.stderr.contains("generated"), "\(second.stderr)")
    }

    @Test func anUnknownCredentialsSettingIsRefused() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.makeInstall(["CREDENTIALS=copy"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("CREDENTIALS must be generate or skip"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/etc/mentorline"))
    }

    /// The credential names the unit's `LoadCredential=` lines load.
    static func credentialNames(_ unit: String) -> [String] {
        unit.matches(of: /^LoadCredential=([^:\n]+):/.anchorsMatchLineEndings()).map { String($0.1) }
    }

    @Test func reinstallKeepsConfigurationAndUninstallKeepsIt() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.makeInstall().status == 0)
        let roster = sandbox.root + "/etc/mentorline/roster.yaml"
        let templates = sandbox.root + "/etc/mentorline/templates/case.receipt.da.mustache"
        let edited = "# edited on the server\n"
        try edited.write(toFile: roster, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: templates)
        let binary = sandbox.root + "/usr/local/bin/mentorlined"
        try FileManager.default.removeItem(atPath: binary)

        let second = try sandbox.makeInstall()
        #expect(second.status == 0, "\(second.stderr)")
        #expect(contents(of: roster) == edited, "a second install overwrote a changed config file")
        #expect(second.stderr.contains("kept /etc/mentorline/roster.yaml"))
        #expect(contents(of: templates) == contents(of: RepositoryRoot.path + "/Config/templates/case.receipt.da.mustache"), "a missing file is installed")
        #expect(mode(of: templates) == 0o640)
        #expect(mode(of: binary) == 0o755, "binaries are always installed")

        let uninstall = try sandbox.make(["uninstall", "DESTDIR=\(sandbox.root)"])
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        for gone in ["/usr/local/bin/mentorlined", "/usr/local/bin/mentorctl", "/usr/local/bin/" + Sandbox.resourceBundle,
                     "/etc/systemd/system/mentorlined.service",
                     "/usr/lib/sysusers.d/mentorline.conf", "/usr/local/share/doc/mentorline"] {
            #expect(!FileManager.default.fileExists(atPath: sandbox.root + gone), "\(gone) is left after uninstall")
        }
        #expect(contents(of: roster) == edited, "uninstall touched /etc/mentorline")
        #expect(mode(of: sandbox.root + "/etc/mentorline/credentials") == 0o700)
    }

    @Test func withoutSkipBuildAndNoBinariesItSaysWhatToDo() throws {
        let sandbox = try Sandbox()
        let result = try sandbox.make(["install", "DESTDIR=\(sandbox.root)", "SKIP_BUILD=1", "BUILD_BIN_DIR=\(sandbox.base)/nothing"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("make install-build"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.root + "/etc/mentorline"))
    }

    @Test(.enabled(if: Tools.find("systemd-sysusers") != nil, "systemd-sysusers is not installed: the sysusers.d entry is not applied"))
    func sysusersCreatesTheUser() throws {
        let sandbox = try Sandbox()
        #expect(try sandbox.makeInstall().status == 0)
        try FileManager.default.createDirectory(atPath: sandbox.root + "/etc", withIntermediateDirectories: true)
        let result = try run(Tools.find("systemd-sysusers")!, ["--root=\(sandbox.root)"])
        #expect(result.status == 0, "\(result.stderr)")
        let passwd = contents(of: sandbox.root + "/etc/passwd") ?? ""
        let group = contents(of: sandbox.root + "/etc/group") ?? ""
        #expect(passwd.split(separator: "\n").contains { $0.hasPrefix("mentorline:x:") && $0.contains(":/var/lib/mentorline:") }, "\(passwd)")
        #expect(group.split(separator: "\n").contains { $0.hasPrefix("mentorline:x:") }, "\(group)")
    }
}

/// The unit loads a credential for every secret and token file the shipped mentorline.yaml names, under
/// the file's base name (the name the daemon looks for in `$CREDENTIALS_DIRECTORY`).
@Test func unitLoadsEveryCredentialTheConfigurationNames() throws {
    let yaml = try String(contentsOfFile: RepositoryRoot.path + "/Config/mentorline.yaml", encoding: .utf8)
    let unit = try String(contentsOfFile: RepositoryRoot.path + "/systemd/mentorlined.service.in", encoding: .utf8)
    // `ca_file` names a CA bundle, not a credential: `\b` keeps it out.
    let named = Set(yaml.matches(of: /\b(?:secret_file|file):\s*([^\s,}]+)/).map { ($0.1 as Substring).split(separator: "/").last.map(String.init) ?? "" })
    #expect(named.count == 11)
    let loaded = Set(unit.matches(of: /^LoadCredential=([^:\n]+):([^\n]+)$/.anchorsMatchLineEndings()).map { String($0.1) })
    #expect(loaded == named)
    for match in unit.matches(of: /^LoadCredential=([^:\n]+):([^\n]+)$/.anchorsMatchLineEndings()) {
        #expect(match.2 == "/etc/mentorline/credentials/" + match.1)
    }
}
