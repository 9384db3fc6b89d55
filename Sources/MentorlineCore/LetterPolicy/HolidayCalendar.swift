/// Which Danish holidays hold letters: all public holidays while `enabled`, plus the custom-closed days
/// switched on in `customDays`.
package struct HolidayCalendar: Hashable, Sendable {
    /// Off: no day is a holiday.
    package var enabled: Bool
    /// The days closed by custom that count as holidays. Only members whose `isClosedByCustom` is true
    /// have an effect: public holidays are always observed while the calendar is enabled.
    package var customDays: Set<DanishHoliday>

    /// By default every public holiday and every custom-closed day is observed.
    package init(enabled: Bool = true, customDays: Set<DanishHoliday> = DanishHoliday.closedByCustom) {
        self.enabled = enabled
        self.customDays = customDays
    }

    /// Whether letters are held on `holiday` (when it falls in a year at all).
    package func observes(_ holiday: DanishHoliday) -> Bool {
        enabled && (!holiday.isClosedByCustom || customDays.contains(holiday))
    }

    /// The observed holiday on `date`, or nil. Where two fall on one date the public holiday is named.
    package func holiday(on date: LocalDate) -> DanishHoliday? {
        guard enabled else { return nil }
        let easter = LocalDate.easterSunday(in: date.year)
        return DanishHoliday.allCases.first { observes($0) && $0.date(in: date.year, easterSunday: easter) == date }
    }

    /// The observed holidays of `year` in date order, one per date, named as `holiday(on:)` names them.
    package func holidays(in year: Int) -> [(date: LocalDate, holiday: DanishHoliday)] {
        guard enabled else { return [] }
        let easter = LocalDate.easterSunday(in: year)
        var byDate: [LocalDate: DanishHoliday] = [:]
        for holiday in DanishHoliday.allCases where observes(holiday) {
            guard let date = holiday.date(in: year, easterSunday: easter), byDate[date] == nil else { continue }
            byDate[date] = holiday
        }
        return byDate.sorted { $0.key < $1.key }.map { (date: $0.key, holiday: $0.value) }
    }
}
