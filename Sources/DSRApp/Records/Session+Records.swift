import DSRCore
import DSRLedger

extension Session {
    /// Walks the hash chain: every hash, every link, the recorded head, and every vault text
    /// against its commitment (those it can open).
    public func verify() throws -> VerificationReport {
        try require(.verifyLog)
        return try AppError.mapping { try tracker.store.verify() }
    }

    /// The closed or withdrawn cases whose retention period has run out at `moment` (default
    /// now); unless `dryRun`, their personal data is erased, each purge an event in the chain.
    /// Returns what was (or would be) erased.
    @discardableResult
    public func purge(at moment: Instant? = nil, dryRun: Bool) throws -> [PurgeCandidate] {
        try require(.purge)
        let at = moment ?? now
        return try AppError.mapping {
            // Long reads look engines up without fetching policies inside the read.
            try tracker.prepareAllEngines()
            let candidates = try tracker.store.purgeCandidates(at: at, engine: tracker.engine(for:))
            if !dryRun, !candidates.isEmpty {
                try tracker.store.purge(candidates, actor: actor, now: at, engine: tracker.engine(hash:text:))
            }
            return candidates
        }
    }
}
