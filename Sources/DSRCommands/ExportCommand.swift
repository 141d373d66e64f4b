import DSRApp
import ArgumentParser
import DSRCore
import DSRReports
import DSRStore
import Foundation

/// `dsr export`: reports for the data protection officer — audit XML, HTML, CSV, ICS.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the cases of a period: audit XML, HTML report, CSV or ICS.",
        discussion: """
            Without --include-personal-data the export is pseudonymous (case ids, kinds, channels, \\
            dates, outcomes, legal bases). With it, names, contacts and free text are included and \\
            the export is recorded as an event in the log.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case xml, html, csv, ics
    }

    @Option(name: .long, help: "xml, html, csv or ics.")
    var format: Format

    @Option(name: .long, help: ArgumentHelp("First day of the period (default: 1 January of this year).", valueName: "date"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Last day of the period (default: today).", valueName: "date"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Output file (default: standard output).", valueName: "file"))
    var out: String?

    @Flag(name: .customLong("include-personal-data"), help: "Include names, contacts and free text (recorded in the log).")
    var includePersonalData = false

    @Option(name: .customLong("csv-dialect"), help: "excel-de (semicolon, BOM, German dates) or rfc4180.")
    var csvDialect: String = "excel-de"

    @Option(name: .long, help: "Language: de or en.")
    var lang: Language = .de

    @Option(name: .long, help: ArgumentHelp("Evaluate statuses at this moment (default: now).", valueName: "when"))
    var at: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var policy: PolicyOptions

    func validate() throws {
        guard CSVExport.Dialect(rawValue: csvDialect) != nil else {
            throw ValidationError("--csv-dialect must be excel-de or rfc4180")
        }
        if includePersonalData, format == .ics {
            throw ValidationError("calendar feeds never carry personal data; drop --include-personal-data")
        }
    }

    func run() throws {
        let context = try store.session(policy: policy, for: includePersonalData ? .exportPersonalData : .exportReport)
        try ExportRunner(context: context, language: lang).run(
            format: format, from: from, to: to, out: out ?? "-", includePersonalData: includePersonalData,
            csvDialect: CSVExport.Dialect(rawValue: csvDialect)!, at: try at.map { try context.instant($0) })
    }
}

/// The chain's verification, started now on a thread of its own; the returned closure waits
/// for it (the reports need it only for their last section).
private final class BackgroundVerification: @unchecked Sendable {
    private var result: Result<VerificationReport, Error>?
    private let done = DispatchSemaphore(value: 0)

    init(store: CaseStore) {
        Thread {
            self.result = Result { try store.verify(parallelism: 1) }  // one core; the export has the other
            self.done.signal()
        }.start()
    }

    func wait() throws -> VerificationReport {
        done.wait()
        done.signal()
        return try result!.get()
    }
}

/// Runs an export (shared by `dsr export` and `dsr calendar --deadlines`).
struct ExportRunner {
    let context: Session
    let language: Language

    func run(
        format: ExportCommand.Format, from: String?, to: String?, out: String, includePersonalData: Bool,
        csvDialect: CSVExport.Dialect, at: Instant? = nil
    ) throws {
        func verificationInBackground() -> () throws -> VerificationReport {
            let verification = BackgroundVerification(store: context.store)
            return { try verification.wait() }
        }
        let now = at ?? context.now
        try context.prepareAllEngines()
        let (_, engine) = context.policyForNewCases()
        let zone = engine.zone
        let today = CivilDate(dayNumber: zone.localDayNumber(at: now))
        let first = try from.map { try CivilDateInput.parse($0) } ?? CivilDate(year: today.year, month: 1, day: 1)!
        let last = try to.map { try CivilDateInput.parse($0) } ?? today
        guard first <= last else { throw DSRCoreError.invalidTime("--from lies after --to") }
        let input = ReportInput(
            store: context.store, policy: engine.policy, from: first, to: last, now: now, actor: context.actor,
            includePersonalData: includePersonalData, german: language == .de, currentEngine: engine,
            engine: context.engine(for:))
        switch format {
        case .xml: try AuditXMLExport.write(input, to: out, verification: verificationInBackground())
        case .html: try HTMLReport.write(input, to: out, verification: verificationInBackground())
        case .csv: try CSVExport.write(input, dialect: csvDialect, to: out)
        case .ics: try ICSExport.write(input, to: out)
        }
        if includePersonalData {
            try context.store.recordExport(format: format.rawValue, from: first, to: last, actor: context.actor, now: context.now)
        }
    }
}
