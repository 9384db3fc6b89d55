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
}
