import Foundation
@testable import MentorlineCore
import Testing

/// A seat at a talk gets a reminder under the letter policy, like a café booking: moved earlier, never
/// later; a waiting-list place gets none until it moves up; a cancelled seat's reminder is withdrawn.
struct TalkReminderTests {
    typealias F = CafeFixtures

    static func talk(_ date: String, _ from: String, _ to: String, seats: Int = 10) -> Talk {
        Talk(id: TalkID("skat"), cafe: F.cafeID, title: "Forskudsopgørelsen", date: LocalDate(date)!, from: WallClockTime(from)!, to: WallClockTime(to)!, seats: seats)
    }

    static func planner(_ talk: Talk) -> CasePlanner {
        var planner = CafePlannerTests.planner()
        planner.roster.cafes.talks[talk.id] = talk
        return planner
    }

    static func registration(_ id: String, _ state: RegistrationState, talk: Talk, at createdAt: Date) -> TalkRegistration {
        TalkRegistration(id: RegistrationID(id), talk: talk.id, caseID: CaseID("case_\(id)"), state: state, createdAt: createdAt, updatedBy: "intake:web")
    }

    @Test func theReminderOfAMondayTalkGoesOnFridayBeforeTheQuietPeriod() throws {
        // Registered Thursday 19 November 2026 for Monday 23 November 10:00: 24 hours before is Sunday, so
        // the reminder moves back to Friday, the last minute before the weekend's quiet period from 12:00.
        let talk = Self.talk("2026-11-23", "10:00", "10:45")
        let now = F.at("2026-11-19", "10:00")
        let changes = try Self.planner(talk).registerForTalk(
            CafePlannerTests.citizenCase(["debt"], at: now), talk: talk.id, registrations: [], by: "intake:web", now: now
        ).get()
        #expect(changes.labels == ["registration+:seated", "event:talk_registered", "event:letter", "message:talk.registered", "event:letter", "message:talk.reminder"])
        let reminder = try #require(CafePlannerTests.drafts(changes, .talkReminder).first)
        let at = try #require(reminder.notBefore)
        #expect(at >= F.at("2026-11-20", "11:59") && at < F.at("2026-11-20", "12:00"))
        #expect(reminder.text.text == "Påmindelse: Du har en plads til oplægget \"Forskudsopgørelsen\" i Rådgivningscaféen i Borgerhuset, Torvet 3, 4300 Holbæk, "
            + "mandag den 23. november kl. 10:00. Kan du ikke komme, så ring til Mentor-telefonen, så pladsen kan gå til en anden. Sagsnummer: \(Fixtures.caseID).")
        // It names its registration, so that cancelling this seat withdraws this reminder and no other.
        let registration = try #require(changes.compactMap { if case .insertRegistration(let registration) = $0 { registration } else { nil } }.first)
        #expect(reminder.subject == registration.id.rawValue)
        #expect(try reminder.data()["appointment_at"] as? String == "2026-11-23T09:00:00Z")
        #expect(changes.events(.letter).last?.detail.reason?.hasSuffix(", moved earlier by the letter policy") == true)
    }

    @Test func theReminderOfATalkTheDayAfterEasterMondayGoesBeforeTheHolidays() throws {
        // Tuesday 7 April 2026 13:00: 24 hours before is Easter Monday; Sunday and Saturday are quiet, Good
        // Friday and Maundy Thursday holidays: Wednesday 1 April, before the daily window ends at 17:00.
        let talk = Self.talk("2026-04-07", "13:00", "14:00")
        let now = F.at("2026-03-30", "09:00")
        let changes = try Self.planner(talk).registerForTalk(
            CafePlannerTests.citizenCase(["debt"], language: "en", at: now), talk: talk.id, registrations: [], by: "intake:web", now: now
        ).get()
        let reminder = try #require(CafePlannerTests.drafts(changes, .talkReminder).first)
        let at = try #require(reminder.notBefore)
        #expect(at >= F.at("2026-04-01", "16:59") && at < F.at("2026-04-01", "17:00"))
        #expect(reminder.text.language == LanguageCode("en"))
        #expect(reminder.text.text.hasPrefix("Reminder: you have a seat at the talk \"Forskudsopgørelsen\" at Rådgivningscaféen i Borgerhuset, Torvet 3, 4300 Holbæk, tirsdag den 7. april kl. 13:00."))
    }

    @Test func aTalkTooNearForItsReminderGetsNoneAndTheTrailSaysSo() throws {
        let talk = Self.talk("2026-11-26", "10:00", "10:45")
        let now = F.at("2026-11-25", "14:00")
        let changes = try Self.planner(talk).registerForTalk(
            CafePlannerTests.citizenCase(["debt"], at: now), talk: talk.id, registrations: [], by: "intake:web", now: now
        ).get()
        #expect(CafePlannerTests.drafts(changes, .talkReminder).isEmpty)
        #expect(changes.events(.letter).contains { $0.detail.reason?.hasPrefix("talk.reminder not sent to the citizen: the letter policy allows no instant") == true })
    }

    @Test func aWaitingListPlaceGetsItsReminderWhenItMovesUpAndACancelledSeatsReminderIsWithdrawn() throws {
        let talk = Self.talk("2026-11-26", "10:00", "10:45", seats: 1)
        let planner = Self.planner(talk)
        let now = F.at("2026-11-23", "10:00")
        let seated = Self.registration("a", .seated, talk: talk, at: F.at("2026-11-20", "10:00"))
        var snapshot = CafePlannerTests.citizenCase(["debt"], at: now)
        snapshot.id = CaseID("case_b")
        let waiting = try planner.registerForTalk(snapshot, talk: talk.id, registrations: [seated], by: "intake:web", now: now).get()
        #expect(waiting.labels == ["registration+:waiting", "event:talk_registered", "event:letter", "message:talk.registered"])

        // The seated citizen cancels with the reminder still pending: it is withdrawn, the one waiting moves
        // up, is told, and gets the reminder for Wednesday 10:00.
        let next = Self.registration("b", .waiting, talk: talk, at: F.at("2026-11-21", "10:00"))
        let cancelled = try planner.cancelTalkRegistration(
            seated, registrations: [seated, next], next: snapshot, reminderPending: true, by: "intake:web", now: now
        ).get()
        #expect(cancelled.labels == [
            "registration:cancelled", "event:talk_cancelled", "withdraw:talk.reminder:a", "event:letter",
            "registration:seated", "event:talk_moved_up", "event:letter", "message:talk.seat", "event:letter", "message:talk.reminder",
        ])
        #expect(cancelled.events(.letter).first?.detail.reason == "talk.reminder withdrawn before it went")
        let reminder = try #require(CafePlannerTests.drafts(cancelled, .talkReminder).first)
        #expect(reminder.notBefore == F.at("2026-11-25", "10:00"))
        #expect(reminder.subject == "b")
        #expect(reminder.caseID == CaseID("case_b"))

        // Moving up the evening before: the seat letter waits for the morning, the reminder is too late.
        let late = try planner.cancelTalkRegistration(
            seated, registrations: [seated, next], next: snapshot, by: "intake:web", now: F.at("2026-11-25", "19:00")
        ).get()
        #expect(late.labels.contains("message:talk.seat") && !late.labels.contains("message:talk.reminder"))
        #expect(!late.labels.contains { $0.hasPrefix("withdraw:") })
        #expect(late.events(.letter).contains { $0.detail.reason?.hasPrefix("talk.reminder not sent to the citizen") == true })
    }
}
