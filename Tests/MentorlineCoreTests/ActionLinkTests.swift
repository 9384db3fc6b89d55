import Foundation
import Testing
@testable import MentorlineCore

/// Signed action links: `v1.<task>.<mentor>.<action>.<expiry seconds>.<signature>`.
@Suite struct ActionLinkTests {
    /// 2026-01-07 09:00:00 UTC.
    let expires = Date(timeIntervalSince1970: 1_767_776_400)

    @Test(arguments: LinkAction.allCases)
    func aTokenRoundTripsThroughItsText(action: LinkAction) throws {
        let token = ActionLinkToken(task: TaskID("task_01JH2"), mentor: MentorID("amira-haddad"), action: action, expires: expires, signature: "q83vEjRW-_x")
        #expect(token.signedText == "v1.task_01JH2.amira-haddad.\(action.rawValue).1767776400")
        #expect(token.text == "v1.task_01JH2.amira-haddad.\(action.rawValue).1767776400.q83vEjRW-_x")
        #expect(ActionLinkToken(parsing: token.text) == token)
    }

    @Test func theSignedTextDropsFractionsOfASecond() throws {
        let token = ActionLinkToken(task: TaskID("t"), mentor: MentorID("m"), action: .accept, expires: expires.addingTimeInterval(0.75), signature: "s")
        #expect(token.signedText == "v1.t.m.accept.1767776400")
        let parsed = try #require(ActionLinkToken(parsing: token.text))
        #expect(parsed.expires == expires)
        #expect(parsed.signedText == token.signedText)
    }

    @Test(arguments: [
        "", "v1", "v1.t.m.accept.1767776400", "v1.t.m.accept.1767776400.", "v1.t.m.accept.1767776400.s.extra",
        "v2.t.m.accept.1767776400.s", "V1.t.m.accept.1767776400.s", "v1..m.accept.1767776400.s", "v1.t..accept.1767776400.s",
        "v1.t.m.resolve.1767776400.s", "v1.t.m.Accept.1767776400.s", "v1.t.m..1767776400.s", "v1.t.m.accept..s",
        "v1.t.m.accept.soon.s", "v1.t.m.accept.1767776400.5.s", "v1.t.m.accept.1e9.s", ".v1.t.m.accept.1767776400.s",
    ])
    func malformedTokensAreRejected(text: String) {
        #expect(ActionLinkToken(parsing: text) == nil)
    }

    /// The server checks `sign(token.signedText)`, the canonical text rebuilt from the parsed fields, so
    /// any token that parses to the same fields carries a valid signature: the expiry may be written
    /// with a sign or leading zeros and the link still works.
    @Test(arguments: ["v1.t.m.accept.+1767776400.s", "v1.t.m.accept.01767776400.s"])
    func onlyTheCanonicalExpiryIsAccepted(text: String) {
        do {
            #expect(ActionLinkToken(parsing: text) == nil)
        }
    }

    @Test func aLinkPointsAtTheLinksRouteWithTheSignedToken() throws {
        let links = ActionLinks(baseURL: "https://mentor.kommune.dk", validFor: .seconds(3600)) { text in "sig" + String(text.count) }
        let url = links.url(task: TaskID("task_1"), mentor: MentorID("amira"), action: .decline, expires: expires)
        #expect(url == "https://mentor.kommune.dk/v1/links/v1.task_1.amira.decline.1767776400.sig34")
        let token = try #require(ActionLinkToken(parsing: String(url.dropFirst("https://mentor.kommune.dk/v1/links/".count))))
        #expect(token.task == TaskID("task_1"))
        #expect(token.mentor == MentorID("amira"))
        #expect(token.action == .decline)
        #expect(token.expires == expires)
        #expect(token.signature == links.sign(token.signedText))
    }

    @Test func offersCarryLinksThatExpireAfterTheirValidity() throws {
        let roster = Fixtures.roster()
        var notifications = Fixtures.notifications(roster)
        notifications.actionLinks = ActionLinks(baseURL: "https://mentor.kommune.dk", validFor: .seconds(3600)) { _ in "SIG" }
        let task = Fixtures.task("task_1", mentor: "amira")
        let draft = notifications.taskOffered(task: task, intake: Fixtures.intake(), method: nil, at: expires)
        let actions = try #require(try draft.data()["actions"] as? [String: String])
        #expect(actions["accept"] == "https://mentor.kommune.dk/v1/links/v1.task_1.amira.accept.1767780000.SIG")
        #expect(actions["decline"] == "https://mentor.kommune.dk/v1/links/v1.task_1.amira.decline.1767780000.SIG")
        #expect(actions["accept_api"] == "http://127.0.0.1:8080/v1/tasks/task_1/accept")
    }
}
