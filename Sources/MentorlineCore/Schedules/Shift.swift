package import Foundation

/// A stretch of time one mentor is on call in a schedule, after layers and overrides are applied.
package struct Shift: Hashable, Sendable {
    package var mentor: MentorID
    /// Inclusive.
    package var start: Date
    /// Exclusive.
    package var end: Date
    package var source: ShiftSource

    package init(mentor: MentorID, start: Date, end: Date, source: ShiftSource) {
        self.mentor = mentor
        self.start = start
        self.end = end
        self.source = source
    }
}

/// What put a mentor on call.
package enum ShiftSource: Hashable, Sendable {
    /// The layer at this index of the schedule's layers.
    case layer(Int)
    case override(OverrideID)
}
