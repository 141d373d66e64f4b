import DSRCore
import DSRLedger

/// One case in full: facts, schedule at a moment, timeline, the person's data, findings.
public struct CaseDetail: Sendable {
    public let state: CaseState
    public let schedule: Schedule
    public let events: [EventRecord]
    public let personal: CasePersonalData
    /// The engine of the case's policy (its zone and rules).
    public let engine: DeadlineEngine

    /// Where the case stands for the people who work on it.
    public var status: CaseStatus { CaseStatus(lifecycle: state.lifecycle, schedule: schedule.status) }

    /// Flags of non-compliance the record keeps.
    public var findings: [Finding] { Finding.of(state, schedule: schedule) }

    /// Whether receipt still has to be acknowledged, at the moment of the schedule.
    public func acknowledgement(at moment: Instant) -> AcknowledgementStatus? {
        AcknowledgementStatus(due: schedule.acknowledgementDue, at: moment)
    }
}

extension Session {
    /// A case in full with its schedule at `moment` (default now), if the user may see it.
    public func caseDetail(_ id: CaseID, at moment: Instant? = nil) throws -> CaseDetail {
        try require(.showCase)
        return try AppError.mapping {
            let store = tracker.store
            guard let summary = try store.summary(of: id) else { throw AppError(.notFound, "no case \(id)") }
            try access.visibility.require(id, assignee: summary.assignee)
            let engine = try tracker.engine(for: summary)
            let events = try store.events(of: id)
            guard let state = CaseState(events: events) else { throw AppError(.notFound, "no case \(id)") }
            return CaseDetail(
                state: state, schedule: try engine.schedule(for: state, at: moment ?? now), events: events,
                personal: try store.personalData(of: id), engine: engine)
        }
    }
}

extension Session {
    /// Every case the tracker holds about a person whose name contains `text`, in full
    /// (Art. 15 GDPR applied to the tracker itself).
    public func subjectExport(nameContaining text: String) throws -> [CaseDetail] {
        try require(.exportSubject)
        return try AppError.mapping { try tracker.store.cases(subjectContaining: text) }.map {
            try caseDetail($0.caseID)
        }
    }
}
