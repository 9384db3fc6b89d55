/// What `mentorctl override add` asks for: `mentor` on call in `schedule` from `start` to `end` (times
/// as typed; the daemon reads them in the schedule's time zone), optionally only where the layers have
/// `replacing` on call.
package struct OverrideDraft: Sendable, Hashable {
    package var schedule: String
    package var mentor: String
    package var start: String
    package var end: String
    package var replacing: String?
    package var note: String?

    package init(schedule: String, mentor: String, start: String, end: String, replacing: String? = nil, note: String? = nil) {
        self.schedule = schedule
        self.mentor = mentor
        self.start = start
        self.end = end
        self.replacing = replacing
        self.note = note
    }
}
