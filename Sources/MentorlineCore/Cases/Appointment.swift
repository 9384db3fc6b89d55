package import Foundation

/// A meeting or phone call a mentor booked with the caller's side of a case.
package struct Appointment: Hashable, Sendable, Codable {
    package var at: Date
    /// Where to meet; nil is a phone call from the mentor.
    package var place: String?

    package init(at: Date, place: String? = nil) {
        self.at = at
        self.place = place
    }
}
