import Foundation
import MentorlineServer
import MentorlineStore
import MentorlineTesting
import Testing

/// Tokens made through `POST /v1/tokens` in the running daemon: shown once, stored as a digest, working
/// for their kind until revoked, and surviving a restart.
@Suite struct StoredTokenTests {
    static let admin = TestConfiguration.adminToken

    /// Makes a token as the configured admin and returns the answer's JSON.
    static func create(_ daemon: TestDaemon, _ json: String, token: String = admin) async throws -> [String: Any] {
        let created = try await daemon.post("/v1/tokens", json: json, token: token)
        guard created.status == 201 else { throw TestDaemonError(description: "token create answered \(created.status): \(created.text)") }
        return created.json
    }

    static func tokens(_ daemon: TestDaemon) async throws -> [[String: Any]] {
        try await daemon.get("/v1/tokens", token: admin).json["tokens"] as? [[String: Any]] ?? []
    }

    @Test func anIntakeTokenMadeByAnAdminRegistersCasesUntilItIsRevoked() async throws {
        try await withSinkAndDaemon { _, daemon in
            let answer = try await daemon.post("/v1/tokens", json: #"{"kind": "intake", "name": "telefonsystem"}"#, token: Self.admin)
            #expect(answer.status == 201)
            #expect(answer.header("Cache-Control") == "no-store")
            let created = answer.json
            let secret = try #require(created["secret"] as? String)
            let id = try #require(created["id"] as? String)
            #expect(secret.hasPrefix("ml_"))
            #expect(secret.count == 3 + 43)
            #expect(secret.dropFirst(3).allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            #expect(id.hasPrefix("tok_"))
            #expect(created["kind"] as? String == "intake")
            #expect(created["source"] as? String == "store")
            #expect(created["status"] as? String == "active")
            #expect(created["created_by"] as? String == "admin:test-admin")

            // The token registers a case, under its own name.
            let caseID = try await daemon.post("/v1/cases", json: TestDaemon.companyCall, token: secret).json["id"] as? String
            let details = try await daemon.get("/v1/cases/\(try #require(caseID))", token: Self.admin).json
            let received = (details["history"] as? [[String: Any]])?.first
            #expect(received?["actor"] as? String == "intake:telefonsystem")

            // Listed with the configured tokens; never with its text or digest.
            let list = try await daemon.get("/v1/tokens", token: Self.admin)
            #expect(!list.text.contains(secret))
            #expect(!list.text.contains(String(secret.dropFirst(3))))
            #expect(!list.text.contains("sha256"))
            let listed = list.json["tokens"] as? [[String: Any]] ?? []
            #expect(listed.filter { $0["source"] as? String == "config" }.compactMap { $0["id"] as? String }.sorted()
                == ["config:anna", "config:bo", "config:carl", "config:test-admin", "config:test-intake"])
            let stored = try #require(listed.first { $0["id"] as? String == id })
            #expect(stored["secret"] == nil)
            #expect(stored["name"] as? String == "telefonsystem")
            #expect(stored["last_used_at"] as? String != nil)

            // Revoked: the very next request is refused, and revoking again is a conflict.
            let revoked = try await daemon.post("/v1/tokens/\(id)/revoke", json: "", token: Self.admin)
            #expect(revoked.status == 200)
            #expect(revoked.json["status"] as? String == "revoked")
            #expect(revoked.json["revoked_by"] as? String == "admin:test-admin")
            let refused = try await daemon.post("/v1/cases", json: TestDaemon.companyCall, token: secret)
            #expect(refused.status == 401)
            #expect(try await daemon.post("/v1/tokens/\(id)/revoke", json: "", token: Self.admin).status == 409)
            #expect(try await daemon.post("/v1/tokens/tok_NOSUCHTOKEN/revoke", json: "", token: Self.admin).status == 404)
            #expect(try await Self.tokens(daemon).first { $0["id"] as? String == id }?["status"] as? String == "revoked")

            // Both changes are in the audit log, by the admin, without the token's text.
            let audit = try await daemon.get("/v1/audit", token: Self.admin)
            #expect(!audit.text.contains(secret))
            let entries = (audit.json["entries"] as? [[String: Any]] ?? []).filter { ($0["subject"] as? String) == "token:\(id)" }
            #expect(entries.compactMap { $0["action"] as? String } == ["token.revoke", "token.create"])
            #expect(entries.allSatisfy { $0["actor"] as? String == "admin:test-admin" })
            #expect((entries.last?["detail"] as? [String: Any])?["kind"] as? String == "intake")
        }
    }

    @Test func aMentorTokenActsOnlyForItsMentor() async throws {
        try await withSinkAndDaemon { sink, daemon in
            let secret = try #require(try await Self.create(daemon, #"{"kind": "mentor", "name": "anna-mobil", "mentor": "anna"}"#)["secret"] as? String)
            let caseID = try await daemon.registerCase()
            let offer = try await waitForWebhook(sink) { $0.type == "task.offered" && $0.recipientID == "anna" }
            let taskID = try #require(offer.data["task_id"] as? String)

            #expect(try await daemon.get("/v1/tasks/\(taskID)", token: secret).status == 200)
            #expect(try await daemon.post("/v1/cases", json: TestDaemon.companyCall, token: secret).status == 403)
            #expect(try await daemon.get("/v1/tokens", token: secret).status == 403)
            let accepted = try await daemon.post("/v1/tasks/\(taskID)/accept", json: "", token: secret)
            #expect(accepted.status == 200)
            let details = try await daemon.waitForCase(caseID) { $0["state"] as? String == "accepted" }
            #expect((details["history"] as? [[String: Any]] ?? []).contains { $0["actor"] as? String == "mentor:anna" })

            // Another mentor's token of the same kind cannot act on anna's task.
            let bo = try #require(try await Self.create(daemon, #"{"kind": "mentor", "name": "bo-mobil", "mentor": "bo"}"#)["secret"] as? String)
            #expect(try await daemon.get("/v1/tasks/\(taskID)", token: bo).status == 403)
            #expect(try await daemon.post("/v1/tasks/\(taskID)/resolve", json: "", token: bo).status == 403)
        }
    }

    @Test func onlyAdminsManageTokensAndEveryProblemIsNamed() async throws {
        try await withSinkAndDaemon { _, daemon in
            let intake = TestConfiguration.intakeToken
            let anna = TestConfiguration.mentorToken("anna")
            #expect(try await daemon.post("/v1/tokens", json: #"{"kind": "admin", "name": "x"}"#, token: intake).status == 403)
            #expect(try await daemon.post("/v1/tokens", json: #"{"kind": "admin", "name": "x"}"#, token: anna).status == 403)
            #expect(try await daemon.post("/v1/tokens", json: #"{"kind": "admin", "name": "x"}"#, token: nil).status == 401)
            #expect(try await daemon.get("/v1/tokens", token: intake).status == 403)

            func problems(_ json: String) async throws -> [String: String] {
                let answer = try await daemon.post("/v1/tokens", json: json, token: Self.admin)
                #expect(answer.status == 422)
                let params = answer.json["invalid-params"] as? [[String: String]] ?? []
                return Dictionary(params.map { ($0["name"] ?? "", $0["reason"] ?? "") }) { $1 }
            }
            #expect(try await problems("{}").keys.sorted() == ["kind", "name"])
            #expect(try await problems(#"{"kind": "boss", "name": "a b"}"#).keys.sorted() == ["kind", "name"])
            #expect(try await problems(#"{"kind": "mentor", "name": "m"}"#)["mentor"]?.hasPrefix("is required") == true)
            #expect(try await problems(#"{"kind": "mentor", "name": "m", "mentor": "nobody"}"#)["mentor"] == "is not a mentor in the roster")
            #expect(try await problems(#"{"kind": "intake", "name": "m", "mentor": "anna"}"#)["mentor"] == "is only for mentor tokens")
            #expect(try await problems(#"{"kind": "intake", "name": "m", "expires": "2020-01-01"}"#)["expires"] == "must be in the future")
            #expect(try await problems(#"{"kind": "intake", "name": "m", "expires": "soon"}"#)["expires"]?.hasPrefix("must be a time") == true)

            // An admin token made here is an admin like the configured one, under its own name.
            let ops = try #require(try await Self.create(daemon, #"{"kind": "admin", "name": "ops-script", "expires": "2099-01-01"}"#)["secret"] as? String)
            let made = try await Self.create(daemon, #"{"kind": "intake", "name": "webformular"}"#, token: ops)
            #expect(made["created_by"] as? String == "admin:ops-script")
            let listed = try #require(try await Self.tokens(daemon).first { $0["name"] as? String == "ops-script" })
            #expect(listed["expires_at"] as? String == "2098-12-31T23:00:00Z")
        }
    }

    @Test func configuredTokensCannotBeRevokedAndNamesAreNotShared() async throws {
        try await withSinkAndDaemon { _, daemon in
            let configured = try await daemon.post("/v1/tokens/config:test-intake/revoke", json: "", token: Self.admin)
            #expect(configured.status == 409)
            #expect((configured.json["detail"] as? String)?.contains("remove it from auth.tokens in mentorline.yaml") == true)
            #expect(try await daemon.post("/v1/cases", json: TestDaemon.companyCall, token: TestConfiguration.intakeToken).status == 202)

            #expect(try await daemon.post("/v1/tokens", json: #"{"kind": "intake", "name": "test-intake"}"#, token: Self.admin).status == 409)
            let first = try await Self.create(daemon, #"{"kind": "intake", "name": "telefonsystem"}"#)
            #expect(try await daemon.post("/v1/tokens", json: #"{"kind": "intake", "name": "telefonsystem"}"#, token: Self.admin).status == 409)
            // Once revoked, the name is free for its successor.
            #expect(try await daemon.post("/v1/tokens/\(try #require(first["id"] as? String))/revoke", json: "", token: Self.admin).status == 200)
            _ = try await Self.create(daemon, #"{"kind": "intake", "name": "telefonsystem"}"#)
            #expect(try await Self.tokens(daemon).filter { $0["name"] as? String == "telefonsystem" }.compactMap { $0["status"] as? String }
                == ["revoked", "active"])
        }
    }

    @Test func storedTokensSurviveARestartAndOnlyTheirDigestIsStored() async throws {
        try await WebhookSink.withSink { sink in
            let root = try TestDaemon.temporaryDirectory()
            let configuration = TestConfiguration(mentorEndpointURL: sink.url(path: "/hooks/mentor"), opsEndpointURL: sink.url(path: "/hooks/ops"))
            let config = try configuration.write(to: root.appendingPathComponent("Config"))
            let state = root.appendingPathComponent("var")

            let (secret, revokedSecret) = try await TestDaemon.withDaemon(configurationDirectory: config, stateDirectory: state) { daemon in
                let kept = try #require(try await Self.create(daemon, #"{"kind": "intake", "name": "telefonsystem"}"#)["secret"] as? String)
                let revoked = try await Self.create(daemon, #"{"kind": "intake", "name": "gammelt-system"}"#)
                #expect(try await daemon.post("/v1/tokens/\(try #require(revoked["id"] as? String))/revoke", json: "", token: Self.admin).status == 200)
                #expect(try await daemon.post("/v1/cases", json: TestDaemon.companyCall, token: kept).status == 202)
                return (kept, try #require(revoked["secret"] as? String))
            }

            // Nowhere in the database, its WAL or shared memory is the token's text (nor its random part).
            let files = try FileManager.default.contentsOfDirectory(atPath: state.path).filter { $0.hasPrefix("mentorline.sqlite") }
            #expect(files.contains("mentorline.sqlite"))
            for file in files {
                let bytes = try Data(contentsOf: state.appendingPathComponent(file))
                for text in [secret, String(secret.dropFirst(3)), revokedSecret, String(revokedSecret.dropFirst(3))] {
                    #expect(bytes.range(of: Data(text.utf8)) == nil, "\(file) holds a token's text")
                }
            }
            // What is stored is the SHA-256 of the text.
            let store = try SQLiteStore(path: state.appendingPathComponent("mentorline.sqlite").path)
            let stored = try await store.storedTokens()
            #expect(stored.map(\.name) == ["telefonsystem", "gammelt-system"])
            #expect(stored.first?.sha256 == TokenTable.digest(of: secret))
            #expect(stored.first?.lastUsedAt != nil)

            try await TestDaemon.withDaemon(configurationDirectory: config, stateDirectory: state) { (daemon) async throws -> Void in
                #expect(try await daemon.post("/v1/cases", json: TestDaemon.companyCall, token: secret).status == 202)
                #expect(try await daemon.post("/v1/cases", json: TestDaemon.companyCall, token: revokedSecret).status == 401)
                #expect(try await Self.tokens(daemon).filter { $0["source"] as? String == "store" }.compactMap { $0["status"] as? String }
                    == ["active", "revoked"])
            }
        }
    }
}
