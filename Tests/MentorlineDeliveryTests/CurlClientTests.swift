import Foundation
import MentorlineDelivery
import MentorlineTesting
import Testing

@Suite struct CurlClientTests {
    static let configuration = CurlClientConfiguration(
        connectTimeout: .seconds(5), totalTimeout: .seconds(10), userAgent: "mentorline-tests")

    @Test func postsHeadersAndBodyAndReturnsResponse() async throws {
        try await WebhookSink.withSink { sink in
            sink.respond(with: SinkResponse(status: 200, body: Array("ok".utf8)))
            let secret = WebhookSecret.generate()
            let body = Array(#"{"type":"task.offered","data":{"text":"Ny henvendelse: æøå"}}"#.utf8)
            let headers = WebhookSigner(secret: secret).headers(messageID: "msg_1", timestamp: 1_800_000_000, body: body)
            let response = try await CurlClient.withClient(configuration: Self.configuration) { client in
                try await client.post(HTTPPostRequest(url: sink.url(path: "/hooks/mentor"), headers: headers, body: body))
            }
            #expect(response.status == 200)
            #expect(response.body == Array("ok".utf8))
            #expect(response.retryAfter == nil)
            #expect(!response.bodyWasTruncated)

            let received = try #require(try await sink.waitForRequests(count: 1, timeout: .seconds(10)).first)
            #expect(received.method == "POST")
            #expect(received.path == "/hooks/mentor")
            #expect(received.body == body)
            #expect(received.header("content-type") == "application/json")
            #expect(received.header("user-agent") == "mentorline-tests")
            #expect(received.header("expect") == nil)
            try WebhookVerifier(secrets: [secret]).verify(
                messageID: received.header("webhook-id"),
                timestamp: received.header("webhook-timestamp"),
                signatureHeader: received.header("webhook-signature"),
                body: received.body,
                now: .init(timeIntervalSince1970: 1_800_000_000))
        }
    }

    @Test func postsEmptyBodyWithoutContentType() async throws {
        try await WebhookSink.withSink { sink in
            let response = try await CurlClient.withClient(configuration: Self.configuration) { client in
                try await client.post(HTTPPostRequest(url: sink.url()))
            }
            #expect(response.status == 200)
            let received = try #require(sink.receivedRequests.first)
            #expect(received.body.isEmpty)
            #expect(received.header("content-type") == nil)
            #expect(received.header("content-length") == "0")
        }
    }

    @Test func returnsErrorStatusesAndRetryAfter() async throws {
        try await WebhookSink.withSink { sink in
            sink.respond(withStatuses: [503, 429], then: 200, retryAfter: "120")
            try await CurlClient.withClient(configuration: Self.configuration) { client in
                let request = HTTPPostRequest(url: sink.url(), body: Array("{}".utf8))
                let first = try await client.post(request)
                #expect(first.status == 503)
                #expect(first.retryAfter == "120")
                let second = try await client.post(request)
                #expect(second.status == 429)
                #expect(second.retryAfter == "120")
                let third = try await client.post(request)
                #expect(third.status == 200)
                #expect(third.retryAfter == nil)
            }
        }
    }

    @Test func capturesHTTPDateRetryAfterWithAnyCase() async throws {
        try await WebhookSink.withSink { sink in
            let date = "Wed, 21 Oct 2026 07:28:00 GMT"
            sink.respond(with: SinkResponse(status: 503, headers: [.init(name: "RETRY-AFTER", value: date)]))
            let response = try await CurlClient.withClient(configuration: Self.configuration) { client in
                try await client.post(HTTPPostRequest(url: sink.url()))
            }
            #expect(response.retryAfter == date)
        }
    }

    @Test func doesNotFollowRedirects() async throws {
        try await WebhookSink.withSink { sink in
            sink.respond(with: SinkResponse(status: 302, headers: [.init(name: "Location", value: sink.url(path: "/elsewhere"))]))
            let response = try await CurlClient.withClient(configuration: Self.configuration) { client in
                try await client.post(HTTPPostRequest(url: sink.url(path: "/first"), body: [1, 2, 3]))
            }
            #expect(response.status == 302)
            #expect(sink.receivedRequests.map(\.path) == ["/first"])
        }
    }

    @Test func capsTheResponseBody() async throws {
        try await WebhookSink.withSink { sink in
            let large = (0..<100_000).map { UInt8(truncatingIfNeeded: $0) }
            sink.respond(with: SinkResponse(status: 200, body: large))
            var configuration = Self.configuration
            configuration.maxResponseBodyBytes = 1024
            try await CurlClient.withClient(configuration: configuration) { client in
                let response = try await client.post(HTTPPostRequest(url: sink.url()))
                #expect(response.status == 200)
                #expect(response.body == Array(large.prefix(1024)))
                #expect(response.bodyWasTruncated)
                // The connection is still usable after a truncated body.
                sink.respond(with: SinkResponse(status: 201, body: [42]))
                let next = try await client.post(HTTPPostRequest(url: sink.url()))
                #expect(next.status == 201)
                #expect(next.body == [42])
            }
        }
    }

    @Test func connectionRefusedIsATransportError() async throws {
        try await LocalSockets.withRefusingPort { port in
            try await CurlClient.withClient(configuration: Self.configuration) { client in
                await #expect {
                    try await client.post(HTTPPostRequest(url: "http://127.0.0.1:\(port)/hook"))
                } throws: { error in
                    guard let error = error as? CurlError, case .transport(let code, let message) = error.code else { return false }
                    return code == 7 && !message.isEmpty && !String(describing: error).contains("\(port)")
                }
            }
        }
    }

    @Test(arguments: ["ftp://127.0.0.1/file", "file:///etc/passwd", "gopher://127.0.0.1/", "dict://127.0.0.1/"])
    func refusesUnsupportedSchemes(url: String) async throws {
        try await CurlClient.withClient(configuration: Self.configuration) { client in
            await #expect(throws: CurlError(.unsupportedScheme)) {
                try await client.post(HTTPPostRequest(url: url))
            }
        }
    }

    @Test(arguments: ["", "not a url", "127.0.0.1:8080/hook", "://x", "http://[::1"])
    func refusesInvalidURLs(url: String) async throws {
        try await CurlClient.withClient(configuration: Self.configuration) { client in
            await #expect(throws: CurlError(.invalidURL)) {
                try await client.post(HTTPPostRequest(url: url))
            }
        }
    }

    @Test(arguments: [
        HTTPPostRequest.Header(name: "x-evil", value: "a\r\nInjected: yes"),
        HTTPPostRequest.Header(name: "bad name", value: "v"),
        HTTPPostRequest.Header(name: "", value: "v"),
        HTTPPostRequest.Header(name: "x:y", value: "v"),
    ])
    func refusesHeaderInjection(header: HTTPPostRequest.Header) async throws {
        try await CurlClient.withClient(configuration: Self.configuration) { client in
            await #expect(throws: CurlError(.invalidHeader)) {
                try await client.post(HTTPPostRequest(url: "http://127.0.0.1:9/", headers: [header]))
            }
        }
    }

    @Test func timesOutAgainstAServerThatNeverAnswers() async throws {
        try await LocalSockets.withSilentListener { port in
            let configuration = CurlClientConfiguration(
                connectTimeout: .milliseconds(300), totalTimeout: .milliseconds(300))
            try await CurlClient.withClient(configuration: configuration) { client in
                await #expect {
                    try await client.post(HTTPPostRequest(url: "http://127.0.0.1:\(port)/hook", body: [1]))
                } throws: { error in
                    (error as? CurlError)?.isTimeout == true
                }
            }
        }
    }

    @Test func aRequestsOwnTimeoutOverridesTheClients() async throws {
        try await WebhookSink.withSink { sink in
            // The answer would come after 2 s, inside the client's 60 s but not the request's 300 ms.
            sink.respond(with: SinkResponse(status: 200, delay: .seconds(2)))
            let configuration = CurlClientConfiguration(connectTimeout: .seconds(5), totalTimeout: .seconds(60))
            try await CurlClient.withClient(configuration: configuration) { client in
                await #expect {
                    try await client.post(HTTPPostRequest(url: sink.url(), body: [1], timeout: .milliseconds(300)))
                } throws: { error in
                    (error as? CurlError)?.isTimeout == true
                }
                // The next request on the same client has the client's timeout again.
                sink.respond(withStatus: 204)
                let response = try await client.post(HTTPPostRequest(url: sink.url(), body: [1]))
                #expect(response.status == 204)
            }
        }
    }

    @Test func completesManyConcurrentPosts() async throws {
        let count = 500
        try await WebhookSink.withSink { sink in
            let statuses = try await CurlClient.withClient(configuration: Self.configuration) { client in
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for index in 0..<count {
                        group.addTask {
                            let request = HTTPPostRequest(
                                url: sink.url(path: "/hook/\(index)"),
                                headers: [.init(name: "x-index", value: String(index))],
                                body: Array("{\"index\":\(index)}".utf8))
                            return try await client.post(request).status
                        }
                    }
                    return try await group.reduce(into: [Int]()) { $0.append($1) }
                }
            }
            #expect(statuses.count == count)
            #expect(statuses.allSatisfy { $0 == 200 })
            let received = try await sink.waitForRequests(count: count, timeout: .seconds(10))
            #expect(received.count == count)
            #expect(Set(received.map(\.path)).count == count)
            #expect(received.allSatisfy { $0.bodyText == "{\"index\":\($0.header("x-index") ?? "")}" })
        }
    }

    @Test func cancellingACallerAbortsItsTransfer() async throws {
        try await WebhookSink.withSink { sink in
            try await CurlClient.withClient(configuration: Self.configuration) { client in
                sink.holdResponses()
                let stuck = Task {
                    try await client.post(HTTPPostRequest(url: sink.url(path: "/slow")))
                }
                // The request is at the receiver, so the transfer is in flight.
                _ = try await sink.waitForRequests(count: 1, timeout: .seconds(10))
                stuck.cancel()
                await #expect(throws: CancellationError.self) {
                    try await stuck.value
                }
                sink.releaseHeldResponses()
                // The client goes on working.
                let response = try await client.post(HTTPPostRequest(url: sink.url(path: "/after")))
                #expect(response.status == 200)
            }
        }
    }

    @Test func cancelledBeforeSubmissionNeverSends() async throws {
        try await WebhookSink.withSink { sink in
            try await CurlClient.withClient(configuration: Self.configuration) { client in
                let task = Task {
                    withUnsafeCurrentTask { $0?.cancel() }
                    return try await client.post(HTTPPostRequest(url: sink.url(path: "/never")))
                }
                await #expect(throws: CancellationError.self) {
                    try await task.value
                }
                _ = try await client.post(HTTPPostRequest(url: sink.url(path: "/after")))
            }
            #expect(sink.receivedRequests.map(\.path) == ["/after"])
        }
    }

    @Test func shutdownFailsInFlightAndLaterPosts() async throws {
        try await WebhookSink.withSink { sink in
            sink.holdResponses()
            let (escaped, inFlight) = try await CurlClient.withClient(configuration: Self.configuration) { client in
                let inFlight = Task {
                    try await client.post(HTTPPostRequest(url: sink.url(path: "/held")))
                }
                _ = try await sink.waitForRequests(count: 1, timeout: .seconds(10))
                return (client, inFlight)
            }
            await #expect(throws: CurlError(.clientShutDown)) {
                try await inFlight.value
            }
            await #expect(throws: CurlError(.clientShutDown)) {
                try await escaped.post(HTTPPostRequest(url: sink.url()))
            }
        }
    }

    @Test func reusesKeepAliveConnections() async throws {
        try await WebhookSink.withSink { sink in
            try await CurlClient.withClient(configuration: Self.configuration) { client in
                for _ in 0..<20 {
                    let response = try await client.post(HTTPPostRequest(url: sink.url(), body: [1]))
                    #expect(response.status == 200)
                }
            }
            #expect(sink.receivedRequests.count == 20)
        }
    }

    @Test func errorDescriptionsCarryNoRequestData() {
        let error = CurlError(.transport(curlCode: 7, message: "Couldn't connect to server"))
        #expect(String(describing: error) == "CurlError(transport: curl code 7, Couldn't connect to server)")
        #expect(!error.isTimeout)
        #expect(CurlError(.transport(curlCode: 28, message: "Timeout was reached")).isTimeout)
    }

    @Test func globalCleanupWaitsForLiveClients() async throws {
        try await CurlClient.withClient(configuration: Self.configuration) { _ in
            #expect(CurlGlobal.cleanup() == false)
        }
    }
}
