import Foundation
import Testing
@testable import MentorlineCore

/// The representative rule and the letter policy as the planner applies them to caller-facing messages.
struct CitizenCommunicationTests {
    static let citizen = Caller(kind: .citizen, name: "Mikkel Jensen", phone: "+45 22 33 44 55", email: "mikkel@example.dk")
    static let representative = Representative(name: "Hanne Mortensen", phone: "+45 40 50 60 70", organisation: "LEV Aarhus")
    static let endpoints: [CallerKind: String] = [.citizen: "citizen-post", .representative: "representative-post", .company: "company-post"]

    static func intake(representative: Representative? = nil, kind: CallerKind = .citizen, language: String = "da") -> CaseIntake {
        var caller = citizen
        caller.kind = kind
        if kind == .company { caller.organisation = "Bager Hansen ApS" }
        return CaseIntake(
            caller: caller, citizenReference: "borger-4711", topics: [TopicID("placement")], language: LanguageCode(language)!,
            representative: representative
        )
    }

    static func notifications(_ mode: RepresentationMode = .instead) -> Notifications {
        var letters = LetterRules.standard(timeZone: Fixtures.copenhagen)
        letters.representation = mode
        return Fixtures.notifications(Fixtures.roster(), callers: endpoints, letters: letters)
    }

    /// Every message of `event` a case can produce for the caller's side: each caller-facing event type's
    /// own builder, and the shared one for any other type. The switch is exhaustive, so a new event type
    /// cannot be added without deciding here how it reaches callers.
    static func messages(
        _ event: EventType, intake: CaseIntake, registered: Representative?, notifications: Notifications, at now: Date
    ) -> [MessageDraft] {
        let appointment = Appointment(at: now.addingTimeInterval(5 * 86400), place: "Jobcenter Nord")
        switch event {
        case .caseReceipt:
            return notifications.caseReceipt(
                caseID: Fixtures.caseID, intake: intake, representative: registered, receivedAt: now, promise: now.addingTimeInterval(600), at: now
            ).drafts
        case .caseAppointment, .caseAppointmentReminder:
            return notifications.caseAppointment(
                caseID: Fixtures.caseID, intake: intake, representative: registered, receivedAt: now, appointment: appointment,
                mentorName: "Amira Haddad", at: now
            ).drafts.filter { $0.eventType == event }
        case .cafeBooked, .cafeMoved, .cafeReminder:
            let booking = CafeFixtures.booking("lise-andersen", at: now.addingTimeInterval(5 * 86400))
            let context = Notifications.CafeContext(booking: booking, cafe: CafeFixtures.cafe(), volunteer: CafeFixtures.volunteers[0])
            return notifications.cafeBooking(
                event == .cafeReminder ? .cafeBooked : event, context, caseID: Fixtures.caseID, intake: intake, representative: registered,
                receivedAt: now, at: now
            ).drafts.filter { $0.eventType == event }
        case .cafeCancelled:
            let booking = CafeFixtures.booking("lise-andersen", at: now.addingTimeInterval(5 * 86400))
            let context = Notifications.CafeContext(booking: booking, cafe: CafeFixtures.cafe(), volunteer: CafeFixtures.volunteers[0])
            return notifications.cafeCancelled(
                context, cancellation: .closed(reason: "vandskade"), caseID: Fixtures.caseID, intake: intake, representative: registered, receivedAt: now, at: now
            ).drafts
        case .talkRegistered, .talkSeat, .talkReminder:
            let talk = Talk(
                id: TalkID("mitid"), cafe: CafeFixtures.cafeID, title: "MitID", date: LocalDate("2026-12-03")!, from: WallClockTime("10:00")!,
                to: WallClockTime("10:45")!, seats: 10
            )
            if event == .talkReminder {
                return notifications.talkReminder(
                    talk: talk, cafe: CafeFixtures.cafe(), registration: RegistrationID("reg_1"), caseID: Fixtures.caseID, intake: intake,
                    representative: registered, receivedAt: now, at: now
                ).drafts
            }
            return notifications.talkNotice(
                event, talk: talk, cafe: CafeFixtures.cafe(), waitingPosition: event == .talkRegistered ? 2 : nil, caseID: Fixtures.caseID, intake: intake,
                representative: registered, receivedAt: now, at: now
            ).drafts
        case .taskOffered, .taskWithdrawn, .taskHandedOver, .casePromiseAtRisk, .caseUnroutable, .messageDead, .endpointDisabled,
             .volunteerBooking, .volunteerBookingCancelled:
            // Not caller-facing: built for mentors or ops. Through the shared builder they would still be addressed by the rule.
            return notifications.toCaller(
                .init(type: event, values: { _ in event.templateVariables }), caseID: Fixtures.caseID, intake: intake,
                representative: registered, receivedAt: now, at: now
            ).drafts
        }
    }

    static let wednesday = Fixtures.at("2026-01-07", "10:00")

    @Test(arguments: EventType.allCases, [true, false])
    func aRepresentedCitizenIsNeverAddressedDirectly(event: EventType, registeredOnAnEarlierCase: Bool) throws {
        let intake = Self.intake(representative: registeredOnAnEarlierCase ? nil : Self.representative)
        let drafts = Self.messages(
            event, intake: intake, registered: registeredOnAnEarlierCase ? Self.representative : nil, notifications: Self.notifications(),
            at: Self.wednesday
        )
        #expect(!drafts.isEmpty)
        for draft in drafts {
            #expect(draft.recipient == .caller(.representative))
            #expect(draft.endpoint == EndpointID("representative-post"))
            let body = String(decoding: draft.payload, as: UTF8.self)
            // Neither the citizen's name nor their phone or e-mail is in what the gateway receives.
            for secret in ["Mikkel Jensen", "+45 22 33 44 55", "mikkel@example.dk"] { #expect(!body.contains(secret)) }
            let to = try #require(try draft.data()["to"] as? [String: Any])
            #expect(to["kind"] as? String == "representative")
            #expect(to["name"] as? String == "Hanne Mortensen")
        }
    }

    @Test(arguments: EventType.allCases.filter(\.isCallerFacing))
    func copyModeSendsToBothAndWithoutARepresentativeTheCitizenGetsIt(event: EventType) throws {
        let copies = Self.messages(
            event, intake: Self.intake(representative: Self.representative), registered: nil, notifications: Self.notifications(.copy),
            at: Self.wednesday
        )
        #expect(copies.map(\.recipient) == [.caller(.representative), .caller(.citizen)])
        let direct = Self.messages(event, intake: Self.intake(), registered: nil, notifications: Self.notifications(), at: Self.wednesday)
        #expect(direct.map(\.recipient) == [.caller(.citizen)])
        #expect(try (direct[0].data()["to"] as? [String: Any])?["phone"] as? String == "+45 22 33 44 55")
    }

    @Test func aRepresentativeCallingForTheCitizenGetsTheReceiptThemselves() {
        var intake = Self.intake(kind: .representative)
        intake.caller.name = "Hanne Mortensen"
        let drafts = Self.messages(.caseReceipt, intake: intake, registered: nil, notifications: Self.notifications(), at: Self.wednesday)
        #expect(drafts.map(\.recipient) == [.caller(.representative)])
    }

    // MARK: The letter policy

    /// `(call, queued, caller kind, expected hold or nil, expected notBefore or nil)`.
    static let receiptTimings: [(String, String, CallerKind, String?, String?)] = [
        // Wednesday morning: allowed for everyone.
        ("2026-01-07 10:00", "2026-01-07 10:00", .citizen, nil, nil),
        // Friday 13:00, the call a minute ago: the receipt is an exempt reply.
        ("2026-01-09 12:59", "2026-01-09 13:00", .citizen, nil, nil),
        // Friday 13:00, but the call was 20 minutes ago (the daemon was down): held until Monday 08:00.
        ("2026-01-09 12:40", "2026-01-09 13:00", .citizen, "quiet_period", "2026-01-12 08:00"),
        // Whit Monday 2026, an hour after the call: held until Tuesday 08:00.
        ("2026-05-25 09:00", "2026-05-25 10:00", .citizen, "holiday", "2026-05-26 08:00"),
        // A company at 18:00 on a Tuesday, long after the call: office hours from 08:00.
        ("2026-01-06 17:00", "2026-01-06 18:00", .company, "outside_hours", "2026-01-07 08:00"),
    ]

    @Test(arguments: receiptTimings)
    func receiptsAreHeldOutsideThePolicyUnlessTheyAnswerTheCallJustMade(
        call: String, queued: String, kind: CallerKind, hold: String?, notBefore: String?
    ) throws {
        func at(_ text: String) -> Date {
            let parts = text.split(separator: " ").map(String.init)
            return Fixtures.at(parts[0], parts[1])
        }
        let snapshot = Fixtures.snapshot(Self.intake(kind: kind), receivedAt: at(call))
        let planner = CasePlanner(roster: Fixtures.roster(), notifications: Self.notifications())
        let changes = planner.route(snapshot, context: DispatchContext(), now: at(queued), makeTaskID: Fixtures.taskIDs())
        let receipt = try #require(changes.drafts.first { $0.eventType == .caseReceipt })
        #expect(receipt.hold?.code == hold)
        #expect(receipt.notBefore == notBefore.map(at))
        let trail = try #require(changes.events(.letter).first?.detail.reason)
        if let notBefore {
            #expect(trail.hasPrefix("case.receipt to the \(kind.rawValue) held until \(notBefore)"))
        } else {
            #expect(!trail.contains("held"))
        }
    }

    @Test func mentorsAndOpsAreNeverHeld() {
        let saturdayNight = Fixtures.at("2026-01-10", "23:30")
        let notifications = Self.notifications()
        let task = Fixtures.task("t", mentor: "amira", offeredAt: saturdayNight)
        let drafts = [
            notifications.taskOffered(task: task, intake: Self.intake(), method: nil, at: saturdayNight),
            notifications.caseUnroutable(caseID: Fixtures.caseID, intake: Self.intake(), reason: "nobody", coordinator: nil, at: saturdayNight),
        ]
        #expect(drafts.allSatisfy { $0.notBefore == nil && $0.hold == nil })
    }

    // MARK: Appointments and reminders

    /// `(booked at, appointment at, expected reminder or nil)` with the default 24-hour lead.
    static let reminders: [(String, String, String?)] = [
        // Thursday 10:00 → Wednesday 10:00, allowed.
        ("2026-01-05 09:00", "2026-01-08 10:00", "2026-01-07 10:00"),
        // Monday 10:00 → Sunday 10:00 is quiet: the latest allowed before it is Friday 11:59.
        ("2026-01-05 09:00", "2026-01-12 10:00", "2026-01-09 11:59"),
        // Tuesday after Easter 2026 at 09:00 → Monday 09:00 is Easter Monday; back past Good Friday and
        // Maundy Thursday to Wednesday 16:59 (the daily window ends at 17:00).
        ("2026-03-30 09:00", "2026-04-07 09:00", "2026-04-01 16:59"),
        // Booked Friday 13:00 for Monday 10:00: nothing allowed between now and Sunday 10:00, so no reminder.
        ("2026-01-09 13:00", "2026-01-12 10:00", nil),
        // Booked two hours ahead: the reminder time has passed, so no reminder.
        ("2026-01-07 09:00", "2026-01-07 11:00", nil),
    ]

    @Test(arguments: reminders)
    func aReminderMovesEarlierNeverLaterOrIsNotSentAndTheTrailSaysWhy(booked: String, appointment: String, expected: String?) throws {
        func at(_ text: String) -> Date {
            let parts = text.split(separator: " ").map(String.init)
            return Fixtures.at(parts[0], parts[1])
        }
        let messages = Self.notifications().caseAppointment(
            caseID: Fixtures.caseID, intake: Self.intake(), representative: nil, receivedAt: at(booked), appointment: Appointment(at: at(appointment)),
            mentorName: "Amira Haddad", at: at(booked)
        )
        let reminders = messages.drafts.filter { $0.eventType == .caseAppointmentReminder }
        if let expected {
            #expect(reminders.map(\.notBefore) == [at(expected)])
            #expect(reminders.first?.text.text.hasPrefix("Påmindelse: Du har en aftale med din mentor Amira Haddad") == true)
        } else {
            #expect(reminders.isEmpty)
            #expect(messages.notes.contains { $0.hasPrefix("case.appointment_reminder not sent to the citizen: the letter policy allows no instant") })
        }
    }

    @Test func anAppointmentIsBookedOnAnAcceptedTaskWithoutChangingIt() throws {
        let planner = CasePlanner(roster: Fixtures.roster(), notifications: Self.notifications())
        let task = Fixtures.task("t", mentor: "amira", state: .accepted)
        let appointment = Appointment(at: Fixtures.at("2026-01-08", "10:30"), place: "Jobcenter Nord, CPR 010203-1234")
        let changes = try planner.mentorAction(
            .appointment(appointment), on: task, of: Fixtures.snapshot(Self.intake(), state: .accepted), by: .mentor(MentorID("amira")),
            now: Self.wednesday, makeTaskID: Fixtures.taskIDs()
        ).get()
        #expect(changes.updatedTasks.isEmpty)
        #expect(changes.events(.appointmentBooked).map(\.detail.until) == [appointment.at])
        #expect(changes.drafts.map(\.eventType) == [.caseAppointment, .caseAppointmentReminder])
        let confirmation = try changes.drafts[0].data()
        #expect(confirmation["text"] as? String
            == "Du har en aftale med din mentor Amira torsdag den 8. januar kl. 10:30 på Jobcenter Nord, CPR [CPR fjernet]. "
            + "Kan du ikke komme, så ring til Mentor-telefonen. Sagsnummer: case_1.")
        #expect(changes.drafts[1].notBefore == Fixtures.at("2026-01-07", "10:30"))
    }

    @Test func textsFollowTheCallersLanguageAndFallBackToDanish() {
        let english = Self.messages(.caseReceipt, intake: Self.intake(language: "en"), registered: nil, notifications: Self.notifications(), at: Self.wednesday)
        #expect(english.map(\.text.template) == ["case.receipt.en.mustache"])
        #expect(english.first?.text.text.hasPrefix("Thank you for calling the Mentor Line.") == true)
        let ukrainian = Self.messages(.caseReceipt, intake: Self.intake(language: "uk"), registered: nil, notifications: Self.notifications(), at: Self.wednesday)
        #expect(ukrainian.map(\.text.template) == ["case.receipt.da.mustache"])
        #expect(ukrainian.map(\.text.language) == [.danish])
    }
}
