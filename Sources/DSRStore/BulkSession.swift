import DSRCore
import DSRLedger
import GRDB

/// Appends events for many cases inside one write transaction (see `CaseStore.bulk`). The
/// caller keeps each case's state and saves its projection when done with it.
public final class BulkSession: CaseWriteBatch {
    let db: Database
    let writer: ChainWriter
    private var storedPolicies: Set<String> = []
    private var nextNumberByYear: [Int: Int] = [:]

    init(db: Database, writer: ChainWriter) {
        self.db = db
        self.writer = writer
    }

    /// Logs a new case: stores its policy if new, numbers it in its year of receipt and
    /// appends its `received` event. Save its projection (`saveProjection`) once its steps
    /// are recorded.
    public func log(
        _ newCase: NewCase, policy: PolicyReference, engine: DeadlineEngine, actor: String, recordedAt: Instant
    ) throws -> (EventRecord, CaseState) {
        if !storedPolicies.contains(policy.hash) {
            if try PolicyRow.fetchOne(db, key: policy.hash) == nil {
                try PolicyRow(
                    hash: policy.hash, source: policy.source, text: policy.text, storedAt: recordedAt.secondsSinceEpoch
                ).insert(db)
            }
            storedPolicies.insert(policy.hash)
        }
        let year = CivilDate(dayNumber: engine.zone.localDayNumber(at: newCase.received)).year
        let number: Int
        if let next = nextNumberByYear[year] {
            number = next
        } else {
            number =
                try Int.fetchOne(
                    db, sql: "SELECT COALESCE(MAX(number), 0) + 1 FROM caseProjection WHERE year = ?", arguments: [year]
                ) ?? 1
        }
        nextNumberByYear[year] = number + 1
        let event = Event.received(
            kinds: newCase.kinds, channel: newCase.channel, claimantDue: newCase.claimantDue, policyHash: policy.hash)
        let record = try writer.append(
            event, to: CaseID(year: year, number: number), personal: newCase.personal,
            occurredAt: newCase.received, recordedAt: recordedAt, actor: actor)
        return (record, CaseState(first: record)!)
    }

    /// Appends a step to a case after checking it makes sense (`StepRules`); applies it to
    /// `state`. The projection is saved separately (`saveProjection`).
    public func record(
        _ event: Event, on state: inout CaseState, personal: [PersonalField: String], at occurredAt: Instant,
        actor: String, recordedAt: Instant, policy: Policy
    ) throws -> EventRecord {
        try StepRules.check(event, at: occurredAt, on: state, now: recordedAt, policy: policy)
        let record = try writer.append(
            event, to: state.id, personal: personal, occurredAt: occurredAt, recordedAt: recordedAt, actor: actor)
        state.apply(record)
        return record
    }

    /// Writes the projection row of a case as it now stands; returns its schedule.
    @discardableResult
    public func saveProjection(_ state: CaseState, engine: DeadlineEngine, now: Instant) throws -> Schedule {
        let schedule = try engine.schedule(for: state, at: now)
        try ProjectionRow.upsert(CaseSummary(state: state, schedule: schedule), db)
        return schedule
    }
}
