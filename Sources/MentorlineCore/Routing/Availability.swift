/// What a mentor says about themselves, through the API: only `available` mentors are offered cases.
package enum Availability: String, Codable, Sendable, CaseIterable, Hashable {
    case available
    /// Briefly away (a meeting, a visit to a company); back the same day.
    case away
    /// Not working (holiday, leave).
    case off
}
