package import Foundation

/// One advice slot of a café session: a volunteer sees one citizen from `start` to `end`.
package struct CafeSlot: Hashable, Sendable, Comparable {
    package var cafe: CafeID
    package var start: Date
    package var end: Date
    /// The café's calendar date and wall-clock start, for preferences and display.
    package var date: LocalDate
    package var localStart: WallClockTime

    package init(cafe: CafeID, start: Date, end: Date, date: LocalDate, localStart: WallClockTime) {
        self.cafe = cafe
        self.start = start
        self.end = end
        self.date = date
        self.localStart = localStart
    }

    package var weekday: Weekday { Weekday(date) }

    package static func < (lhs: Self, rhs: Self) -> Bool { (lhs.start, lhs.cafe) < (rhs.start, rhs.cafe) }
}
