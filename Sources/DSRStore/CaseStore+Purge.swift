import DSRCore
import DSRLedger
import Foundation
import GRDB

extension CaseStore {
    /// The cases whose retention ran out before `now`: closed (or withdrawn) cases, kept for
    /// the policy's retention period counted from the end of the year they were closed in
    /// (LEGAL.md R6), that still hold personal data. Open cases never qualify.
    public func purgeCandidates(at now: Instant, engine: (CaseSummary) throws -> DeadlineEngine) throws
        -> [PurgeCandidate]
    {
        try pool.read { db in
            let closed = try ProjectionRow.filter(ProjectionRow.Columns.lifecycle != CaseState.Lifecycle.open.rawValue)
                .order(ProjectionRow.Columns.receivedAt).fetchAll(db).map(\.summary)
            return try closed.compactMap { summary -> PurgeCandidate? in
                guard let closedAt = summary.closedAt.map(Instant.init(secondsSinceEpoch:)) else { return nil }
                let engine = try engine(summary)
                let closedYear = CivilDate(dayNumber: engine.zone.localDayNumber(at: closedAt)).year
                let retainedUntil = engine.policy.retention.end(
                    startingOn: CivilDate(year: closedYear, month: 12, day: 31)!)
                guard now > engine.zone.endOfDay(retainedUntil.dayNumber) else { return nil }
                let records =
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM vault JOIN event ON event.id = vault.eventId
                            WHERE event.caseId = ? AND vault.content IS NOT NULL
                            """, arguments: [summary.id]) ?? 0
                guard records > 0 else { return nil }
                return PurgeCandidate(
                    caseID: summary.caseID, closedAt: closedAt, retainedUntil: retainedUntil, records: records)
            }
        }
    }

    /// Erases the personal data of the given cases — texts and keys together, so nothing can
    /// be recovered — and records a `purged` event for each, in one transaction. The
    /// commitments stay in the chain, which therefore still verifies.
    public func purge(
        _ candidates: [PurgeCandidate], actor: String, now: Instant, engine provider: EngineProvider
    ) throws {
        try writeBatch { session in
            for candidate in candidates {
                guard var state = try Self.state(of: candidate.caseID, db: session.db),
                    state.lifecycle != .open,
                    let policy = try PolicyRow.fetchOne(session.db, key: state.policyHash)
                else { continue }
                try session.db.execute(
                    sql: """
                        UPDATE vault SET key = NULL, content = NULL, sealed = 0
                        WHERE content IS NOT NULL AND eventId IN (SELECT id FROM event WHERE caseId = ?)
                        """, arguments: [candidate.caseID.rawValue])
                let erased = session.db.changesCount
                logger.info("purged personal data", metadata: ["case": "\(candidate.caseID)", "records": "\(erased)"])
                let record = try session.writer.append(
                    .purged(records: erased), to: candidate.caseID, personal: [:], occurredAt: now, recordedAt: now,
                    actor: actor)
                state.apply(record)
                try session.saveProjection(state, engine: try provider(policy.hash, policy.text), now: now)
            }
        }
    }
}
