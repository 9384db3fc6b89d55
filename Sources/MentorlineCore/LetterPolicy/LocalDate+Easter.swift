extension LocalDate {
    /// Easter Sunday of a Gregorian `year`, by the anonymous Gregorian computus (Meeus/Jones/Butcher).
    /// Meaningful for 1583 (the first full Gregorian year) onwards.
    package static func easterSunday(in year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        // The published form splits `h + l - 7m + 114` into month and day; it is the same date counted
        // as "the nth of March" (22…56), which cannot produce an invalid date for any year.
        let dayOfMarch = h + l - 7 * m + 22
        return LocalDate(year: year, month: 3, day: 1)!.adding(days: dayOfMarch - 1)
    }
}
