import Foundation
import MentorlineControl
import MentorlineTesting
import Testing

/// `mentorctl cafe slots` and `cafe volunteer list|signup|withdraw` against the real daemon.
@Suite struct CafeCommandsTests {
    static let roster = """
        topics:
          - {id: debt, label: gæld}
        mentors:
          - {id: anna, name: Anna Holm, topics: [debt], languages: [da], capacity: 5}
        escalation_policies:
          - id: standard
            levels: [{targets: [{mentor: anna}], ack_timeout: 10m}]
        routes:
          - {id: cafe, match: {topics: [debt], urgency: [routine]}, cafe: huset, policy: standard}
          - {id: everything, policy: standard}
        """

    static let cafe = """
        cafes:
          - id: huset
            name: Rådgivningscaféen
            address: Torvet 1, 4300 Holbæk
            sessions: [{day: tue, from: "13:00", to: "14:00"}, {day: thu, from: "10:00", to: "11:00"}]
            closures: [{date: 2026-12-08, reason: juleafslutning}]
        volunteers:
          - {id: lise, name: Lise Andersen, organisation: Røde Kors, cafe: huset, topics: [debt], languages: [da], weekdays: [tue]}
          - {id: karen, name: Karen Munk, organisation: Den Sociale Retshjælp, cafe: huset, topics: [debt], languages: [da], weekdays: [tue]}
        """

    static let call = """
        {"caller": {"kind": "citizen", "name": "Mikkel Jensen", "phone": "+45 22 33 44 55"}, "topics": ["debt"]}
        """

    @Test func theWeekGridShowsFreeAndBookedSlotsAndSignUpsAddColumns() async throws {
        var configuration = TestConfiguration(mentorEndpointURL: "http://127.0.0.1:9/hooks/mentor", opsEndpointURL: "http://127.0.0.1:9/hooks/ops")
        configuration.roster = Self.roster
        configuration.mentorIDs = ["anna"]
        configuration.cafe = Self.cafe
        let start = ISO8601DateFormatter().date(from: "2026-12-01T09:00:00+01:00")!
        try await TestDaemon.withDaemon(configuration, clockStartingAt: start) { daemon in
            let connection = DaemonConnection(baseURL: daemon.baseURL + "/", token: TestConfiguration.adminToken)
            let caseID = try await daemon.registerCase(Self.call)
            _ = try await daemon.waitForCase(caseID) { $0["state"] as? String == "booked" }

            let grid = try await ControlCommands.cafeSlots(cafe: "huset", week: "2026-12-02", format: .text, connection: connection, now: start)
            #expect(grid == """
                Rådgivningscaféen (huset), week 2026-11-30 – 2026-12-06, Europe/Copenhagen
                         tue 12-01  thu 12-03
                10:00    ·          –
                10:30    ·          –
                13:00    ●○         ·
                13:30    ○○         ·
                ○ free  ● booked  · no session  – nobody staffing; one mark per volunteer. 3 free, 1 booked.
                """)

            // Karen signs up for Thursday: she staffs its slots.
            #expect(try await ControlCommands.signUpVolunteer(volunteer: "karen", date: "2026-12-03", connection: connection) == "karen staffs the café on 2026-12-03.")
            let after = try await ControlCommands.cafeSlots(cafe: "huset", week: "2026-12-01", format: .text, connection: connection, now: start)
            #expect(after.contains("10:00    ·          ○\n10:30    ·          ○\n"))
            let list = try await ControlCommands.listVolunteers(format: .text, connection: connection)
            #expect(list.contains("karen  Karen Munk (Den Sociale Retshjælp), huset: debt in da; every tue; signed up for 2026-12-03"))
            #expect(try await ControlCommands.withdrawVolunteer(volunteer: "karen", date: "2026-12-03", connection: connection) == "Withdrew karen's sign-up for 2026-12-03.")

            // A closed Tuesday is not in the grid and is named below it; JSON passes the daemon's answer through.
            let closed = try await ControlCommands.cafeSlots(cafe: "huset", week: "2026-12-08", format: .text, connection: connection, now: start)
            #expect(closed.hasPrefix("Rådgivningscaféen (huset), week 2026-12-07 – 2026-12-13, Europe/Copenhagen\n         thu 12-10\n"))
            #expect(closed.hasSuffix("0 free, 0 booked.\nClosed 2026-12-08: closed: juleafslutning"))
            let json = try jsonObject(try await ControlCommands.cafeSlots(cafe: "huset", week: nil, format: .json, connection: connection, now: start))
            #expect((json["slots"] as? [[String: Any]])?.count == 4)
            let missing = await controlError { () async throws(ControlError) in
                try await ControlCommands.cafeSlots(cafe: "nope", week: nil, format: .text, connection: connection, now: start)
            }
            #expect(missing?.message == "There is no café 'nope'; cafés: huset.")
        }
    }

    /// A call that goes to the mentors (not routine), for staff to book by hand.
    static func soonCall(_ reference: String) -> String {
        """
        {"caller": {"kind": "citizen", "name": "Mikkel Jensen", "phone": "+45 22 33 44 55"}, "citizen_reference": "\(reference)",
         "topics": ["debt"], "urgency": "soon"}
        """
    }

    @Test func bookRescheduleCancelAndClosuresSayWhatHappenedOrWhyNot() async throws {
        var configuration = TestConfiguration(mentorEndpointURL: "http://127.0.0.1:9/hooks/mentor", opsEndpointURL: "http://127.0.0.1:9/hooks/ops")
        configuration.roster = Self.roster
        configuration.mentorIDs = ["anna"]
        configuration.cafe = Self.cafe
        let start = ISO8601DateFormatter().date(from: "2026-12-01T09:00:00+01:00")!
        try await TestDaemon.withDaemon(configuration, clockStartingAt: start) { daemon in
            let connection = DaemonConnection(baseURL: daemon.baseURL + "/", token: TestConfiguration.adminToken)
            let first = try await daemon.registerCase(Self.soonCall("ctl-1"))
            let second = try await daemon.registerCase(Self.soonCall("ctl-2"))
            for id in [first, second] { _ = try await daemon.waitForCase(id) { $0["state"] as? String == "offered" } }

            // Book by hand into Karen's 13:30; the only café needs no --cafe.
            let booked = try await ControlCommands.bookCafe(caseID: first, cafe: nil, start: "2026-12-01T13:30", volunteer: "karen", format: .text, connection: connection)
            let bookingID = try #require(booked.components(separatedBy: ": booking ").dropFirst().first?.components(separatedBy: ".").first)
            #expect(booked == """
                Booked case \(first) into Rådgivningscaféen (huset) on 2026-12-01 13:30 (CET) with karen: booking \(bookingID).
                The citizen gets cafe.booked and a reminder (under the letter policy), the volunteer volunteer.booking.
                """)
            // The same slot again: a sentence, not a status line.
            let taken = await controlError { () async throws(ControlError) in
                try await ControlCommands.bookCafe(caseID: second, cafe: "huset", start: "2026-12-01T13:30", volunteer: "karen", format: .text, connection: connection)
            }
            #expect(taken?.code == .refused(status: 409))
            #expect(taken?.message == "Cannot book case \(second) into huset: the slot is taken. Another booking holds it; "
                + "`mentorctl cafe slots --cafe huset` shows the free slots, and leaving out --start takes the earliest that fits.")
            let unknown = await controlError { () async throws(ControlError) in
                try await ControlCommands.bookCafe(caseID: "case_nope", cafe: nil, start: nil, volunteer: nil, format: .text, connection: connection)
            }
            #expect(unknown?.message == "There is no case case_nope.")
            let badStart = await controlError { () async throws(ControlError) in
                try await ControlCommands.bookCafe(caseID: second, cafe: nil, start: "tirsdag", volunteer: nil, format: .text, connection: connection)
            }
            #expect(badStart?.code == .usage)
            let noCafe = await controlError { () async throws(ControlError) in
                try await ControlCommands.bookCafe(caseID: second, cafe: "nope", start: nil, volunteer: nil, format: .text, connection: connection)
            }
            #expect(noCafe?.message == "There is no café 'nope'; cafés: huset.")

            // Moved to Lise's 13:00, then cancelled; a second cancel says why not.
            let moved = try await ControlCommands.rescheduleBooking(bookingID, start: "2026-12-01T13:00", volunteer: "lise", reason: nil, format: .text, connection: connection)
            #expect(moved.hasPrefix("Moved booking \(bookingID) of case \(first) to 2026-12-01 13:00 (CET) with lise at Rådgivningscaféen (huset)."))
            let cancelled = try await ControlCommands.cancelBooking(bookingID, reason: "kan ikke komme", format: .text, connection: connection)
            #expect(cancelled == "Cancelled booking \(bookingID) of case \(first) (huset, 2026-12-01 13:00 (CET), lise): "
                + "the slot is free again, the volunteer is told and the case is resolved.")
            let again = await controlError { () async throws(ControlError) in
                try await ControlCommands.cancelBooking(bookingID, reason: nil, format: .text, connection: connection)
            }
            #expect(again?.message == "Cannot cancel booking \(bookingID): booking \(bookingID) is cancelled.")

            // The second case, booked into the earliest slot (JSON is the daemon's booking), then the café closes that day.
            let json = try jsonObject(try await ControlCommands.bookCafe(caseID: second, cafe: "huset", start: nil, volunteer: nil, format: .json, connection: connection))
            #expect(json["state"] as? String == "booked" && json["start"] as? String == "2026-12-01T12:00:00Z")
            let secondBooking = try #require(json["id"] as? String)
            let closed = try await ControlCommands.addClosure(
                cafe: "huset", date: "2026-12-01", from: nil, to: nil, reason: "vandskade", format: .text, connection: connection
            )
            let lines = closed.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix("Closed huset on 2026-12-01 (vandskade): closure clo_") == true)
            // Tuesday 8 December is closed in cafe.yaml: the booking moves to the 15th.
            #expect(lines.dropFirst().first?.hasPrefix("    moved \(secondBooking) (case \(second)) to 2026-12-15 13:00 (CET) with ") == true)
            let closureID = try #require(lines.first?.components(separatedBy: "closure ").last.map { String($0.dropLast()) })

            let listed = try await ControlCommands.listClosures(cafe: "huset", format: .text, connection: connection)
            #expect(listed.hasPrefix("Closures of huset (Rådgivningscaféen), current and future:\n    2026-12-01               vandskade  \(closureID)  (by admin:test-admin, 2026-12-01 "))
            #expect(listed.hasSuffix("\n    2026-12-08               juleafslutning  (cafe.yaml)"))
            let listedJSON = try jsonObject(try await ControlCommands.listClosures(cafe: "huset", format: .json, connection: connection))
            #expect((listedJSON["closures"] as? [[String: Any]])?.count == 2)

            #expect(try await ControlCommands.removeClosure(cafe: "huset", closure: closureID, connection: connection)
                == "Removed closure \(closureID) from huset: its days are bookable again (bookings it moved or cancelled stay as they are).")
            let gone = await controlError { () async throws(ControlError) in
                try await ControlCommands.removeClosure(cafe: "huset", closure: closureID, connection: connection)
            }
            #expect(gone?.message.hasPrefix("Café huset has no closure \(closureID).") == true)

            // Flags that cannot make a closure are refused before the daemon is asked.
            for (date, from, to, reason) in [("2026-12-01", "2026-12-01", nil, "x"), (nil, "2026-12-01", nil, "x"), ("1. december", nil, nil, "x"), ("2026-12-01", nil, nil, " ")] as [(String?, String?, String?, String)] {
                let refused = await controlError { () async throws(ControlError) in
                    try await ControlCommands.addClosure(cafe: "huset", date: date, from: from, to: to, reason: reason, format: .text, connection: connection)
                }
                #expect(refused?.code == .usage)
            }
            let backwards = await controlError { () async throws(ControlError) in
                try await ControlCommands.addClosure(cafe: "huset", date: nil, from: "2026-12-10", to: "2026-12-09", reason: "x", format: .text, connection: connection)
            }
            #expect(backwards?.message == "--to (2026-12-09) must be on or after --from (2026-12-10).")
        }
    }
}
