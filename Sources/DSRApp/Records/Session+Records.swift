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

    /// The inbox items made a case or dismissed longer ago than the policy's inbox retention
    /// at `moment` (default now) that still hold personal data; unless `dryRun`, it is erased
    /// (texts and keys) with one `inbox-purged` event. Returns how many items and texts.
    @discardableResult
    public func purgeInbox(at moment: Instant? = nil, dryRun: Bool) throws -> (items: Int, records: Int) {
        try require(.purge)
        let at = moment ?? now
        let engine = tracker.engine
        let retention = engine.policy.mailIntake.inboxRetention
        let today = CivilDate(dayNumber: engine.zone.localDayNumber(at: at))
        let firstKept = today.adding(months: -retention.months).adding(days: -retention.days)
        let cutoff = engine.zone.startOfDay(firstKept.dayNumber)
        return try AppError.mapping {
            dryRun
                ? try tracker.store.inboxPurgeCandidates(settledBefore: cutoff)
                : try tracker.store.purgeInbox(settledBefore: cutoff, actor: actor, now: at)
        }
    }
}
