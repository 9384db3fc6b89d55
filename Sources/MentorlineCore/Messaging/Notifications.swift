package import Foundation

/// Builds the messages the dispatcher sends. Texts are plain Danish, one line, readable on a phone.
package struct Notifications: Sendable {
    /// Where status URLs and action links point, without a trailing slash.
    package var publicURL: String
    /// The deployment's time zone, for the times quoted in texts.
    package var timeZone: TimeZone
    package var topics: [TopicID: Topic]
    package var endpoints: RecipientEndpoints
    /// Signed links for offers; nil puts only the API's URLs in offers (they need a mentor token).
    package var actionLinks: ActionLinks?

    package init(
        publicURL: String, timeZone: TimeZone, topics: [TopicID: Topic], endpoints: RecipientEndpoints, actionLinks: ActionLinks? = nil
    ) {
        self.publicURL = publicURL
        self.timeZone = timeZone
        self.topics = topics
        self.endpoints = endpoints
        self.actionLinks = actionLinks
    }

    func statusURL(_ caseID: CaseID) -> String { "\(publicURL)/v1/cases/\(caseID)" }

    func callerLabel(_ kind: CallerKind) -> String {
        switch kind {
        case .company: "virksomhed"
        case .citizen: "borger"
        case .representative: "partsrepræsentant"
        case .staff: "medarbejder"
        }
    }

    func urgencyLabel(_ urgency: Urgency) -> String {
        switch urgency {
        case .routine: "almindelig"
        case .soon: "snarest"
        case .urgent: "hastende"
        }
    }

    func topicLabels(_ intake: CaseIntake) -> String {
        intake.topics.map { topics[$0]?.label ?? $0.rawValue }.joined(separator: ", ")
    }

    /// `14:05`.
    func clock(_ instant: Date) -> String {
        let local = LocalDateTime(instant, in: timeZone)
        let hour = local.secondsIntoDay / 3600
        let minute = (local.secondsIntoDay % 3600) / 60
        return (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)")
    }

    /// `i dag kl. 14:05`, `i morgen kl. 08:00` or `mandag den 30. november kl. 08:00`.
    func dayAndClock(_ instant: Date, from now: Date) -> String {
        let day = LocalDateTime(instant, in: timeZone).date
        let today = LocalDateTime(now, in: timeZone).date
        let weekdays = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
        let months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]
        let dayText: String
        switch day.dayNumber - today.dayNumber {
        case 0: dayText = "i dag"
        case 1: dayText = "i morgen"
        default: dayText = "\(weekdays[day.isoWeekday - 1]) den \(day.day). \(months[day.month - 1])"
        }
        return "\(dayText) kl. \(clock(instant))"
    }
}
