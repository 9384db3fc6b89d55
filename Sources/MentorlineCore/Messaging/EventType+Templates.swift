extension EventType {
    /// Who a message of this type can be for.
    package var recipientKinds: Set<RecipientKind> {
        switch self {
        case .taskOffered, .taskWithdrawn, .taskHandedOver: [.mentor]
        case .casePromiseAtRisk: [.mentor, .ops]
        case .caseUnroutable, .messageDead, .endpointDisabled: [.ops]
        case .caseReceipt, .caseAppointment, .caseAppointmentReminder: [.citizen, .representative, .company, .staff]
        case .cafeBooked, .cafeReminder, .cafeCancelled, .cafeMoved, .talkRegistered, .talkSeat, .talkReminder: [.citizen, .representative, .company, .staff]
        case .volunteerBooking, .volunteerBookingCancelled: [.volunteer]
        }
    }

    /// Whether messages of this type go to the caller's side of a case (the citizen, their
    /// representative, a company, a colleague), and so through the representative rule and the letter policy.
    package var isCallerFacing: Bool { recipientKinds.contains(.citizen) }

    /// Every variable a template of this type may use, each with an example value. Loading the
    /// configuration refuses a template naming anything else, and renders each template with these
    /// examples to check it against its channel's length limit.
    package var templateVariables: TemplateValues {
        switch self {
        case .taskOffered:
            [
                "case_id": .text("C-01JD3Q5Z6X"), "coordinator": .flag(false), "caller": .text("virksomhed"),
                "organisation": .text("Rørvig Maskinfabrik ApS"), "topics": .text("arbejdstid, transport"),
                "urgency": .text("almindelig"), "language": .text("tr"), "deadline": .text("14:35"),
            ]
        case .taskWithdrawn:
            ["case_id": .text("C-01JD3Q5Z6X"), "expired": .flag(true), "taken": .flag(false), "deadline": .text("14:35")]
        case .taskHandedOver:
            [
                "case_id": .text("C-01JD3Q5Z6X"), "from": .text("Amira Haddad"), "caller": .text("borger"),
                "topics": .text("økonomi, gæld"), "contact_person": .flag(true),
            ]
        case .caseReceipt:
            ["case_id": .text("C-01JD3Q5Z6X"), "promise": .flag(true), "promise_time": .text("mandag den 30. november kl. 08:00")]
        case .caseAppointment, .caseAppointmentReminder:
            [
                "case_id": .text("C-01JD3Q5Z6X"), "mentor": .text("Amira Haddad"), "time": .text("torsdag den 3. december kl. 10:30"),
                "place": .text("Jobcenter Nord, Stationsvej 4, 2. sal"), "phone_call": .flag(false),
            ]
        case .casePromiseAtRisk:
            ["case_id": .text("C-01JD3Q5Z6X"), "caller": .text("borger"), "promise_time": .text("14:35")]
        case .caseUnroutable:
            [
                "case_id": .text("C-01JD3Q5Z6X"), "urgency": .text("hastende"), "reason": .text("nobody on duty speaks uk"),
                "coordinator": .text("birgitte-holm"),
            ]
        case .messageDead:
            [
                "message_id": .text("M-01JD3Q5Z6X"), "event": .text("case.receipt"), "endpoint": .text("sms-gateway"),
                "attempts": .text("8"),
            ]
        case .endpointDisabled:
            ["endpoint": .text("sms-gateway"), "reason": .text("answered 410 Gone")]
        case .cafeBooked, .cafeReminder, .cafeMoved:
            [
                "case_id": .text("C-01JD3Q5Z6X"), "cafe": .text("Rådgivningscaféen i Borgerhuset"), "address": .text("Torvet 3, 4300 Holbæk"),
                "time": .text("tirsdag den 1. december kl. 13:30"), "volunteer": .text("Lise Andersen"), "organisation": .text("Røde Kors"),
                "topics": .text("gæld, økonomi"),
            ]
        case .cafeCancelled:
            [
                "case_id": .text("C-01JD3Q5Z6X"), "cafe": .text("Rådgivningscaféen i Borgerhuset"), "time": .text("tirsdag den 1. december kl. 13:30"),
                "closed": .flag(true), "reason": .text("vandskade"), "changed": .flag(false),
            ]
        case .volunteerBooking:
            [
                "booking_id": .text("bkg_01JD3Q5Z6X"), "case_id": .text("C-01JD3Q5Z6X"), "cafe": .text("Rådgivningscaféen i Borgerhuset"),
                "time": .text("tirsdag den 1. december kl. 13:30"), "topics": .text("gæld, økonomi"), "language": .text("ar"),
                "citizen": .text("Sara Kjær"), "moved": .flag(false),
            ]
        case .talkRegistered, .talkSeat:
            [
                "case_id": .text("C-01JD3Q5Z6X"), "title": .text("Sådan bruger du MitID og Digital Post"), "cafe": .text("Rådgivningscaféen i Borgerhuset"),
                "address": .text("Torvet 3, 4300 Holbæk"), "time": .text("torsdag den 3. december kl. 10:00"), "waiting": .flag(false),
                "position": .text("3"),
            ]
        case .talkReminder:
            [
                "case_id": .text("C-01JD3Q5Z6X"), "title": .text("Sådan bruger du MitID og Digital Post"), "cafe": .text("Rådgivningscaféen i Borgerhuset"),
                "address": .text("Torvet 3, 4300 Holbæk"), "time": .text("torsdag den 3. december kl. 10:00"),
            ]
        case .volunteerBookingCancelled:
            [
                "booking_id": .text("bkg_01JD3Q5Z6X"), "case_id": .text("C-01JD3Q5Z6X"), "cafe": .text("Rådgivningscaféen i Borgerhuset"),
                "time": .text("tirsdag den 1. december kl. 13:30"), "moved": .flag(false),
            ]
        }
    }
}
