import DSRCore
import DSRStore

extension Session {
    /// The case log, for the commands whose use cases have not moved into DSRApp yet.
    public var store: CaseStore { tracker.store }

    /// The policy new cases are logged under, and its engine.
    public func policyForNewCases() -> (reference: PolicyReference, engine: DeadlineEngine) {
        (tracker.policyReference, tracker.engine)
    }

    /// The engine of the policy a case was logged under.
    public func engine(for summary: CaseSummary) throws -> DeadlineEngine {
        try tracker.engine(for: summary)
    }

    /// The engine of a stored policy.
    public func engine(hash: String, text: String) throws -> DeadlineEngine {
        try tracker.engine(hash: hash, text: text)
    }

    /// Builds the engine of every stored policy now.
    public func prepareAllEngines() throws {
        try tracker.prepareAllEngines()
    }
}
