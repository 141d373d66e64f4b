import DSRCore
import DSRStore
import DSRXML
import Foundation

/// Everything a case command needs: the store, the policy for new cases, engines for the
/// policies old cases were logged under, the actor, and "now".
final class CaseContext {
    let store: CaseStore
    let now: Instant
    let actor: String
    private let policyOptions: PolicyOptions
    private var engines: [String: DeadlineEngine] = [:]
    private var currentPolicy: (reference: PolicyReference, engine: DeadlineEngine)?

    init(store: StoreOptions, policy: PolicyOptions) throws {
        self.store = try store.open()
        policyOptions = policy
        now = Instant(Date())
        actor = Actor.current
    }

    /// The policy new cases are logged under, and its engine.
    func policyForNewCases() throws -> (reference: PolicyReference, engine: DeadlineEngine) {
        if let currentPolicy { return currentPolicy }
        let loaded = try policyOptions.load(stored: try store.defaultPolicy())
        let reference = PolicyReference(text: loaded.text, source: loaded.source)
        let engine = try engine(hash: reference.hash) { loaded }
        currentPolicy = (reference, engine)
        return (reference, engine)
    }

    /// The engine of a stored policy, built once per process.
    func engine(hash: String, text: String) throws -> DeadlineEngine {
        try engine(hash: hash) { try PolicyLoader.load(text: text, file: "policy \(hash.prefix(12))") }
    }

    /// The engine of the policy with `hash`, loading it with `load` the first time.
    private func engine(hash: String, load: () throws -> LoadedPolicy) throws -> DeadlineEngine {
        if let engine = engines[hash] { return engine }
        let loaded = try load()
        let engine = try DeadlineEngine(policy: loaded.policy, holidayRules: loaded.holidayRules)
        engines[hash] = engine
        return engine
    }

    /// The engine of the policy a case was logged under.
    func engine(for summary: CaseSummary) throws -> DeadlineEngine {
        if let engine = engines[summary.policyHash] { return engine }
        return try engine(hash: summary.policyHash, text: try store.policyText(hash: summary.policyHash))
    }

    /// The moment an `--at` option names, or now when it was not given.
    func moment(_ at: String?) throws -> Instant {
        try at.map(instant) ?? now
    }

    /// Reads a moment typed by the user (`--at`, `--received`) in the policy's zone.
    func instant(_ text: String) throws -> Instant {
        try TimeInput(zone: try policyForNewCases().engine.zone).instant(from: text, now: now)
    }
}

/// Who runs the process: the login name of its owner (the actor of every event).
enum Actor {
    static var current: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
            return String(cString: name)
        }
        return "uid-\(geteuid())"
    }
}
