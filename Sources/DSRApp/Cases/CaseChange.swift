import DSRCore
import DSRLedger

/// What a write on a case produced: the event as recorded, the case as it now stands, its
/// schedule, its findings, and the engine of its policy (for its time zone and rules).
public struct CaseChange: Sendable {
    public let record: EventRecord
    public let state: CaseState
    public let schedule: Schedule
    public let engine: DeadlineEngine

    init(_ recorded: Recorded, engine: DeadlineEngine) {
        record = recorded.record
        state = recorded.state
        schedule = recorded.schedule
        self.engine = engine
    }

    /// Where the case stands for the people who work on it.
    public var status: CaseStatus { CaseStatus(lifecycle: state.lifecycle, schedule: schedule.status) }

    /// Flags of non-compliance the record keeps.
    public var findings: [Finding] { Finding.of(state, schedule: schedule) }
}
