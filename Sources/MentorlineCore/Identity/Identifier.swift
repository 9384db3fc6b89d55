/// A typed string identifier: a `MentorID` cannot be passed where a `CaseID` is expected.
///
/// Identifiers from configuration are short slugs (`amira-haddad`); identifiers the daemon mints
/// (cases, tasks, messages) carry a prefix and a time-ordered random suffix (see ``IdentifierGenerator``).
package struct Identifier<Kind: IdentifierKind>: Hashable, Sendable, Comparable, CustomStringConvertible {
    package let rawValue: String

    package init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    package var description: String { rawValue }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Identifier: Codable {
    package init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The kind of thing an ``Identifier`` names; `prefix` is used when the daemon mints one.
package protocol IdentifierKind: Sendable {
    static var prefix: String { get }
}

package enum CaseKind: IdentifierKind { package static let prefix = "case" }
package enum TaskKind: IdentifierKind { package static let prefix = "task" }
package enum MessageKind: IdentifierKind { package static let prefix = "msg" }
package enum MentorKind: IdentifierKind { package static let prefix = "mentor" }
package enum TeamKind: IdentifierKind { package static let prefix = "team" }
package enum ScheduleKind: IdentifierKind { package static let prefix = "schedule" }
package enum PolicyKind: IdentifierKind { package static let prefix = "policy" }
package enum RouteKind: IdentifierKind { package static let prefix = "route" }
package enum EndpointKind: IdentifierKind { package static let prefix = "endpoint" }
package enum TopicKind: IdentifierKind { package static let prefix = "topic" }
package enum OverrideKind: IdentifierKind { package static let prefix = "ovr" }

package typealias CaseID = Identifier<CaseKind>
package typealias TaskID = Identifier<TaskKind>
package typealias MessageID = Identifier<MessageKind>
package typealias MentorID = Identifier<MentorKind>
package typealias TeamID = Identifier<TeamKind>
package typealias ScheduleID = Identifier<ScheduleKind>
package typealias PolicyID = Identifier<PolicyKind>
package typealias RouteID = Identifier<RouteKind>
package typealias EndpointID = Identifier<EndpointKind>
package typealias TopicID = Identifier<TopicKind>
package typealias OverrideID = Identifier<OverrideKind>
