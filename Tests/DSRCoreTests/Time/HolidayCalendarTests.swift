import DSRCore
import Testing

@Suite("Public holidays")
struct HolidayCalendarTests {
    let rules = Fixtures.kaiserslautern.holidayRules

    func dates(_ land: Land, _ year: Int) -> [String] {
        HolidayCalendar(land: land, rules: rules).holidays(in: year).map(\.date.description)
    }

    @Test("Rhineland-Palatinate 2026 (LFtG § 2)")
    func rhinelandPalatinate() {
        #expect(
            dates(.RP, 2026) == [
                "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25",
                "2026-06-04", "2026-10-03", "2026-11-01", "2026-12-25", "2026-12-26",
            ])
    }

    @Test("Reformation Day 2017 everywhere, once; from 2018 in the North")
    func reformationDay() {
        for land in Land.allCases { #expect(dates(land, 2017).contains("2017-10-31")) }
        #expect(!dates(.RP, 2018).contains("2018-10-31"))
        #expect(dates(.HH, 2018).contains("2018-10-31"))
        #expect(!dates(.HH, 2016).contains("2016-10-31"))
        #expect(dates(.SN, 2017).filter { $0 == "2017-10-31" }.count == 1)
    }

    @Test("Repentance Day in Saxony: the Wednesday before 23 November")
    func repentanceDay() {
        #expect(dates(.SN, 2023).contains("2023-11-22"))
        #expect(dates(.SN, 2026).contains("2026-11-18"))
        #expect(dates(.SN, 2025).contains("2025-11-19"))
        #expect(!dates(.BY, 2026).contains("2026-11-18"))
    }

    @Test("holidays that came later start in their year")
    func validFrom() {
        #expect(!dates(.BE, 2018).contains("2018-03-08"))
        #expect(dates(.BE, 2019).contains("2019-03-08"))
        #expect(!dates(.MV, 2022).contains("2022-03-08"))
        #expect(dates(.MV, 2023).contains("2023-03-08"))
        #expect(dates(.TH, 2019).contains("2019-09-20"))
        #expect(dates(.BE, 2025).contains("2025-05-08"))
        #expect(!dates(.BE, 2026).contains("2026-05-08"))
    }

    static let nationwide = [
        "Neujahr", "Karfreitag", "Ostermontag", "Tag der Arbeit", "Christi Himmelfahrt",
        "Pfingstmontag", "Tag der Deutschen Einheit", "1. Weihnachtstag", "2. Weihnachtstag",
    ]

    @Test("every Land has the nine nationwide holidays in every year", arguments: Land.allCases)
    func nationwide(land: Land) {
        let calendar = HolidayCalendar(land: land, rules: rules)
        for year in DeadlineEngine.supportedYears {
            let names = calendar.holidays(in: year).map(\.name).joined(separator: " / ")
            for name in Self.nationwide { #expect(names.contains(name), "\(land) \(year) lacks \(name)") }
        }
    }

    @Test("Ascension on Labour Day 2008 is one day with both names")
    func coincidingHolidays() {
        let day = HolidayCalendar(land: .HH, rules: rules).holidays(in: 2008).first {
            $0.date.description == "2008-05-01"
        }
        #expect(day?.name == "Tag der Arbeit / Christi Himmelfahrt")
    }
}
