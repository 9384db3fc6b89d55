import Foundation
import MentorlineConfig
@testable import MentorlineCore
import Testing

/// `cafe.yaml`: every key read, and mistakes reported at their file:line:column with a hint.
@Suite struct CafeConfigurationTests {
    static let roster = ConfigFixture.minimalRoster.replacingOccurrences(
        of: "  - {id: placement, label: praktik}", with: "  - {id: placement, label: praktik}\n  - {id: debt, label: gæld}"
    ).replacingOccurrences(of: "  - id: everything\n", with: "  - id: cafe\n    match: {topics: [debt]}\n    cafe: huset\n    policy: standard\n  - id: everything\n")

    static let valid = """
        cafes:
          - id: huset
            name: Rådgivningscaféen
            address: Torvet 1, 4300 Holbæk
            time_zone: Europe/Copenhagen
            sessions:
              - {day: tue, from: "13:00", to: "16:00"}
            slot_length: 45m
            minimum_notice: 1h
            horizon: 14d
            holidays: false
            closures:
              - {date: 2026-12-29, reason: juleferie}
              - {from: 2026-07-06, to: 2026-07-10, reason: sommerferie}
        volunteers:
          - {id: lise, name: Lise Andersen, organisation: Røde Kors, cafe: huset, topics: [debt], languages: [da, en], weekdays: [tue], endpoint: gateway, address: "sms:+4520000000"}
        talks:
          - {id: skat, cafe: huset, title: Skat, date: 2026-12-01, from: "14:00", to: "15:00", seats: 10}
        volunteers_see_names: true
        """

    func fixture(_ cafe: String) -> ConfigFixture {
        var fixture = ConfigFixture()
        fixture.roster = Self.roster
        fixture.files["cafe.yaml"] = cafe
        return fixture
    }

    @Test func everyCafeKeyIsRead() throws {
        let configuration = try fixture(Self.valid).load()
        let cafes = configuration.roster.cafes
        let cafe = try #require(cafes.cafes[CafeID("huset")])
        #expect(cafe.slotLength == .seconds(2700) && cafe.minimumNotice == .seconds(3600) && cafe.horizon == .seconds(14 * 86400))
        #expect(cafe.holidays == nil)
        #expect(cafe.closures.map { "\($0.first)…\($0.last)" } == ["2026-12-29…2026-12-29", "2026-07-06…2026-07-10"])
        let lise = try #require(cafes.volunteers[VolunteerID("lise")])
        #expect(lise.weekdays == [.tuesday] && lise.endpoint == EndpointID("gateway") && lise.address == "sms:+4520000000")
        #expect(cafes.talks[TalkID("skat")]?.seats == 10)
        #expect(cafes.volunteersSeeNames)
        #expect(configuration.roster.routes.first?.cafe == CafeID("huset"))
    }

    @Test func withoutCafeYamlThereIsNoCafeAndARouteNamingOneIsAnError() {
        var fixture = ConfigFixture()
        fixture.roster = Self.roster
        #expect(fixture.errors().contains { $0.hasPrefix("roster.yaml:") && $0.contains("unknown café 'huset'") })
    }

    @Test func mistakesAreReportedWithTheirPlace() {
        let errors = fixture("""
            cafes:
              - id: huset
                name: Rådgivningscaféen
                adress: Torvet 1
                sessions:
                  - {day: tue, from: "13:00", to: "25:00"}
                  - {day: fredag, from: "10:00", to: "12:00"}
                  - {day: thu, from: "12:00", to: "10:00"}
            volunteers:
              - {id: lise, name: Lise, organisation: Røde Kors, cafe: hust, topics: [debts], languages: [dansk]}
              - {id: bo, name: Bo, organisation: Røde Kors, cafe: huset, topics: [debt], languages: [da], weekdays: [mon]}
            talks:
              - {id: skat, cafe: huset, title: Skat, date: 2026-12-02, from: "14:00", to: "15:00", seats: 10}
            """).errors()
        #expect(errors == [
            "cafe.yaml:2:5: missing required key 'address' in café",
            "cafe.yaml:4:5: unknown key 'adress' in café (did you mean 'address'?)",
            "cafe.yaml:6:39: invalid time '25:00' for 'to' (expected HH:MM, e.g. \"08:00\")",
            "cafe.yaml:7:15: invalid weekday 'fredag' (expected mon, tue, wed, thu, fri, sat or sun)",
            "cafe.yaml:8:9: a session must end after it starts (12:00–10:00); sessions do not run past midnight",
            "cafe.yaml:10:59: unknown café 'hust' (did you mean 'huset'?)",
            "cafe.yaml:10:74: unknown topic 'debts' (did you mean 'debt'?)",
            "cafe.yaml:10:94: invalid language code 'dansk' (expected a two- or three-letter ISO 639 code such as 'da')",
        ])
    }

    @Test func volunteersAndTalksMustFitTheSessions() {
        let errors = fixture("""
            cafes:
              - id: huset
                name: Rådgivningscaféen
                address: Torvet 1
                sessions: [{day: tue, from: "13:00", to: "16:00"}]
                closures: [{date: 2026-12-08, reason: juleferie}]
            volunteers:
              - {id: bo, name: Bo, organisation: Røde Kors, cafe: huset, topics: [debt], languages: [da], weekdays: [mon]}
            talks:
              - {id: skat, cafe: huset, title: Skat, date: 2026-12-02, from: "14:00", to: "15:00", seats: 10}
              - {id: lang, cafe: huset, title: Lang, date: 2026-12-01, from: "15:00", to: "16:30", seats: 10}
              - {id: jul, cafe: huset, title: Jul, date: 2026-12-08, from: "14:00", to: "15:00", seats: 0}
              - {id: lukket, cafe: huset, title: Lukket, date: 2026-12-08, from: "14:00", to: "15:00", seats: 5}
            """).errors()
        #expect(errors == [
            "cafe.yaml:8:105: volunteer 'bo' staffs mon, but café 'huset' has no session then",
            "cafe.yaml:10:5: talk 'skat' on 2026-12-02 14:00–15:00 is not within a session of café 'huset' (no session that weekday)",
            "cafe.yaml:11:5: talk 'lang' on 2026-12-01 15:00–16:30 is not within a session of café 'huset' (sessions that day: tue 13:00–16:00)",
            "cafe.yaml:12:93: 'seats' must be at least 1, found 0",
            "cafe.yaml:13:5: talk 'lukket' is on 2026-12-08, when café 'huset' is closed: juleferie",
        ])
    }
}
