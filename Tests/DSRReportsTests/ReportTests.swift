import DSRCore
import DSRLedger
import DSRXML
import Foundation
import Testing

@testable import DSRReports

/// A record held in memory: the reports read it through `CaseRecords` as they read SQLite.
struct MemoryRecords: CaseRecords {
    let cases: [ExportedCase]

    func forEachCase(
        receivedFrom from: Instant, to: Instant, includePersonalData: Bool, _ body: (ExportedCase) throws -> Void
    ) throws {
        for item in cases
        where item.summary.receivedAt >= from.secondsSinceEpoch && item.summary.receivedAt < to.secondsSinceEpoch {
            try body(
                includePersonalData ? item : ExportedCase(summary: item.summary, events: item.events, personal: .init())
            )
        }
    }

    func policies() throws -> [(hash: String, source: String, text: String)] { [] }
    func activeCases() throws -> [CaseSummary] { cases.map(\.summary).filter(\.active) }
    func dutyStatuses(_ duties: [Duty], at now: Instant, zone: ZoneRules) throws -> [DutyStatus] { [] }
}

@Suite("Reports")
struct ReportTests {
    static let loaded: LoadedPolicy = try! PolicyLoader.loadDefault()
    static let engine = try! DeadlineEngine(policy: loaded.policy, holidayRules: loaded.holidayRules)

    static func instant(_ text: String) -> Instant {
        try! TimeInput(zone: engine.zone).instant(from: text, now: Instant(secondsSinceEpoch: 0))
    }

    /// A case of `events` (kind, local time), received first, as the store would export it.
    static func exported(_ number: Int, _ steps: [(Event, String)], name: String) throws -> ExportedCase {
        let id = CaseID(year: 2026, number: number)
        var records: [EventRecord] = []
        for (index, step) in steps.enumerated() {
            records.append(
                EventRecord(
                    id: EventID(Int64(number * 10 + index)), caseID: id, event: step.0,
                    commitments: index == 0 ? [.subject: "x"] : [:], occurredAt: instant(step.1),
                    recordedAt: instant(step.1), actor: "clerk"))
        }
        let state = try #require(CaseState(events: records))
        let summary = CaseSummary(
            state: state, schedule: try engine.schedule(for: state, at: instant("2026-12-01 12:00")))
        var personal = CasePersonalData()
        personal.byEvent[records[0].id] = [.subject: .text(name)]
        return ExportedCase(
            summary: summary,
            events: records.map {
                StoredEvent(record: $0, payload: "{}", prevHash: Data(count: 32), hash: Data(count: 32))
            },
            personal: personal)
    }

    static func input(_ records: MemoryRecords, personal: Bool) -> ReportInput {
        ReportInput(
            records: records, policy: loaded.policy, from: CivilDate(year: 2026, month: 1, day: 1)!,
            to: CivilDate(year: 2026, month: 12, day: 31)!, now: instant("2026-12-01 12:00"), actor: "dpo",
            includePersonalData: personal, german: true, currentEngine: engine, engine: { _ in engine })
    }

    static let received = Event.received(kinds: [.access], channel: .email, claimantDue: nil, policyHash: "p")

    @Test(
        "the CSV export reads its cases through CaseRecords: one row each, formulas defused, personal data only when asked"
    )
    func csvThroughTheProtocol() throws {
        let records = MemoryRecords(cases: [
            try Self.exported(
                1, [(Self.received, "2026-11-24 10:15"), (.acknowledged, "2026-11-24 11:00")], name: "=HYPERLINK(\"x\")"
            ),
            try Self.exported(2, [(Self.received, "2026-11-25 09:00")], name: "Erika; Fiktiv"),
        ])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dsr-reports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let withNames = folder.appendingPathComponent("with.csv").path
        try CSVExport.write(Self.input(records, personal: true), dialect: .excelDE, to: withNames)
        let text = try String(contentsOfFile: withNames, encoding: .utf8)
        let lines = text.split(separator: "\r\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("2026-00001;24.11.2026 10:15;access;email;"))
        #expect(lines[1].hasSuffix(#";"'=HYPERLINK(""x"")";"#), "defused, quoted, then an empty contact")
        #expect(lines[2].contains("\"Erika; Fiktiv\""))
        let without = folder.appendingPathComponent("without.csv").path
        try CSVExport.write(Self.input(records, personal: false), dialect: .rfc4180, to: without)
        let pseudonymous = try String(contentsOfFile: without, encoding: .utf8)
        #expect(!pseudonymous.contains("Erika") && !pseudonymous.contains("HYPERLINK"))
        #expect(pseudonymous.contains("2026-00002,2026-11-25T09:00:00+01:00,access,email,open,"))
    }

    @Test("late acknowledgements are counted: acknowledged after the target, or still owed past it")
    func acknowledgedLate() throws {
        var figures = ReportFigures()
        let input = Self.input(
            MemoryRecords(cases: [
                try Self.exported(
                    1, [(Self.received, "2026-11-24 10:15"), (.acknowledged, "2026-11-25 16:00")], name: "A"),
                try Self.exported(
                    2, [(Self.received, "2026-11-24 10:15"), (.acknowledged, "2026-11-26 09:00")], name: "B"),
                try Self.exported(3, [(Self.received, "2026-11-24 10:15")], name: "C"),
                try Self.exported(4, [(Self.received, "2026-11-30 15:00")], name: "D"),
            ]), personal: false)
        try input.forEachCase { figures.add($0, at: input.now) }
        #expect(figures.cases == 4)
        #expect(figures.acknowledgedLate == 2, "case 2 acknowledged a day late, case 3 still owed past Wed 17:00")
    }

    @Test("the percentile is the nearest rank")
    func percentile() {
        #expect(ReportFigures.percentile([], 0.5) == nil)
        #expect(ReportFigures.percentile([5], 0.9) == 5)
        #expect(ReportFigures.percentile([4, 1, 3, 2], 0.5) == 2)
        #expect(ReportFigures.percentile(Array(1...10), 0.9) == 9)
    }

    @Test("text from people is escaped and isolated; control characters cannot reach the page")
    func htmlEscaping() {
        #expect(
            HTMLText.escape(#"<script>alert("x")</script> & 'y'"#)
                == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;")
        #expect(HTMLText.escape("a\u{0}b\u{1B}c\td") == "a\u{FFFD}b\u{FFFD}c\td")
        #expect(HTMLText.personal("\u{202E}Fiktiv") == "<bdi>\u{202E}Fiktiv</bdi>")
    }

    @Test("CSV fields: separators and quotes are quoted, Excel formulas defused, numbers kept")
    func csvFields() {
        #expect(CSVExport.field("=1+1", .excelDE) == "'=1+1")
        #expect(CSVExport.field("-5", .excelDE) == "-5")
        #expect(CSVExport.field("@SUM", .excelDE) == "'@SUM")
        #expect(CSVExport.field("a;b", .excelDE) == "\"a;b\"")
        #expect(CSVExport.field("a;b", .rfc4180) == "a;b")
        #expect(CSVExport.field("sie sagte \"ja\", dann", .rfc4180) == "\"sie sagte \"\"ja\"\", dann\"")
        #expect(CSVExport.field("=1+1", .rfc4180) == "=1+1")
    }
}
