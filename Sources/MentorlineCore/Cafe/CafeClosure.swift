package import Foundation

/// Days a café is closed, from `first` through `last` (inclusive, the café's calendar dates): given in
/// `cafe.yaml`, or added at runtime by a coordinator (then with an id, who added it and when).
package struct CafeClosure: Hashable, Sendable {
    /// Nil for closures from the configuration.
    package var id: ClosureID?
    package var cafe: CafeID
    package var first: LocalDate
    package var last: LocalDate
    /// Shown in the trail and the slot list ("sommerferie", "vandskade").
    package var reason: String
    package var createdAt: Date?
    package var createdBy: String?

    package init(
        id: ClosureID? = nil, cafe: CafeID, first: LocalDate, last: LocalDate, reason: String, createdAt: Date? = nil, createdBy: String? = nil
    ) {
        self.id = id
        self.cafe = cafe
        self.first = first
        self.last = last
        self.reason = reason
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    package func covers(_ date: LocalDate) -> Bool { date >= first && date <= last }
}
