import Foundation
@testable import MentorlineCore

/// A café in Copenhagen's zone open Tuesday 13:00–16:00 and Thursday 10:00–13:00, with three volunteers.
enum CafeFixtures {
    static let copenhagen = Fixtures.copenhagen
    static let cafeID = CafeID("borgerhuset")

    static func at(_ date: String, _ time: String) -> Date { Fixtures.at(date, time) }

    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    static func session(_ day: Weekday, _ from: String, _ to: String) -> CafeSession {
        CafeSession(weekday: day, from: WallClockTime(from)!, to: WallClockTime(to)!)
    }

    static func cafe(
        sessions: [CafeSession] = [session(.tuesday, "13:00", "16:00"), session(.thursday, "10:00", "13:00")], closures: [CafeClosure] = [],
        holidays: HolidayCalendar? = HolidayCalendar()
    ) -> Cafe {
        Cafe(
            id: cafeID, name: "Rådgivningscaféen i Borgerhuset", address: "Torvet 3, 4300 Holbæk", timeZone: copenhagen, sessions: sessions,
            closures: closures, holidays: holidays
        )
    }

    /// Lise (Røde Kors): debt and economy in Danish and English on Tuesdays. Ahmed (Dansk Folkehjælp):
    /// debt, economy and digital help in Danish and Arabic on Thursdays. Karen (Den Sociale Retshjælp):
    /// debt and tax in Danish, on dates she signs up for.
    static let volunteers: [Volunteer] = [
        Volunteer(
            id: VolunteerID("lise-andersen"), name: "Lise Andersen", organisation: "Røde Kors", cafe: cafeID, topics: topics("debt", "economy"),
            languages: [LanguageCode("da")!, LanguageCode("en")!], weekdays: [.tuesday]
        ),
        Volunteer(
            id: VolunteerID("ahmed-nasser"), name: "Ahmed Nasser", organisation: "Dansk Folkehjælp", cafe: cafeID,
            topics: topics("debt", "economy", "digital-help"), languages: [LanguageCode("da")!, LanguageCode("ar")!], weekdays: [.thursday]
        ),
        Volunteer(
            id: VolunteerID("karen-munk"), name: "Karen Munk", organisation: "Den Sociale Retshjælp", cafe: cafeID, topics: topics("debt", "tax"),
            languages: [LanguageCode("da")!]
        ),
    ]

    static func topics(_ ids: String...) -> Set<TopicID> { Set(ids.map(TopicID.init)) }

    static func directory(_ cafe: Cafe = cafe()) -> CafeDirectory {
        CafeDirectory(cafes: [cafe.id: cafe], volunteers: Dictionary(uniqueKeysWithValues: volunteers.map { ($0.id, $0) }))
    }

    static func search(_ cafe: Cafe = cafe(), occupancy: CafeOccupancy = CafeOccupancy()) -> SlotSearch {
        SlotSearch(cafe: cafe, directory: directory(cafe), occupancy: occupancy)
    }

    static func request(_ topics: [String], _ language: String = "da", preferences: SlotPreferences? = nil) -> SlotSearch.Request {
        SlotSearch.Request(topics: topics.map(TopicID.init), language: LanguageCode(language)!, preferences: preferences)
    }

    static func booking(_ volunteer: String, at start: Date, id: String = "bkg_1", state: BookingState = .booked) -> CafeBooking {
        CafeBooking(
            id: BookingID(id), caseID: CaseID("case_\(id)"), cafe: cafeID, volunteer: VolunteerID(volunteer), start: start,
            end: start.addingTimeInterval(1800), state: state, createdAt: utc("2026-01-01T00:00:00Z")
        )
    }

    static func signup(_ volunteer: String, _ date: String) -> VolunteerSignup {
        VolunteerSignup(volunteer: VolunteerID(volunteer), cafe: cafeID, date: LocalDate(date)!)
    }
}

extension SlotSearch.Result {
    var choice: SlotSearch.Choice? {
        if case .found(let choice) = self { return choice }
        return nil
    }

    var reason: String? {
        if case .none(let reason) = self { return reason }
        return nil
    }
}
