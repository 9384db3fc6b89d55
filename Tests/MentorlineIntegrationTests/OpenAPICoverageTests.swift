import Foundation
import Logging
import MentorlineServer
import MentorlineStore
import MentorlineTesting
import MentorlineCore
import Testing
import Yams

@Suite struct OpenAPICoverageTests {
    /// Every route the server registers is in the OpenAPI document, and every operation the document
    /// describes is a route the server has.
    @Test func everyRouteIsDocumentedAndEveryDocumentedOperationExists() async throws {
        let directory = try TestDaemon.temporaryDirectory()
        let store = try SQLiteStore(path: directory.appendingPathComponent("db.sqlite").path)
        let logger = Logger(label: "test")
        let api = MentorlineAPI(environment: APIEnvironment(
            store: store, committer: IntakeCommitter(store: store, logger: logger, committed: { _ in }),
            settings: {
                APISettings(tokens: TokenTable(grants: []), publicURL: "http://127.0.0.1", planner: CasePlanner(roster: Roster(), notifications: Notifications(
                    publicURL: "http://127.0.0.1", timeZone: TimeZone(identifier: "UTC")!, topics: [:],
                    endpoints: RecipientEndpoints(byKind: [:], fallback: EndpointID("m")), texts: UnusedTexts(),
                    letters: .standard(timeZone: TimeZone(identifier: "UTC")!)
                )))
            },
            readiness: { Readiness(problems: []) }, now: { Date() }, wakeDispatcher: {}, logger: logger
        ))
        let served = Set(api.buildRouter().routes)

        let text = try #require(MentorlineAPI.openAPIText as String?)
        let loaded = try Yams.load(yaml: text)
        let document = try #require(loaded as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = document["paths"] as? [String: Any] ?? [:]
        var documented: Set<APIRoute> = []
        for (path, item) in paths {
            for method in ((item as? [String: Any]) ?? [:]).keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                documented.insert(APIRoute(method: method, path: path))
            }
        }
        #expect(served.subtracting(documented).sorted() == [], "served but not documented")
        #expect(documented.subtracting(served).sorted() == [], "documented but not served")
        #expect(served.count >= 9)
    }

    @Test func theDaemonServesTheDocumentWithoutAToken() async throws {
        try await withSinkAndDaemon { _, daemon in
            let result = try await daemon.get("/v1/openapi.yaml", token: nil)
            #expect(result.status == 200)
            #expect(result.text.hasPrefix("openapi: 3.1.0"))
        }
    }
}

/// The coverage test lists routes and never renders a message.
private struct UnusedTexts: MessageTexts {
    func render(_ event: EventType, language: LanguageCode, values: TemplateValues) -> RenderedText {
        RenderedText(text: "", template: "", language: language)
    }
}
