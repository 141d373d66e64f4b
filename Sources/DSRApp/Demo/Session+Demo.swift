import DSRCore
import DSRLedger

extension Session {
    /// Fills an empty tracker with `cases` fictitious requests, deterministic for `seed` and
    /// `moment` (default now), under the policy in force, which becomes the tracker's.
    /// Returns how many cases and events it holds then.
    public func fillWithDemoData(cases: Int, seed: UInt64, at moment: Instant? = nil) throws -> (
        cases: Int, events: Int
    ) {
        try require(.logDemoCases)
        let store = tracker.store
        return try AppError.mapping {
            guard try store.counts().events == 0 else {
                throw AppError(.badInput, "\(store.location): the demo writes only into a new or empty database")
            }
            let at = moment ?? now
            let reference = tracker.policyReference
            try store.storePolicy(text: reference.text, source: reference.source, now: at, makeDefault: true)
            var scenario = DemoScenario(
                seed: seed, now: at, caseCount: cases, engine: tracker.engine, policy: reference)
            try scenario.write(into: store)
            return try store.counts()
        }
    }
}
