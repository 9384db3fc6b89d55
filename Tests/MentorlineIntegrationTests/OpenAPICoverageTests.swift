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

    /// The feeds as documented: a volunteer's takes a token (bearer or `?token=`), a café's none.
    @Test func theVolunteerFeedIsDocumentedWithItsTokenAndTheCafeFeedWithout() throws {
        let text = try #require(MentorlineAPI.openAPIText)
        let document = try #require(try Yams.load(yaml: text) as? [String: Any])
        func operation(_ path: String) -> [String: Any]? {
            ((document["paths"] as? [String: Any])?[path] as? [String: Any])?["get"] as? [String: Any]
        }
        let volunteer = try #require(operation("/v1/volunteers/{id}/bookings.ics"))
        let schemes = (volunteer["security"] as? [[String: Any]] ?? []).flatMap(\.keys)
        #expect(Set(schemes) == ["bearer", "feedToken"])
        let feedToken = ((document["components"] as? [String: Any])?["securitySchemes"] as? [String: Any])?["feedToken"] as? [String: Any]
        #expect(feedToken?["in"] as? String == "query" && feedToken?["name"] as? String == "token")
        #expect(Set(((volunteer["responses"] as? [String: Any]) ?? [:]).keys).isSuperset(of: ["200", "401", "403"]))
        #expect((operation("/v1/cafes/{id}.ics")?["security"] as? [Any])?.isEmpty == true)
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
