import Foundation
@testable import MentorlineCore
import Testing

/// Routing into the café, the booking's messages and their timing, and the booking's lifecycle.
struct CafePlannerTests {
    typealias F = CafeFixtures

    /// The fixture roster with the café: routine debt and tax calls from citizens go there, the standard
    /// policy is the fallback.
    static func planner(_ cafe: Cafe = F.cafe()) -> CasePlanner {
        var roster = Fixtures.roster()
        roster.topics[TopicID("debt")] = Topic(id: TopicID("debt"), label: "gæld")
        roster.cafes = F.directory(cafe)
        roster.routes.insert(
            RouteRule(
                id: RouteID("cafe"), match: RouteMatch(callerKinds: [.citizen], topics: [TopicID("debt"), TopicID("tax")], urgencies: [.routine]),
                policy: Fixtures.standard, cafe: cafe.id
            ),
            at: 0
        )
        var notifications = Fixtures.notifications(roster, callers: [.citizen: "letters"])
        notifications.endpoints.byKind[.volunteer] = EndpointID("volunteers")
        return CasePlanner(roster: roster, notifications: notifications)
    }

    static func citizenCase(_ topics: [String], language: String = "da", preferences: SlotPreferences? = nil, at receivedAt: Date) -> CaseSnapshot {
        var intake = Fixtures.intake(kind: .citizen, topics: topics, language: language)
        intake.preferences = preferences
        return Fixtures.snapshot(intake, receivedAt: receivedAt)
    }

    static func drafts(_ changes: [CaseChange], _ event: EventType) -> [MessageDraft] {
        changes.compactMap { if case .enqueue(let draft) = $0, draft.eventType == event { draft } else { nil } }
    }

    @Test func aRoutineDebtCallIsBookedIntoTheEarliestSlotWithEverythingInOneAnswer() throws {
        let now = F.at("2026-11-24", "09:00")
        let changes = Self.planner().route(Self.citizenCase(["debt"], at: now), context: DispatchContext(), now: now, makeTaskID: Fixtures.taskIDs())
        #expect(changes.labels == [
            "event:routed", "booking+", "case:booked", "event:cafe_booked", "event:letter", "event:letter",
            "message:cafe.booked", "message:volunteer.booking",
        ])
        let booking = try #require(changes.compactMap { if case .insertBooking(let booking) = $0 { booking } else { nil } }.first)
        #expect(booking.start == F.at("2026-11-24", "13:00") && booking.volunteer == VolunteerID("lise-andersen"))
        let event = try #require(changes.events.first { $0.kind == .cafeBooked })
        #expect(event.detail.reason == "booked at Rådgivningscaféen i Borgerhuset 2026-11-24 13:00 with Lise Andersen (Røde Kors)")
        #expect(event.detail.booking == booking.id && event.detail.volunteer == booking.volunteer && event.detail.until == booking.start)
        let confirmation = try #require(Self.drafts(changes, .cafeBooked).first)
        #expect(confirmation.notBefore == nil)
        #expect(confirmation.text.text.hasPrefix("Du har fået en tid i Rådgivningscaféen i Borgerhuset, Torvet 3, 4300 Holbæk, tirsdag den 24. november kl. 13:00 hos Lise Andersen fra Røde Kors om gæld."))
        // The volunteer sees the case reference and topics, not the citizen's name.
        let notice = try #require(Self.drafts(changes, .volunteerBooking).first)
        #expect(notice.endpoint == EndpointID("volunteers") && notice.recipient == .volunteer(VolunteerID("lise-andersen")))
        #expect(!String(decoding: notice.payload, as: UTF8.self).contains("Lone Sørensen"))
        // 24 hours before a slot four hours away is in the past: no reminder, and the trail says so.
        #expect(Self.drafts(changes, .cafeReminder).isEmpty)
        #expect(changes.events.contains { $0.detail.reason?.hasPrefix("cafe.reminder not sent to the citizen") == true })
    }

    @Test func theReminderOfAMondaySessionGoesBeforeTheWeekend() throws {
        // A Monday café; a call on Thursday 19 November 2026 gets Monday 23 November 10:00. 24 hours before
        // is Sunday: the reminder moves back to Friday, before the quiet period begins at 12:00.
        let monday = F.cafe(sessions: [F.session(.monday, "10:00", "12:00")])
        var planner = Self.planner(monday)
        planner.roster.cafes.volunteers[VolunteerID("lise-andersen")]?.weekdays = [.monday]
        let now = F.at("2026-11-19", "10:00")
        let changes = planner.route(Self.citizenCase(["debt"], at: now), context: DispatchContext(), now: now, makeTaskID: Fixtures.taskIDs())
        let reminder = try #require(Self.drafts(changes, .cafeReminder).first)
        let at = try #require(reminder.notBefore)
        #expect(at < F.at("2026-11-20", "12:00") && at >= F.at("2026-11-20", "11:59"))
        #expect(reminder.text.text.hasPrefix("Påmindelse: Du har en tid i Rådgivningscaféen i Borgerhuset, Torvet 3, 4300 Holbæk, mandag den 23. november kl. 10:00"))
        #expect(changes.events.contains { $0.detail.reason?.hasSuffix(", moved earlier by the letter policy") == true })
    }

    @Test func theReminderOfTheSessionAfterEasterGoesBeforeTheHolidays() throws {
        // Wednesday before Easter 2027: Lise's next Tuesday is 30 March. Its reminder would go on Easter
        // Monday; Sunday and Saturday are quiet, Good Friday and Maundy Thursday holidays: Wednesday, before 17:00.
        let now = F.at("2027-03-24", "09:00")
        let changes = Self.planner().route(Self.citizenCase(["debt"], language: "en", at: now), context: DispatchContext(), now: now, makeTaskID: Fixtures.taskIDs())
        let booking = try #require(changes.compactMap { if case .insertBooking(let booking) = $0 { booking } else { nil } }.first)
        #expect(booking.start == F.at("2027-03-30", "13:00"))
        let reminder = try #require(Self.drafts(changes, .cafeReminder).first)
        let at = try #require(reminder.notBefore)
        #expect(at < F.at("2027-03-24", "17:00") && at >= F.at("2027-03-24", "16:59"))
        #expect(reminder.text.language == LanguageCode("en"))
    }

    @Test func aConfirmationDueOnFridayAfternoonIsHeldUntilMonday() throws {
        let now = F.at("2026-11-27", "13:00")
        let changes = Self.planner().route(Self.citizenCase(["debt"], at: now), context: DispatchContext(), now: now, makeTaskID: Fixtures.taskIDs())
        let confirmation = try #require(Self.drafts(changes, .cafeBooked).first)
        #expect(confirmation.notBefore == F.at("2026-11-30", "08:00"))
        #expect(confirmation.hold?.code == "quiet_period")
        // The slot's date, never "i morgen": the letter is read on another day than it was written.
        #expect(confirmation.text.text.contains("tirsdag den 1. december kl. 13:00"))
    }

    @Test func withoutASlotTheRoutesPolicyTakesTheCaseAndTheTrailSaysWhy() throws {
        let now = Fixtures.wednesdayMorning
        // Nobody at the café speaks Ukrainian: the case is offered to the on-call mentor instead.
        let changes = Self.planner().route(Self.citizenCase(["debt"], language: "uk", at: now), context: DispatchContext(), now: now, makeTaskID: Fixtures.taskIDs())
        let noSlot = try #require(changes.events.first)
        #expect(noSlot.kind == .cafeNoSlot)
        #expect(noSlot.detail.reason == "no volunteer at Rådgivningscaféen i Borgerhuset advises on debt in uk; falling back to policy standard")
        #expect(changes.labels.contains("case:offered"))
        #expect(!changes.labels.contains("booking+"))
        // An urgent case never goes to the café (the route matches routine cases only).
        var urgent = Self.citizenCase(["debt"], at: now)
        urgent.intake.urgency = .urgent
        #expect(!Self.planner().route(urgent, context: DispatchContext(), now: now, makeTaskID: Fixtures.taskIDs()).labels.contains("event:cafe_no_slot"))
    }

    @Test func bookingsMadeEarlierInTheBatchAreCounted() throws {
        let now = F.at("2026-11-24", "09:00")
        var context = DispatchContext()
        let planner = Self.planner()
        var starts: [Date] = []
        for _ in 0..<3 {
            let changes = planner.route(Self.citizenCase(["debt"], at: now), context: context, now: now, makeTaskID: Fixtures.taskIDs())
            context.account(for: changes) { _ in nil }
            starts += changes.compactMap { if case .insertBooking(let booking) = $0 { booking.start } else { nil } }
        }
        #expect(starts == [F.at("2026-11-24", "13:00"), F.at("2026-11-24", "13:30"), F.at("2026-11-24", "14:00")])
    }

    func bookedWork(at start: Date, pending: Set<EventType> = [.cafeReminder]) -> CafeWork {
        var snapshot = Self.citizenCase(["debt"], at: F.at("2026-11-20", "10:00"))
        snapshot.state = .booked
        return CafeWork(booking: F.booking("lise-andersen", at: start), snapshot: snapshot, pending: pending)
    }

    @Test func cancellingWithdrawsThePendingReminderTellsTheCitizenAndTheVolunteer() throws {
        let now = F.at("2026-11-23", "10:00")
        let changes = try Self.planner().cancelBooking(bookedWork(at: F.at("2026-11-24", "13:00")), reason: nil, by: "intake:web", now: now).get()
        #expect(changes.labels == [
            "booking:cancelled", "event:booking_cancelled", "withdraw:cafe.reminder", "event:letter", "event:letter",
            "message:cafe.cancelled", "message:volunteer.booking_cancelled", "case:resolved",
        ])
        // A confirmation that never went is withdrawn, and no cancellation is sent about it.
        let quiet = try Self.planner().cancelBooking(
            bookedWork(at: F.at("2026-11-24", "13:00"), pending: [.cafeBooked, .cafeReminder]), reason: nil, by: "intake:web", now: now
        ).get()
        #expect(quiet.labels.contains("withdraw:cafe.booked") && !quiet.labels.contains("message:cafe.cancelled"))
        // Only once.
        var cancelled = bookedWork(at: F.at("2026-11-24", "13:00"))
        cancelled.booking.state = .cancelled
        #expect(throws: CafeRefusal.self) { try Self.planner().cancelBooking(cancelled, reason: nil, by: "intake:web", now: now).get() }
    }

    @Test func attendanceIsMarkedOnceTheSlotHasBegun() throws {
        let work = bookedWork(at: F.at("2026-11-24", "13:00"))
        #expect(throws: CafeRefusal.self) { try Self.planner().markBooking(work, attended: true, note: nil, by: "admin:k", now: F.at("2026-11-24", "12:59")).get() }
        let marked = try Self.planner().markBooking(work, attended: false, note: nil, by: "admin:k", now: F.at("2026-11-24", "13:20")).get()
        #expect(marked.labels == ["booking:no_show", "event:booking_no_show", "case:resolved", "withdraw:cafe.reminder", "event:letter"])
    }

    @Test func aVolunteerMarksOnlyTheirOwnBookingAndIsTheActor() throws {
        let work = bookedWork(at: F.at("2026-11-24", "13:00"))
        let now = F.at("2026-11-24", "13:20")
        let other = Self.planner().markBooking(work, attended: true, note: nil, by: "volunteer:ahmed-nasser", volunteer: VolunteerID("ahmed-nasser"), now: now)
        #expect(throws: CafeRefusal(.notYours, "booking \(work.booking.id) is another volunteer's")) { try other.get() }
        // Another's booking is refused before its state is looked at: an early mark says nothing of it either.
        let early = Self.planner().markBooking(
            work, attended: true, note: nil, by: "volunteer:ahmed-nasser", volunteer: VolunteerID("ahmed-nasser"), now: F.at("2026-11-24", "12:00")
        )
        #expect(throws: CafeRefusal(.notYours, "booking \(work.booking.id) is another volunteer's")) { try early.get() }
        let own = try Self.planner().markBooking(
            work, attended: true, note: nil, by: "volunteer:lise-andersen", volunteer: VolunteerID("lise-andersen"), now: now
        ).get()
        #expect(own.labels.first == "booking:attended")
        #expect(own.events.first { $0.kind == .bookingAttended }?.actor == "volunteer:lise-andersen")
    }

    @Test func aClosureMovesBookingsItCoversOrCancelsThemAndSendsTheCaseOnward() throws {
        let now = F.at("2026-11-23", "10:00")
        let flood = CafeClosure(id: ClosureID("clo_1"), cafe: F.cafeID, first: LocalDate("2026-11-24")!, last: LocalDate("2026-11-24")!, reason: "vandskade")
        // Lise's Tuesday booking moves to the earliest slot that fits: Ahmed's Thursday; both are told.
        let work = bookedWork(at: F.at("2026-11-24", "13:00"))
        let moved = Self.planner().closeCafe(flood, bookings: [work], occupancy: CafeOccupancy(bookings: [work.booking]), by: "admin:k", now: now)
        #expect(moved.labels.first == "booking:booked")
        #expect(moved.compactMap { if case .updateBooking(let booking) = $0 { booking.start } else { nil } } == [F.at("2026-11-26", "10:00")])
        #expect(moved.labels.contains("message:cafe.moved"))
        #expect(Self.drafts(moved, .volunteerBookingCancelled).map(\.recipient) == [.volunteer(VolunteerID("lise-andersen"))])
        #expect(Self.drafts(moved, .volunteerBooking).map(\.recipient) == [.volunteer(VolunteerID("ahmed-nasser"))])
        #expect(moved.events.first { $0.kind == .bookingMoved }?.detail.reason == "Rådgivningscaféen i Borgerhuset is closed on 2026-11-24: vandskade: moved from 2026-11-24 13:00 to 2026-11-26 10:00 with Ahmed Nasser (Dansk Folkehjælp)")
        // With the café closed for the whole horizon, the booking is cancelled and the case routed again.
        let long = CafeClosure(id: ClosureID("clo_2"), cafe: F.cafeID, first: LocalDate("2026-11-24")!, last: LocalDate("2027-01-31")!, reason: "ombygning")
        let cancelled = Self.planner().closeCafe(long, bookings: [work], occupancy: CafeOccupancy(bookings: [work.booking]), by: "admin:k", now: now)
        #expect(cancelled.labels.contains("booking:cancelled") && cancelled.labels.contains("message:cafe.cancelled") && cancelled.labels.last == "case:routing")
        let letter = try #require(Self.drafts(cancelled, .cafeCancelled).first)
        #expect(letter.text.text.contains("fordi caféen holder lukket (ombygning)"))
        // A booking outside the closure is left alone.
        #expect(Self.planner().closeCafe(flood, bookings: [bookedWork(at: F.at("2026-11-26", "10:00"))], occupancy: CafeOccupancy(), by: "admin:k", now: now).isEmpty)
    }
}

/// Seats at talks and the waiting list.
struct TalkSeatingTests {
    typealias F = CafeFixtures
    static let talk = Talk(
        id: TalkID("skat"), cafe: F.cafeID, title: "Forskudsopgørelsen", date: LocalDate("2026-11-26")!, from: WallClockTime("10:00")!,
        to: WallClockTime("10:45")!, seats: 2
    )

    static func registration(_ id: String, _ state: RegistrationState, minute: Int) -> TalkRegistration {
        TalkRegistration(
            id: RegistrationID(id), talk: talk.id, caseID: CaseID("case_\(id)"), state: state,
            createdAt: F.at("2026-11-20", "10:00").addingTimeInterval(TimeInterval(minute * 60)), updatedBy: "intake:web"
        )
    }

    @Test func seatsGoInOrderAndTheLongestWaitingMovesUp() {
        let a = Self.registration("a", .seated, minute: 0), b = Self.registration("b", .seated, minute: 1)
        let c = Self.registration("c", .waiting, minute: 2), d = Self.registration("d", .waiting, minute: 3)
        #expect(TalkSeating.stateForNew(Self.talk, active: [a]) == .seated)
        #expect(TalkSeating.stateForNew(Self.talk, active: [a, b]) == .waiting)
        #expect(TalkSeating.position(of: d, among: [a, b, d, c]) == 2)
        #expect(TalkSeating.movesUp(after: a, talk: Self.talk, active: [a, b, c, d])?.id == c.id)
        // A waiting citizen who cancels frees no seat.
        #expect(TalkSeating.movesUp(after: c, talk: Self.talk, active: [a, b, c, d]) == nil)
    }

    @Test func registeringAndCancellingTellTheCitizens() throws {
        var planner = CafePlannerTests.planner()
        planner.roster.cafes.talks[Self.talk.id] = Self.talk
        let now = F.at("2026-11-23", "10:00")
        var snapshot = CafePlannerTests.citizenCase(["debt"], at: now)
        snapshot.id = CaseID("case_e")
        let full = [Self.registration("a", .seated, minute: 0), Self.registration("b", .seated, minute: 1)]
        let waiting = try planner.registerForTalk(snapshot, talk: Self.talk.id, registrations: full, by: "intake:web", now: now).get()
        #expect(waiting.labels == ["registration+:waiting", "event:talk_registered", "event:letter", "message:talk.registered"])
        #expect(waiting.events.first?.detail.reason == "on the waiting list for \"Forskudsopgørelsen\" (number 1)")
        #expect(throws: CafeRefusal.self) { try planner.registerForTalk(snapshot, talk: Self.talk.id, registrations: full, by: "x", now: F.at("2026-11-26", "10:00")).get() }
        let next = Self.registration("c", .waiting, minute: 2)
        var nextCase = snapshot
        nextCase.id = next.caseID
        let cancelled = try planner.cancelTalkRegistration(full[0], registrations: full + [next], next: nextCase, by: "intake:web", now: now).get()
        #expect(cancelled.labels == [
            "registration:cancelled", "event:talk_cancelled", "registration:seated", "event:talk_moved_up", "event:letter", "message:talk.seat",
            "event:letter", "message:talk.reminder",
        ])
    }
}
