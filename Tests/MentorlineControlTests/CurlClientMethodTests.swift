import MentorlineDelivery
import MentorlineTesting
import Testing

/// `CurlClient.send(_:_:)`, the methods besides POST that mentorctl uses.
@Suite struct CurlClientMethodTests {
    @Test(arguments: [HTTPMethod.get, .put, .delete, .post])
    func sendsTheMethodAndABodyWhereItBelongs(method: HTTPMethod) async throws {
        try await WebhookSink.withSink { sink in
            sink.respond(with: SinkResponse(status: 200, body: Array(#"{"ok":true}"#.utf8)))
            let response = try await CurlClient.withClient { client in
                try await client.send(method, HTTPPostRequest(url: sink.url(path: "/v1/thing"), body: Array("{}".utf8)))
            }
            #expect(response.status == 200)
            #expect(response.body == Array(#"{"ok":true}"#.utf8))
            let received = try #require(try await sink.waitForRequests(count: 1, timeout: .seconds(10)).first)
            #expect(received.method == method.rawValue)
            #expect(received.path == "/v1/thing")
            #expect(received.body == (method == .get ? [] : Array("{}".utf8)))
        }
    }

    @Test func deleteWithoutBodySendsNone() async throws {
        try await WebhookSink.withSink { sink in
            sink.respond(with: SinkResponse(status: 204))
            let response = try await CurlClient.withClient { client in
                try await client.send(.delete, HTTPPostRequest(url: sink.url(path: "/gone")))
            }
            #expect(response.status == 204)
            let received = try #require(try await sink.waitForRequests(count: 1, timeout: .seconds(10)).first)
            #expect(received.method == "DELETE")
            #expect(received.body.isEmpty)
        }
    }
}
