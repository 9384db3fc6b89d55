import Testing
@testable import MentorlineCore

@Suite struct EasterTests {
    /// Easter Sunday as published (checked against python-dateutil's `easter`, an independent method),
    /// including the years where Gauss's exceptions apply (1954, 1981, 2049, 2076).
    @Test(arguments: [
        (2000, "2000-04-23"), (2001, "2001-04-15"), (2002, "2002-03-31"), (2003, "2003-04-20"), (2004, "2004-04-11"),
        (2005, "2005-03-27"), (2006, "2006-04-16"), (2007, "2007-04-08"), (2008, "2008-03-23"), (2009, "2009-04-12"),
        (2010, "2010-04-04"), (2011, "2011-04-24"), (2012, "2012-04-08"), (2013, "2013-03-31"), (2014, "2014-04-20"),
        (2015, "2015-04-05"), (2016, "2016-03-27"), (2017, "2017-04-16"), (2018, "2018-04-01"), (2019, "2019-04-21"),
        (2020, "2020-04-12"), (2021, "2021-04-04"), (2022, "2022-04-17"), (2023, "2023-04-09"), (2024, "2024-03-31"),
        (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"), (2028, "2028-04-16"), (2029, "2029-04-01"),
        (2030, "2030-04-21"), (2031, "2031-04-13"), (2032, "2032-03-28"), (2033, "2033-04-17"), (2034, "2034-04-09"),
        (2035, "2035-03-25"), (2038, "2038-04-25"), (2285, "2285-03-22"),
        (1583, "1583-04-10"), (1700, "1700-04-11"), (1818, "1818-03-22"), (1954, "1954-04-18"), (1981, "1981-04-19"),
        (2049, "2049-04-18"), (2076, "2076-04-19"), (2160, "2160-03-23"), (2190, "2190-04-25"), (3000, "3000-04-13"),
    ])
    func publishedDates(year: Int, expected: String) {
        #expect(LocalDate.easterSunday(in: year) == LocalDate(expected))
    }

    /// Agrees with Gauss's algorithm over a full cycle of the Gregorian leap rules and beyond.
    @Test func agreesWithGauss() {
        for year in 1583...4099 {
            #expect(LocalDate.easterSunday(in: year) == LetterFixtures.gaussEaster(year), "\(year)")
        }
    }

    @Test func alwaysASundayBetweenMarch22AndApril25() {
        for year in 1583...4099 {
            let easter = LocalDate.easterSunday(in: year)
            #expect(Weekday(easter) == .sunday)
            #expect(easter >= LocalDate(year: year, month: 3, day: 22)! && easter <= LocalDate(year: year, month: 4, day: 25)!)
        }
    }
}
