package import Foundation

/// A short talk at a café (health, economy, the labour market, digital self-service, tax), held on
/// `date` from `from` to `to` inside one of the café's sessions, for at most `seats` citizens.
package struct Talk: Hashable, Sendable {
    package var id: TalkID
    package var cafe: CafeID
    package var title: String
    package var date: LocalDate
    package var from: WallClockTime
    package var to: WallClockTime
    package var seats: Int

    package init(id: TalkID, cafe: CafeID, title: String, date: LocalDate, from: WallClockTime, to: WallClockTime, seats: Int) {
        self.id = id
        self.cafe = cafe
        self.title = title
        self.date = date
        self.from = from
        self.to = to
        self.seats = seats
    }

    /// When it starts and ends, on the wall clock of `timeZone` (the café's).
    package func interval(in timeZone: TimeZone) -> (start: Date, end: Date) {
        (
            LocalDateTime(date: date, secondsIntoDay: from.secondsSinceMidnight).instant(in: timeZone),
            LocalDateTime(date: date, secondsIntoDay: to.secondsSinceMidnight).instant(in: timeZone)
        )
    }
}
