import Foundation
import Hummingbird

extension MentorlineAPI {
    /// The OpenAPI 3.1 document describing this API, shipped as a resource of this module.
    package static let openAPIText: String? = Bundle.module.url(forResource: "openapi", withExtension: "yaml")
        .flatMap { try? String(contentsOf: $0, encoding: .utf8) }

    @Sendable func openAPIDocument(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard let text = Self.openAPIText else { throw Problem.unavailable("The OpenAPI document is missing from this installation.") }
        return Response(status: .ok, headers: [.contentType: "application/yaml"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// `/healthz`: the process answers.
    @Sendable func health(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        try JSONResponse.make(["status": "alive"])
    }

    /// `/readyz`: 200 when the store, dispatcher, deliverer and config are all working, else 503 with why.
    @Sendable func ready(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let readiness = await environment.readiness()
        if readiness.isReady { return try JSONResponse.make(["status": "ready"]) }
        throw Problem(.serviceUnavailable, type: Problem.typeBase + "not-ready", title: "Not ready", detail: readiness.problems.joined(separator: "; "))
    }

    /// `/metrics`: Prometheus text exposition, without a token (like `/healthz`): the series carry
    /// endpoint ids, states and counts, never ids of cases or people. Restrict who reaches it with the
    /// listen address or a reverse proxy.
    @Sendable func metrics(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        guard let metrics = environment.metrics else { throw Problem.notFound("Metrics are not served by this daemon.") }
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try await metrics()))
        )
    }
}
