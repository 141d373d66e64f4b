import DSRCore

extension PurgeCandidate {
    /// The candidates among closed cases: those whose retention ended before `now` (the
    /// policy's period counted from the end of the year they were closed in, LEGAL.md R6) and
    /// that still hold texts (`records` counts a case's).
    package static func among(
        _ closed: [CaseSummary], at now: Instant, engine: (CaseSummary) throws -> DeadlineEngine,
        records: (CaseSummary) throws -> Int
    ) throws -> [PurgeCandidate] {
        try closed.compactMap { summary in
            guard summary.lifecycle != CaseState.Lifecycle.open.rawValue,
                let closedAt = summary.closedAt.map(Instant.init(secondsSinceEpoch:))
            else { return nil }
            let engine = try engine(summary)
            let closedYear = CivilDate(dayNumber: engine.zone.localDayNumber(at: closedAt)).year
            let retainedUntil = engine.policy.retention.end(
                startingOn: CivilDate(year: closedYear, month: 12, day: 31)!)
            guard now > engine.zone.endOfDay(retainedUntil.dayNumber) else { return nil }
            let count = try records(summary)
            guard count > 0 else { return nil }
            return PurgeCandidate(
                caseID: summary.caseID, closedAt: closedAt, retainedUntil: retainedUntil, records: count)
        }
    }
}
