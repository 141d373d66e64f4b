import DSRCore
import DSRLedger
import Foundation

/// What every export needs besides the cases: the period, the controller, "now", who
/// exports, whether personal data is included, the language, and the engine of each case's
/// policy.
public struct ReportInput {
    public var records: any CaseRecords
    public var policy: Policy
    public var from: CivilDate
    /// Inclusive.
    public var to: CivilDate
    public var now: Instant
    public var actor: String
    public var includePersonalData: Bool
    public var german: Bool
    /// The engine of the policy a case was logged under.
    public var engine: (CaseSummary) throws -> DeadlineEngine
    /// The engine of the policy in force (for the period's bounds).
    public var currentEngine: DeadlineEngine

    public init(
        records: any CaseRecords, policy: Policy, from: CivilDate, to: CivilDate, now: Instant, actor: String,
        includePersonalData: Bool, german: Bool, currentEngine: DeadlineEngine,
        engine: @escaping (CaseSummary) throws -> DeadlineEngine
    ) {
        self.records = records
        self.policy = policy
        self.from = from
        self.to = to
        self.now = now
        self.actor = actor
        self.includePersonalData = includePersonalData
        self.german = german
        self.currentEngine = currentEngine
        self.engine = engine
    }

    /// The German or the English text.
    func pick(_ german: String, _ english: String) -> String { self.german ? german : english }

    /// The language of the report.
    var language: Language { german ? .de : .en }

    /// Calls `body` for each case received in the period, with its state and schedule now.
    func forEachCase(_ body: (ReportCase) throws -> Void) throws {
        let zone = currentEngine.zone
        try records.forEachCase(
            receivedFrom: zone.startOfDay(from.dayNumber), to: zone.startOfDay(to.dayNumber + 1),
            includePersonalData: includePersonalData
        ) { exported in
            let engine = try engine(exported.summary)
            guard let state = CaseState(events: exported.events.map(\.record)) else { return }
            let schedule = try engine.schedule(for: state, at: now)
            try body(
                ReportCase(
                    exported: exported, state: state, schedule: schedule,
                    status: CaseStatus(lifecycle: state.lifecycle, schedule: schedule.status), engine: engine))
        }
    }
}

/// One case as reports see it.
struct ReportCase {
    let exported: ExportedCase
    let state: CaseState
    let schedule: Schedule
    let status: CaseStatus
    let engine: DeadlineEngine

    /// A personal field as it stands (a rectification supersedes the value given at
    /// receipt): its text, the `erased` marker, or nil if the case never had it.
    func personalField(_ field: PersonalField, erased: String) -> String? {
        exported.personal.current(field)?.display(erased: erased, sealed: "[sealed]")
    }
}
