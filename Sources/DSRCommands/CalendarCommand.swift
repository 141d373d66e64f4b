import ArgumentParser
import DSRApp
import DSRCore
import Foundation

/// `dsr calendar`: the public holidays of a year and Land, and the policy's office closures.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "List the public holidays of a year (and the policy's office closures).")

    @Option(name: .long, help: "The year (1995–2100).")
    var year: Int?

    @Flag(name: .long, help: "Print the open cases' deadlines and internal due dates as iCalendar (RFC 5545).")
    var deadlines = false

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Land code (RP, BY, …). Default: the policy's Land.")
    var land: String?

    @OptionGroup var policyOptions: PolicyOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if deadlines { return }
        guard let year else { throw ValidationError("give --year YYYY, or --deadlines") }
        guard DeadlineEngine.supportedYears.contains(year) else {
            throw ValidationError(
                "--year must be within \(DeadlineEngine.supportedYears.lowerBound)–\(DeadlineEngine.supportedYears.upperBound)"
            )
        }
        if let land, Land(code: land) == nil {
            throw ValidationError(
                "unknown Land '\(land)'; valid: " + Land.allCases.map(\.rawValue).joined(separator: " "))
        }
    }

    /// One line of the calendar.
    struct Entry {
        var date: CivilDate
        var name: String
        var isClosure: Bool
    }

    func run() throws {
        if deadlines {
            try store.session(policy: policyOptions, for: .exportDeadlines)
                .export(ReportRequest(format: .ics, language: output.lang, csvDialect: .rfc4180), to: "-")
            return
        }
        let year = self.year!
        let loaded = try policyOptions.load()
        let selectedLand = land.flatMap { Land(code: $0) } ?? loaded.policy.land
        let rules = loaded.holidayRules + (selectedLand == loaded.policy.land ? loaded.policy.localHolidays : [])
        let holidays = HolidayCalendar(land: selectedLand, rules: rules).holidays(in: year)
        var entries = holidays.map {
            Entry(date: $0.date, name: output.lang.pick($0.name, $0.englishName), isClosure: false)
        }
        for closure in loaded.policy.closures {
            if let date = closure.date.date(in: year) {
                entries.append(Entry(date: date, name: closure.name, isClosure: true))
            }
        }
        entries.sort { ($0.date, $0.isClosure ? 1 : 0) < ($1.date, $1.isClosure ? 1 : 0) }

        if output.json {
            try OrderedJSONEncoder.print(
                entries.map {
                    CalendarDayJSON(
                        date: ISOFormat.date($0.date), name: $0.name, kind: $0.isClosure ? "closure" : "holiday")
                })
            return
        }
        guard let zone = ZoneRules(identifier: loaded.policy.timeZone, years: year...year) else {
            throw DSRCoreError.unknownTimeZone(loaded.policy.timeZone)
        }
        let format = HumanFormat(language: output.lang, zone: zone)
        var text = output.lang.pick(
            "Gesetzliche Feiertage \(year) in \(selectedLand.name) und Schließtage laut Policy\n",
            "Public holidays \(year) in \(selectedLand.name) and office closures by the policy\n")
        for entry in entries {
            let marker = entry.isClosure ? output.lang.pick("  [Schließtag]", "  [office closed]") : ""
            text += "\(format.date(entry.date))  \(entry.name)\(marker)\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

/// A public holiday or office closure, as `dsr calendar --year --json` prints it.
private struct CalendarDayJSON: Encodable {
    let date: String
    let name: String
    let kind: String
}
