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
            return try PurgeCandidate.among(closed, at: now, engine: engine) { summary in
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM vault JOIN event ON event.id = vault.eventId
                        WHERE event.caseId = ? AND vault.content IS NOT NULL
                        """, arguments: [summary.id]) ?? 0
            }
        }
    }

    /// Erases the personal data of the given cases — texts and keys together, so nothing can
    /// be recovered — and records a `purged` event for each, in one transaction. The
    /// commitments stay in the chain, which therefore still verifies.
    public func purge(
        _ candidates: [PurgeCandidate], actor: String, now: Instant, engine provider: EngineProvider
    ) throws {
        _ = try writeBatch { batch, _ in try batch.purge(candidates, actor: actor, now: now, engine: provider) }
    }
}
