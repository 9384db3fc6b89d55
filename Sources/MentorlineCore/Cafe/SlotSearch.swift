package import Foundation

/// Finds the earliest café slot for a case: at or after `now + minimumNotice`, starting no later than
/// `now + horizon`, on an open day, in a session staffed by a volunteer who advises on every topic of
/// the case in its language and has no booking then, and allowed by the caller's preferences.
///
/// Among volunteers free at that slot the one with the fewest bookings that day is chosen (spreading
/// the work), then the first by id. One volunteer sees one citizen per slot.
package struct SlotSearch: Sendable {
    package var cafe: Cafe
    package var directory: CafeDirectory
    package var occupancy: CafeOccupancy

    package init(cafe: Cafe, directory: CafeDirectory, occupancy: CafeOccupancy) {
        self.cafe = cafe
        self.directory = directory
        self.occupancy = occupancy
    }

    /// What a search asks for.
    package struct Request: Hashable, Sendable {
        package var topics: [TopicID]
        package var language: LanguageCode
        package var preferences: SlotPreferences?
        /// A booking being moved: its own slot does not count as taken.
        package var moving: BookingID?
        /// Only slots starting at or after this (besides the notice); a reschedule's wish.
        package var notBefore: Date?

        package init(
            topics: [TopicID], language: LanguageCode, preferences: SlotPreferences? = nil, moving: BookingID? = nil, notBefore: Date? = nil
        ) {
            self.topics = topics
            self.language = language
            self.preferences = preferences
            self.moving = moving
            self.notBefore = notBefore
        }
    }

    /// A slot and the volunteer who takes it.
    package struct Choice: Hashable, Sendable {
        package var slot: CafeSlot
        package var volunteer: VolunteerID
    }

    package enum Result: Hashable, Sendable {
        case found(Choice)
        /// Nothing fits; `reason` says why, in the trail's words.
        case none(reason: String)
    }

    /// The first instant a slot may start and the last, for a search at `now`.
    package func window(now: Date) -> (earliest: Date, latest: Date) {
        (now + cafe.minimumNotice, now + cafe.horizon)
    }

    /// The volunteers who could advise this case at all (topics and language), whatever the day.
    package func qualified(for request: Request) -> [Volunteer] {
        directory.volunteers(of: cafe.id).filter { $0.covers(topics: request.topics, language: request.language) }
    }

    /// The volunteer free for `slot` who advises on the request, or nil.
    package func volunteer(for slot: CafeSlot, request: Request, among qualified: [Volunteer]) -> VolunteerID? {
        let free = qualified.filter {
            $0.staffs(slot.date, signups: occupancy.signups) && occupancy.booking(of: $0.id, at: slot.start, excluding: request.moving) == nil
        }
        func load(_ volunteer: Volunteer) -> Int {
            occupancy.bookings.filter { $0.volunteer == volunteer.id && $0.id != request.moving && cafe.date(of: $0.start) == slot.date }.count
        }
        return free.min { (load($0), $0.id) < (load($1), $1.id) }?.id
    }

    /// The earliest slot for `request` at `now`.
    package func earliest(for request: Request, now: Date) -> Result {
        let (earliest, latest) = window(now: now)
        let qualified = qualified(for: request)
        let topics = request.topics.isEmpty ? "any topic" : request.topics.map(\.rawValue).joined(separator: ", ")
        guard !qualified.isEmpty else {
            return .none(reason: "no volunteer at \(cafe.name) advises on \(topics) in \(request.language)")
        }
        let from = max(earliest, request.notBefore ?? earliest)
        // `slots(from:to:)` takes starts before `to`; the horizon's own instant is bookable.
        for slot in cafe.slots(from: from, to: latest.addingTimeInterval(1), closures: occupancy.closures) {
            if let preferences = request.preferences, !preferences.allows(slot) { continue }
            if let volunteer = volunteer(for: slot, request: request, among: qualified) {
                return .found(Choice(slot: slot, volunteer: volunteer))
            }
        }
        var reason = "no free slot at \(cafe.name) with a volunteer for \(topics) in \(request.language) "
            + "between \(Self.stamp(from, cafe.timeZone)) and \(Self.stamp(latest, cafe.timeZone))"
        if let preferences = request.preferences, !preferences.isEmpty { reason += " matching the caller's preferences (\(preferences.description))" }
        return .none(reason: reason)
    }

    /// Whether `volunteer` (or, when nil, any qualified volunteer) can take `start` for the request at
    /// `now`: the slot for a booking made by hand. Answers the choice, or why not.
    package func check(start: Date, volunteer wanted: VolunteerID?, request: Request, now: Date) -> Result {
        let (earliest, latest) = window(now: now)
        guard let slot = cafe.slot(startingAt: start, closures: occupancy.closures) else {
            return .none(reason: "\(cafe.name) has no slot starting then (closed, or not a slot start)")
        }
        guard start >= earliest else { return .none(reason: "the slot is within the minimum notice of \(cafe.minimumNotice)") }
        guard start <= latest else { return .none(reason: "the slot is beyond the booking horizon") }
        var qualified = qualified(for: request)
        if let wanted { qualified = qualified.filter { $0.id == wanted } }
        guard !qualified.isEmpty else { return .none(reason: "no such volunteer advises on the case's topics in its language") }
        guard let volunteer = volunteer(for: slot, request: request, among: qualified) else {
            return .none(reason: "the slot is taken")
        }
        return .found(Choice(slot: slot, volunteer: volunteer))
    }

    static func stamp(_ instant: Date, _ zone: TimeZone) -> String {
        let local = LocalDateTime(instant, in: zone)
        let clock = WallClockTime(hour: local.secondsIntoDay / 3600, minute: (local.secondsIntoDay % 3600) / 60)!
        return "\(local.date) \(clock)"
    }
}
