import ArgumentParser
import DSRApp
import DSRCore
import DSRReports
import Foundation

/// `dsr export`: reports for the data protection officer — audit XML, HTML, CSV, ICS.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the cases of a period: audit XML, HTML report, CSV or ICS.",
        discussion: """
            Without --include-personal-data the export is pseudonymous (case ids, kinds, channels, \
            dates, outcomes, legal bases). With it, names, contacts and free text are included and \
            the export is recorded as an event in the log.
            """)

    @Option(name: .long, help: "xml, html, csv or ics.")
    var format: ReportFormat

    @Option(
        name: .long, help: ArgumentHelp("First day of the period (default: 1 January of this year).", valueName: "date")
    )
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Last day of the period (default: today).", valueName: "date"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Output file (default: standard output).", valueName: "file"))
    var out: String?

    @Flag(
        name: .customLong("include-personal-data"), help: "Include names, contacts and free text (recorded in the log)."
    )
    var includePersonalData = false

    @Option(name: .customLong("csv-dialect"), help: "excel-de (semicolon, BOM, German dates) or rfc4180.")
    var csvDialect: CSVExport.Dialect = .excelDE

    @Option(name: .long, help: "Language: de or en.")
    var lang: Language = .de

    @Option(name: .long, help: ArgumentHelp("Evaluate statuses at this moment (default: now).", valueName: "when"))
    var at: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions

    func validate() throws {
        if includePersonalData, format == .ics {
            throw ValidationError("calendar feeds never carry personal data; drop --include-personal-data")
        }
    }

    func run() throws {
        let session = try store.session(policy: policy, for: includePersonalData ? .exportPersonalData : .exportReport)
        let request = ReportRequest(
            format: format, from: try from.map { try CivilDateInput.parse($0) },
            to: try to.map { try CivilDateInput.parse($0) },
            includePersonalData: includePersonalData, language: lang,
            csvDialect: csvDialect,
            at: try at.map { try session.instant($0) })
        try namingFlags(["the period starts after it ends": "--from lies after --to"]) {
            try session.export(request, to: out ?? "-")
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}

extension CSVExport.Dialect: ExpressibleByArgument {}
