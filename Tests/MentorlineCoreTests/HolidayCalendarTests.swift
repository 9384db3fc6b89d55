import Testing
@testable import MentorlineCore

private typealias L = LetterFixtures

@Suite struct HolidayCalendarTests {
    @Test(arguments: [
        (DanishHoliday.newYearsDay, "new_years_day", "New Year's Day", "nytårsdag", false),
        (.maundyThursday, "maundy_thursday", "Maundy Thursday", "skærtorsdag", false),
        (.goodFriday, "good_friday", "Good Friday", "langfredag", false),
        (.easterSunday, "easter_sunday", "Easter Sunday", "påskedag", false),
        (.easterMonday, "easter_monday", "Easter Monday", "2. påskedag", false),
        (.generalPrayerDay, "general_prayer_day", "General Prayer Day", "store bededag", false),
        (.ascensionDay, "ascension_day", "Ascension Day", "Kristi himmelfartsdag", false),
        (.whitSunday, "whit_sunday", "Whit Sunday", "pinsedag", false),
        (.whitMonday, "whit_monday", "Whit Monday", "2. pinsedag", false),
        (.christmasDay, "christmas_day", "Christmas Day", "juledag", false),
        (.boxingDay, "boxing_day", "Boxing Day", "2. juledag", false),
        (.constitutionDay, "constitution_day", "Constitution Day", "grundlovsdag", true),
        (.christmasEve, "christmas_eve", "Christmas Eve", "juleaften", true),
        (.newYearsEve, "new_years_eve", "New Year's Eve", "nytårsaften", true),
    ])
    func names(holiday: DanishHoliday, rawValue: String, name: String, danishName: String, closedByCustom: Bool) {
        #expect(DanishHoliday(rawValue: rawValue) == holiday)
        #expect(holiday.name == name)
        #expect(holiday.danishName == danishName)
        #expect(holiday.isClosedByCustom == closedByCustom)
    }

    /// Every observed day, as published for Denmark; General Prayer Day last fell in 2023.
    @Test(arguments: [
        (2023, [
            ("2023-01-01", DanishHoliday.newYearsDay), ("2023-04-06", .maundyThursday), ("2023-04-07", .goodFriday),
            ("2023-04-09", .easterSunday), ("2023-04-10", .easterMonday), ("2023-05-05", .generalPrayerDay),
            ("2023-05-18", .ascensionDay), ("2023-05-28", .whitSunday), ("2023-05-29", .whitMonday),
            ("2023-06-05", .constitutionDay), ("2023-12-24", .christmasEve), ("2023-12-25", .christmasDay),
            ("2023-12-26", .boxingDay), ("2023-12-31", .newYearsEve),
        ]),
        (2024, [
            ("2024-01-01", .newYearsDay), ("2024-03-28", .maundyThursday), ("2024-03-29", .goodFriday),
            ("2024-03-31", .easterSunday), ("2024-04-01", .easterMonday), ("2024-05-09", .ascensionDay),
            ("2024-05-19", .whitSunday), ("2024-05-20", .whitMonday), ("2024-06-05", .constitutionDay),
            ("2024-12-24", .christmasEve), ("2024-12-25", .christmasDay), ("2024-12-26", .boxingDay), ("2024-12-31", .newYearsEve),
        ]),
        (2025, [
            ("2025-01-01", .newYearsDay), ("2025-04-17", .maundyThursday), ("2025-04-18", .goodFriday),
            ("2025-04-20", .easterSunday), ("2025-04-21", .easterMonday), ("2025-05-29", .ascensionDay),
            ("2025-06-05", .constitutionDay), ("2025-06-08", .whitSunday), ("2025-06-09", .whitMonday),
            ("2025-12-24", .christmasEve), ("2025-12-25", .christmasDay), ("2025-12-26", .boxingDay), ("2025-12-31", .newYearsEve),
        ]),
        (2026, [
            ("2026-01-01", .newYearsDay), ("2026-04-02", .maundyThursday), ("2026-04-03", .goodFriday),
            ("2026-04-05", .easterSunday), ("2026-04-06", .easterMonday), ("2026-05-14", .ascensionDay),
            ("2026-05-24", .whitSunday), ("2026-05-25", .whitMonday), ("2026-06-05", .constitutionDay),
            ("2026-12-24", .christmasEve), ("2026-12-25", .christmasDay), ("2026-12-26", .boxingDay), ("2026-12-31", .newYearsEve),
        ]),
        (2027, [
            ("2027-01-01", .newYearsDay), ("2027-03-25", .maundyThursday), ("2027-03-26", .goodFriday),
            ("2027-03-28", .easterSunday), ("2027-03-29", .easterMonday), ("2027-05-06", .ascensionDay),
            ("2027-05-16", .whitSunday), ("2027-05-17", .whitMonday), ("2027-06-05", .constitutionDay),
            ("2027-12-24", .christmasEve), ("2027-12-25", .christmasDay), ("2027-12-26", .boxingDay), ("2027-12-31", .newYearsEve),
        ]),
    ] as [(Int, [(String, DanishHoliday)])])
    func fullYear(year: Int, expected: [(String, DanishHoliday)]) {
        let listed = HolidayCalendar().holidays(in: year)
        #expect(listed.map(\.date) == expected.map { L.date($0.0) })
        #expect(listed.map(\.holiday) == expected.map(\.1))
    }

    @Test func generalPrayerDayIsAbolishedFrom2024() {
        #expect(DanishHoliday.generalPrayerDay.date(in: 2023) == L.date("2023-05-05"))
        #expect(DanishHoliday.generalPrayerDay.date(in: 2024) == nil)
        #expect(HolidayCalendar().holiday(on: L.date("2023-05-05")) == .generalPrayerDay)
        // 2024's would have been 26 April.
        #expect(HolidayCalendar().holiday(on: L.date("2024-04-26")) == nil)
    }

    /// `holiday(on:)` names exactly the dates `holidays(in:)` lists, for every day of 2015–2030.
    @Test(arguments: [HolidayCalendar(), HolidayCalendar(customDays: [.christmasEve]), HolidayCalendar(enabled: false)])
    func lookupAgreesWithYearList(calendar: HolidayCalendar) {
        for year in 2015...2030 {
            let listed = Dictionary(uniqueKeysWithValues: calendar.holidays(in: year).map { ($0.date, $0.holiday) })
            var date = LocalDate(year: year, month: 1, day: 1)!
            while date.year == year {
                #expect(calendar.holiday(on: date) == listed[date], "\(date)")
                date = date.adding(days: 1)
            }
        }
    }

    /// Each day closed by custom can be switched off on its own; public holidays cannot.
    @Test(arguments: [
        ([], []),
        ([.constitutionDay], ["2026-06-05"]),
        ([.christmasEve], ["2026-12-24"]),
        ([.newYearsEve], ["2026-12-31"]),
        ([.constitutionDay, .christmasEve, .newYearsEve], ["2026-06-05", "2026-12-24", "2026-12-31"]),
        // Public holidays in the set change nothing.
        ([.easterSunday], []),
    ] as [(Set<DanishHoliday>, [String])])
    func customDaysSwitch(customDays: Set<DanishHoliday>, observedCustomDates: [String]) {
        let calendar = HolidayCalendar(customDays: customDays)
        let customDates = calendar.holidays(in: 2026).filter(\.holiday.isClosedByCustom).map(\.date)
        #expect(customDates == observedCustomDates.map(L.date))
        #expect(calendar.holidays(in: 2026).count == 10 + observedCustomDates.count)
        #expect(calendar.holiday(on: L.date("2026-04-05")) == .easterSunday)
    }

    @Test func disabledCalendarHasNoHolidays() {
        let calendar = HolidayCalendar(enabled: false)
        #expect(calendar.holidays(in: 2026).isEmpty)
        #expect(calendar.holiday(on: L.date("2026-12-25")) == nil)
        #expect(!calendar.observes(.christmasDay))
    }

    /// In 2017 Whit Monday fell on Constitution Day: the public holiday is named, and switching the custom
    /// day off leaves the date a holiday.
    @Test func publicHolidayWinsASharedDate() {
        let shared = L.date("2017-06-05")
        #expect(HolidayCalendar().holiday(on: shared) == .whitMonday)
        #expect(HolidayCalendar(customDays: []).holiday(on: shared) == .whitMonday)
        #expect(HolidayCalendar().holidays(in: 2017).filter { $0.date == shared }.map(\.holiday) == [.whitMonday])
        #expect(HolidayCalendar().holidays(in: 2017).count == 13)
    }
}
