package import Foundation

extension Notifications {
    /// The values a template of `event` is previewed with: its examples, with whatever the case itself
    /// supplies (its id, caller, topics, urgency, language, promise) in their place.
    package func previewValues(_ event: EventType, caseID: CaseID?, intake: CaseIntake?, promisedBy: Date?, at now: Date) -> TemplateValues {
        var values = event.templateVariables
        func set(_ name: String, _ value: TemplateValue?) {
            guard values[name] != nil else { return }
            values[name] = value
        }
        if let caseID { set("case_id", .text(caseID.rawValue)) }
        guard let intake else { return values }
        set("caller", callerValue(intake.caller.kind))
        set("organisation", intake.caller.organisation.map(TemplateValue.text))
        set("topics", intake.topics.isEmpty ? nil : .text(topicLabels(intake)))
        set("urgency", .text(urgencyLabel(intake.urgency)))
        set("language", intake.language == .danish ? nil : .text(intake.language.rawValue))
        if event == .caseReceipt {
            set("promise", .flag(promisedBy != nil))
            set("promise_time", promisedBy.map { .text(dayAndClock($0)) })
        }
        return values
    }
}
