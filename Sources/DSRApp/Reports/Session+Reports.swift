import DSRCore
import DSRLedger
import DSRReports
import Foundation

/// The formats of the DPO's reports.
public enum ReportFormat: String, Sendable, CaseIterable {
    case xml, html, csv, ics
}

/// A report as the DPO asks for it.
public struct ReportRequest: Sendable {
    public var format: ReportFormat
    /// First and last day of the period (cases received); default 1 January of this year to today.
    public var from: CivilDate?
    public var to: CivilDate?
    /// Names, contacts and free text included (recorded as an `exported` event).
    public var includePersonalData: Bool
    public var language: Language
    public var csvDialect: CSVExport.Dialect
    /// Statuses are evaluated at this moment (default now).
    public var at: Instant?

    public init(
        format: ReportFormat, from: CivilDate? = nil, to: CivilDate? = nil, includePersonalData: Bool = false,
        language: Language = .de, csvDialect: CSVExport.Dialect = .excelDE, at: Instant? = nil
    ) {
        self.format = format
        self.from = from
        self.to = to
        self.includePersonalData = includePersonalData
        self.language = language
        self.csvDialect = csvDialect
        self.at = at
    }
}

extension Session {
    /// Writes a report to the file at `path` (`-`: standard output). The report reads one
    /// snapshot of the log; the XML and HTML reports carry the chain's verification, run on
    /// the other core meanwhile. A report with personal data is recorded in the log.
    public func export(_ request: ReportRequest, to path: String) throws {
        if request.includePersonalData {
            guard request.format != .ics else {
                throw AppError(.badInput, "calendar feeds never carry personal data")
            }
            try require(.exportPersonalData)
        } else {
            try require(.exportReport)
        }
        let now = request.at ?? self.now
        let zone = tracker.engine.zone
        let today = CivilDate(dayNumber: zone.localDayNumber(at: now))
        let first = request.from ?? CivilDate(year: today.year, month: 1, day: 1)!
        let last = request.to ?? today
        guard first <= last else { throw AppError(.badInput, "the period starts after it ends") }
        try AppError.mapping {
            try tracker.prepareAllEngines()
            let store = tracker.store
            let input = ReportInput(
                records: store, policy: tracker.engine.policy, from: first, to: last, now: now, actor: actor,
                includePersonalData: request.includePersonalData, german: request.language == .de,
                currentEngine: tracker.engine, engine: tracker.engine(for:))
            func verification() -> () throws -> VerificationReport {
                let background = BackgroundVerification(store: store)
                return { try background.wait() }
            }
            switch request.format {
            case .xml: try AuditXMLExport.write(input, to: path, verification: verification())
            case .html: try HTMLReport.write(input, to: path, verification: verification())
            case .csv: try CSVExport.write(input, dialect: request.csvDialect, to: path)
            case .ics: try ICSExport.write(input, to: path)
            }
            if request.includePersonalData {
                try store.recordExport(
                    format: request.format.rawValue, from: first, to: last, actor: actor, now: self.now)
            }
        }
    }
}

/// The chain's verification, started on a thread of its own; `wait` returns its report (the
/// reports need it only for their last section).
private final class BackgroundVerification: @unchecked Sendable {
    // Written once by the thread before `done` is signalled, read only after waiting on it.
    private var result: Result<VerificationReport, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(store: any CaseRepository) {
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
