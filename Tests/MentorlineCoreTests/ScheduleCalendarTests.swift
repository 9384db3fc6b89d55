import Foundation
import Testing
@testable import MentorlineCore

private typealias F = ScheduleFixtures

@Suite struct ScheduleCalendarTests {
    let schedule = F.schedule(F.layer(["amira", "jonas"], .daily, start: "2026-01-05"), id: "oncall", name: "Mentorvagten")
    let names = [MentorID("amira"): "Amira Haddad", MentorID("jonas"): "Jonas Berg", MentorID("oksana"): "Oksana Melnyk"]

    @Test func oneEventPerShiftWithNamesOnly() {
        let sick = F.override(
            "ovr-1", "oksana", from: F.at("2026-01-06", "12:00"), to: F.at("2026-01-06", "18:00"), schedule: "oncall",
            note: "sygdom: influenza, ring på 20 30 40 50"
        )
        let shifts = schedule.shifts(from: F.at("2026-01-05", "08:00"), to: F.at("2026-01-07", "08:00"), overrides: [sick])
        let events = schedule.calendarEvents(shifts: shifts, mentorNames: names)
        #expect(events.map(\.summary) == [
            "Mentorvagten: Amira Haddad", "Mentorvagten: Jonas Berg", "Mentorvagten: Oksana Melnyk", "Mentorvagten: Jonas Berg",
        ])
        #expect(events.map(\.description) == [
            "Vagt i Mentorvagten", "Vagt i Mentorvagten", "Vagt i Mentorvagten (dækker for Jonas Berg)", "Vagt i Mentorvagten",
        ])
        #expect(events.map(\.start) == shifts.map(\.start))
        #expect(events.map(\.end) == shifts.map(\.end))
        #expect(events.first?.uid == "oncall-\(Int(F.at("2026-01-05", "08:00").timeIntervalSince1970))-amira@mentorline")
        #expect(Set(events.map(\.uid)).count == events.count)
        let rendered = ICalendarFeed(name: schedule.name, events: events).rendered(stamp: .now)
        for forbidden in ["sygdom", "influenza", "20 30 40 50", "admin:", "ovr-1"] { #expect(!rendered.contains(forbidden)) }
        #expect(events.allSatisfy { $0.location == nil && $0.url == nil })
    }

    @Test func coveringSeveralTurnsNamesEveryoneOnce() {
        let week = F.override("ovr-2", "oksana", from: F.at("2026-01-05", "08:00"), to: F.at("2026-01-09", "08:00"), schedule: "oncall")
        let shifts = schedule.shifts(from: F.at("2026-01-05", "08:00"), to: F.at("2026-01-09", "08:00"), overrides: [week])
        let events = schedule.calendarEvents(shifts: shifts, mentorNames: names)
        #expect(events.map(\.description) == ["Vagt i Mentorvagten (dækker for Amira Haddad, Jonas Berg)"])
    }

    @Test func unknownNamesFallBackToTheId() {
        let shifts = schedule.shifts(from: F.at("2026-01-05", "08:00"), to: F.at("2026-01-05", "09:00"))
        #expect(schedule.calendarEvents(shifts: shifts, mentorNames: [:]).map(\.summary) == ["Mentorvagten: amira"])
    }

    /// Two fetches over different ranges that both contain a shift whole give it the same UID.
    @Test func uidsAreStableAcrossFetches() {
        let first = schedule.calendarEvents(shifts: schedule.shifts(from: F.at("2026-01-05", "08:00"), to: F.at("2026-01-12", "08:00")), mentorNames: names)
        let later = schedule.calendarEvents(shifts: schedule.shifts(from: F.at("2026-01-07", "08:00"), to: F.at("2026-01-20", "08:00")), mentorNames: names)
        let shared = Set(first.map(\.uid)).intersection(later.map(\.uid))
        #expect(shared.count == 5)
        for uid in shared { #expect(first.first { $0.uid == uid } == later.first { $0.uid == uid }) }
    }
}
