/// Identifier kinds of the advice café: cafés, volunteers and talks come from `cafe.yaml`; bookings,
/// closures and talk registrations are minted by the daemon.
package enum CafeKind: IdentifierKind { package static let prefix = "cafe" }
package enum VolunteerKind: IdentifierKind { package static let prefix = "volunteer" }
package enum TalkKind: IdentifierKind { package static let prefix = "talk" }
package enum BookingKind: IdentifierKind { package static let prefix = "bkg" }
package enum ClosureKind: IdentifierKind { package static let prefix = "clo" }
package enum RegistrationKind: IdentifierKind { package static let prefix = "reg" }

package typealias CafeID = Identifier<CafeKind>
package typealias VolunteerID = Identifier<VolunteerKind>
package typealias TalkID = Identifier<TalkKind>
package typealias BookingID = Identifier<BookingKind>
package typealias ClosureID = Identifier<ClosureKind>
package typealias RegistrationID = Identifier<RegistrationKind>
