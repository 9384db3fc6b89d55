/// A day on which Danish municipal offices are closed: the public holidays (helligdage) and the days
/// closed by custom (`isClosedByCustom`). Raw values are the names used in configuration.
///
/// Cases are declared public holidays first. Two can fall on one date (Whit Monday was Constitution Day
/// in 2017); wherever one holiday must be named for a date, the first declared wins.
package enum DanishHoliday: String, CaseIterable, Hashable, Sendable {
    /// 1 January.
    case newYearsDay = "new_years_day"
    /// Three days before Easter Sunday.
    case maundyThursday = "maundy_thursday"
    /// Two days before Easter Sunday.
    case goodFriday = "good_friday"
    /// By the Gregorian computus (`LocalDate.easterSunday(in:)`).
    case easterSunday = "easter_sunday"
    /// The day after Easter Sunday.
    case easterMonday = "easter_monday"
    /// The fourth Friday after Easter (26 days after Easter Sunday); abolished from 2024, so only in 2023 and earlier.
    case generalPrayerDay = "general_prayer_day"
    /// 39 days after Easter Sunday.
    case ascensionDay = "ascension_day"
    /// 49 days after Easter Sunday.
    case whitSunday = "whit_sunday"
    /// 50 days after Easter Sunday.
    case whitMonday = "whit_monday"
    /// 25 December.
    case christmasDay = "christmas_day"
    /// 26 December.
    case boxingDay = "boxing_day"
    /// 5 June; closed by custom.
    case constitutionDay = "constitution_day"
    /// 24 December; closed by custom.
    case christmasEve = "christmas_eve"
    /// 31 December; closed by custom.
    case newYearsEve = "new_years_eve"

    /// The last year with a General Prayer Day (store bededag).
    package static let lastGeneralPrayerDay = 2023

    /// The days that are not public holidays but on which offices close by custom.
    package static let closedByCustom: Set<DanishHoliday> = Set(allCases.filter(\.isClosedByCustom))

    /// English name, as shown in hold reasons ("Whit Monday").
    package var name: String {
        switch self {
        case .newYearsDay: "New Year's Day"
        case .maundyThursday: "Maundy Thursday"
        case .goodFriday: "Good Friday"
        case .easterSunday: "Easter Sunday"
        case .easterMonday: "Easter Monday"
        case .generalPrayerDay: "General Prayer Day"
        case .ascensionDay: "Ascension Day"
        case .whitSunday: "Whit Sunday"
        case .whitMonday: "Whit Monday"
        case .christmasDay: "Christmas Day"
        case .boxingDay: "Boxing Day"
        case .constitutionDay: "Constitution Day"
        case .christmasEve: "Christmas Eve"
        case .newYearsEve: "New Year's Eve"
        }
    }

    /// Danish name, as in the Danish holiday act where it names the day ("2. pinsedag").
    package var danishName: String {
        switch self {
        case .newYearsDay: "nytårsdag"
        case .maundyThursday: "skærtorsdag"
        case .goodFriday: "langfredag"
        case .easterSunday: "påskedag"
        case .easterMonday: "2. påskedag"
        case .generalPrayerDay: "store bededag"
        case .ascensionDay: "Kristi himmelfartsdag"
        case .whitSunday: "pinsedag"
        case .whitMonday: "2. pinsedag"
        case .christmasDay: "juledag"
        case .boxingDay: "2. juledag"
        case .constitutionDay: "grundlovsdag"
        case .christmasEve: "juleaften"
        case .newYearsEve: "nytårsaften"
        }
    }

    /// True for the days that are not public holidays but on which offices close by custom:
    /// Constitution Day, Christmas Eve and New Year's Eve.
    package var isClosedByCustom: Bool {
        switch self {
        case .constitutionDay, .christmasEve, .newYearsEve: true
        default: false
        }
    }

    /// The date of the holiday in `year`, or nil when there is none (General Prayer Day after 2023).
    package func date(in year: Int) -> LocalDate? {
        date(in: year, easterSunday: LocalDate.easterSunday(in: year))
    }

    /// `date(in:)` with that year's Easter Sunday already computed, for callers that ask about every case.
    func date(in year: Int, easterSunday easter: LocalDate) -> LocalDate? {
        switch self {
        case .newYearsDay: LocalDate(year: year, month: 1, day: 1)
        case .maundyThursday: easter.adding(days: -3)
        case .goodFriday: easter.adding(days: -2)
        case .easterSunday: easter
        case .easterMonday: easter.adding(days: 1)
        case .generalPrayerDay: year <= Self.lastGeneralPrayerDay ? easter.adding(days: 26) : nil
        case .ascensionDay: easter.adding(days: 39)
        case .whitSunday: easter.adding(days: 49)
        case .whitMonday: easter.adding(days: 50)
        case .christmasDay: LocalDate(year: year, month: 12, day: 25)
        case .boxingDay: LocalDate(year: year, month: 12, day: 26)
        case .constitutionDay: LocalDate(year: year, month: 6, day: 5)
        case .christmasEve: LocalDate(year: year, month: 12, day: 24)
        case .newYearsEve: LocalDate(year: year, month: 12, day: 31)
        }
    }
}
