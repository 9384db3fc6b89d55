package import Foundation

/// Builds the messages the dispatcher sends: the payload a gateway needs, and a text rendered from the
/// deployment's templates. Caller-facing messages are addressed by the representative rule and timed
/// by the letter policy here, and nowhere else.
package struct Notifications: Sendable {
    /// Where status URLs and action links point, without a trailing slash.
    package var publicURL: String
    /// The deployment's time zone, for the times quoted in texts.
    package var timeZone: TimeZone
    package var topics: [TopicID: Topic]
    package var endpoints: RecipientEndpoints
    /// Signed links for offers; nil puts only the API's URLs in offers (they need a mentor token).
    package var actionLinks: ActionLinks?
    package var texts: any MessageTexts
    /// When caller-facing messages may go, and to whom when a citizen is represented.
    package var letters: LetterRules

    package init(
        publicURL: String, timeZone: TimeZone, topics: [TopicID: Topic], endpoints: RecipientEndpoints, texts: any MessageTexts,
        letters: LetterRules, actionLinks: ActionLinks? = nil
    ) {
        self.publicURL = publicURL
        self.timeZone = timeZone
        self.topics = topics
        self.endpoints = endpoints
        self.texts = texts
        self.letters = letters
        self.actionLinks = actionLinks
    }

    /// A message whose payload carries the text rendered from `values`: `data` builds the payload's
    /// `data` around that text.
    func message<Data: Encodable & Sendable>(
        _ event: EventType, to recipient: MessageRecipient, endpoint: EndpointID, caseID: CaseID?, taskID: TaskID?,
        language: LanguageCode = .danish, values: TemplateValues, at now: Date, data: (RenderedText) -> Data
    ) -> MessageDraft {
        let text = texts.render(event, language: language, values: values)
        return MessageDraft(
            eventType: event, recipient: recipient, endpoint: endpoint, caseID: caseID, taskID: taskID,
            payload: WebhookPayload(type: event, timestamp: now, data: data(text)).encoded(), text: text, values: values
        )
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

    /// The caller label as a template value.
    func callerValue(_ kind: CallerKind) -> TemplateValue { .text(callerLabel(kind)) }

    func topicLabels(_ intake: CaseIntake) -> String {
        intake.topics.map { topics[$0]?.label ?? $0.rawValue }.joined(separator: ", ")
    }

    /// `14:05`.
    func clock(_ instant: Date, in zone: TimeZone? = nil) -> String {
        let local = LocalDateTime(instant, in: zone ?? timeZone)
        let hour = local.secondsIntoDay / 3600
        let minute = (local.secondsIntoDay % 3600) / 60
        return (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)")
    }

    /// `2026-05-26 08:00` in the deployment's time zone, for the case's trail.
    func stamp(_ instant: Date) -> String {
        guard instant < .distantFuture else { return "further notice" }
        return "\(LocalDateTime(instant, in: timeZone).date) \(clock(instant))"
    }

    /// `mandag den 30. november kl. 08:00`: always the date, never "i dag" or "i morgen". A letter may
    /// reach its reader later than it was written for (a retry, a hold, an endpoint down for a while),
    /// and then a relative day would name the wrong one. `zone`: the place's own time zone (a café's),
    /// when it is not the deployment's.
    func dayAndClock(_ instant: Date, in zone: TimeZone? = nil) -> String {
        let zone = zone ?? timeZone
        let day = LocalDateTime(instant, in: zone).date
        let weekdays = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
        let months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]
        return "\(weekdays[day.isoWeekday - 1]) den \(day.day). \(months[day.month - 1]) kl. \(clock(instant, in: zone))"
    }
}
