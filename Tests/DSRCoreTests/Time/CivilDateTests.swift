import DSRCore
import Testing

@Suite("Civil dates")
struct CivilDateTests {
    @Test("day numbers round-trip over the supported years and beyond")
    func dayNumberRoundTrip() {
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1)!.dayNumber == 11_017)
        for day in stride(from: -1000, through: 60_000, by: 1) {
            let date = CivilDate(dayNumber: day)
            #expect(date.dayNumber == day)
        }
    }

    @Test("impossible dates do not exist")
    func impossibleDates() {
        #expect(CivilDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2028, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2100, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2026, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 2026, month: 13, day: 1) == nil)
    }

    @Test(
        "Easter Sunday by the Gregorian computus",
        arguments: [
            (1995, 4, 16), (2000, 4, 23), (2008, 3, 23), (2011, 4, 24), (2019, 4, 21),
            (2024, 3, 31), (2026, 4, 5), (2027, 3, 28), (2038, 4, 25), (2100, 3, 28),
        ])
    func easter(year: Int, month: Int, day: Int) {
        #expect(CivilDate.easterSunday(year: year) == CivilDate(year: year, month: month, day: day))
    }

    @Test("adding months clamps to the end of the month (Reg. 1182/71 Art. 3(2)(c))")
    func addingMonths() {
        #expect(Fixtures.date("2026-01-31").adding(months: 1) == Fixtures.date("2026-02-28"))
        #expect(Fixtures.date("2028-01-31").adding(months: 1) == Fixtures.date("2028-02-29"))
        #expect(Fixtures.date("2026-03-31").adding(months: 1) == Fixtures.date("2026-04-30"))
        #expect(Fixtures.date("2026-11-30").adding(months: 3) == Fixtures.date("2027-02-28"))
        #expect(Fixtures.date("2026-12-15").adding(months: 1) == Fixtures.date("2027-01-15"))
    }

    @Test("weekdays: 1970-01-01 was a Thursday, 2026-11-27 is a Friday")
    func weekdays() {
        #expect(CivilDate(dayNumber: 0).weekday == .thursday)
        #expect(Fixtures.date("2026-11-27").weekday == .friday)
        #expect(CivilDate(dayNumber: -1).weekday == .wednesday)
    }

    @Test(
        "ISO 8601 periods",
        arguments: [
            ("P1M", 1, 0), ("P2M", 2, 0), ("P3Y", 36, 0), ("P7D", 0, 7), ("P2W", 0, 14), ("P1Y2M3D", 14, 3),
        ])
    func periods(text: String, months: Int, days: Int) {
        #expect(LegalPeriod(iso8601: text) == LegalPeriod(months: months, days: days))
    }

    @Test("malformed periods are refused", arguments: ["", "P", "1M", "PM", "P1H", "P1D1M", "PT1H", "P-1M", "P1.5M"])
    func malformedPeriods(text: String) {
        #expect(LegalPeriod(iso8601: text) == nil)
    }
}
