package import Foundation

/// An advice café ("Rådgivningscaféen"): a place open a couple of times a week where volunteers from
/// established organisations give individual advice in slots of `slotLength`, and short talks.
///
/// Slots are read on the café's wall clock (`timeZone`), so 13:00 stays 13:00 across DST changes. The
/// café is closed on its `closures` and, unless `holidays` is nil, on the observed Danish holidays.
package struct Cafe: Hashable, Sendable {
    package var id: CafeID
    package var name: String
    /// Street address, as written in confirmations and calendar events.
    package var address: String
    package var timeZone: TimeZone
    package var sessions: [CafeSession]
    package var slotLength: Duration
    /// How long before a slot it can be booked at the latest (a booking made at 12:00 with 2 h notice
    /// gets a slot starting at 14:00 or later).
    package var minimumNotice: Duration
    /// How far ahead slots can be booked.
    package var horizon: Duration
    /// Closures from the configuration.
    package var closures: [CafeClosure]
    /// The holidays the café is closed on; nil: it opens on holidays too.
    package var holidays: HolidayCalendar?

    package init(
        id: CafeID, name: String, address: String, timeZone: TimeZone, sessions: [CafeSession], slotLength: Duration = .seconds(30 * 60),
        minimumNotice: Duration = .seconds(2 * 3600), horizon: Duration = .seconds(21 * 86400), closures: [CafeClosure] = [],
        holidays: HolidayCalendar? = HolidayCalendar()
    ) {
        self.id = id
        self.name = name
        self.address = address
        self.timeZone = timeZone
        self.sessions = sessions
        self.slotLength = slotLength
        self.minimumNotice = minimumNotice
        self.horizon = horizon
        self.closures = closures
        self.holidays = holidays
    }

    /// Why the café is closed on `date`, or nil when its sessions of that day run. `extra` are the
    /// closures added at runtime (those of other cafés are ignored).
    package func closure(on date: LocalDate, extra: [CafeClosure] = []) -> String? {
        if let closure = (closures + extra).first(where: { $0.cafe == id && $0.covers(date) }) { return "closed: \(closure.reason)" }
        if let holiday = holidays?.holiday(on: date) { return "closed on \(holiday.name)" }
        return nil
    }

    /// The sessions held on `date`'s weekday, in order of their start.
    package func sessions(on date: LocalDate) -> [CafeSession] {
        let weekday = Weekday(date)
        return sessions.filter { $0.weekday == weekday }.sorted { $0.from < $1.from }
    }

    /// The café's calendar date at `instant`.
    package func date(of instant: Date) -> LocalDate { LocalDateTime(instant, in: timeZone).date }
}
