/// What a caller said about when they can come ("not mornings", "Thursdays"): narrows the slot search.
/// Empty preferences allow every slot.
package struct SlotPreferences: Hashable, Sendable, Codable {
    /// Only these weekdays; empty: any.
    package var weekdays: Set<Weekday>
    /// No slot starting before 12:00.
    package var notMornings: Bool
    /// No slot starting at 12:00 or later.
    package var notAfternoons: Bool

    package static let noon = WallClockTime(hour: 12, minute: 0)!

    package init(weekdays: Set<Weekday> = [], notMornings: Bool = false, notAfternoons: Bool = false) {
        self.weekdays = weekdays
        self.notMornings = notMornings
        self.notAfternoons = notAfternoons
    }

    package var isEmpty: Bool { weekdays.isEmpty && !notMornings && !notAfternoons }

    /// Whether a slot on `date` starting at `start` (the café's wall clock) suits the caller.
    package func allows(_ slot: CafeSlot) -> Bool {
        if !weekdays.isEmpty, !weekdays.contains(slot.weekday) { return false }
        if notMornings, slot.localStart < Self.noon { return false }
        if notAfternoons, slot.localStart >= Self.noon { return false }
        return true
    }

    /// `thu, not mornings`, for the case's trail.
    package var description: String {
        var parts: [String] = []
        if !weekdays.isEmpty { parts.append(weekdays.sorted().map(\.abbreviation).joined(separator: "/")) }
        if notMornings { parts.append("not mornings") }
        if notAfternoons { parts.append("not afternoons") }
        return parts.isEmpty ? "any time" : parts.joined(separator: ", ")
    }
}
