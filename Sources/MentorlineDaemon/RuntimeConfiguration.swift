import Foundation
package import MentorlineConfig
package import MentorlineCore
package import MentorlineDelivery
package import MentorlineServer

/// A loaded configuration with everything the services derive from it built once: the token table,
/// the endpoint signers, the planner. Swapped whole on reload, so no service sees half a config.
package struct RuntimeConfiguration: Sendable {
    package var configuration: MentorlineConfiguration
    /// Counts successful loads: 1 at start, +1 per accepted reload.
    package var generation: Int
    package var api: APISettings
    package var delivery: DeliveryRuntimeSettings
    package var planner: CasePlanner
    package var retention: RetentionService.Settings

    package init(_ configuration: MentorlineConfiguration, generation: Int) throws {
        self.configuration = configuration
        self.generation = generation
        let grants = configuration.tokens.map { grant -> (sha256: [UInt8], principal: Principal, name: String) in
            switch grant.kind {
            case .intake: (grant.sha256, .intake(name: grant.name), grant.name)
            case .mentor(let mentor): (grant.sha256, .mentor(mentor), grant.name)
            case .admin: (grant.sha256, .admin(name: grant.name), grant.name)
            case .volunteer(let volunteer): (grant.sha256, .volunteer(volunteer), grant.name)
            }
        }

        let links = configuration.server.actionLinkKey.map {
            ActionLinkSigner(keyBytes: $0).links(baseURL: configuration.server.publicURL, validFor: configuration.server.actionLinkValidity)
        }
        let notifications = Notifications(
            publicURL: configuration.server.publicURL, timeZone: configuration.timeZone, topics: configuration.roster.topics,
            endpoints: configuration.delivery.recipientEndpoints(roster: configuration.roster), texts: configuration.texts,
            letters: configuration.letters, actionLinks: links
        )
        var targets: [EndpointID: EndpointTarget] = [:]
        for endpoint in configuration.delivery.endpoints.values {
            targets[endpoint.id] = EndpointTarget(
                url: endpoint.url, signer: WebhookSigner(secrets: try endpoint.secretKeys.map { try WebhookSecret(keyBytes: $0) }),
                timeout: endpoint.timeout, connectTimeout: endpoint.connectTimeout, concurrency: endpoint.concurrency,
                disableAfter: endpoint.disableAfter
            )
        }
        delivery = DeliveryRuntimeSettings(
            endpoints: targets, retry: configuration.delivery.retry, maximumInFlight: configuration.delivery.maxInFlight,
            notifications: notifications, caFile: configuration.delivery.caFile, opsFallback: configuration.delivery.opsFallback
        )
        planner = CasePlanner(roster: configuration.roster, notifications: notifications)
        api = APISettings(
            tokens: TokenTable(grants: grants), publicURL: configuration.server.publicURL, planner: planner, actionLinks: links,
            endpoints: configuration.delivery.endpoints.mapValues { WebhookEndpoint.displayURL($0.url) },
            retention: configuration.retention.policy, retentionRun: configuration.retentionRun
        )
        retention = RetentionService.Settings(policy: configuration.retention.policy, schedule: configuration.retentionRun)
    }
}
