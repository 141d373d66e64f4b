import DSRCore
import DSRStore
import DSRXML
import Foundation

/// Everything a case command needs: the store, the policy for new cases, engines for the
/// policies old cases were logged under, the actor and what their role allows, and "now".
final class CaseContext {
    let store: CaseStore
    let now: Instant
    let access: Access
    private var engines: [String: DeadlineEngine] = [:]
    private let currentPolicy: (reference: PolicyReference, engine: DeadlineEngine)

    /// Opens the store and loads the policy in force; refuses unless its staff list gives the
    /// process owner at least `role` (`action` names what was refused).
    init(store: StoreOptions, policy: PolicyOptions, requiring role: Role, to action: String) throws {
        self.store = try store.open()
        now = Instant(Date())
        let loaded = try policy.load(stored: try self.store.defaultPolicy())
        access = try Access(login: Actor.current, policy: loaded)
        try access.require(role, to: action)
        if self.store.vaultKeyAwaitsAdoption {
            try access.require(.dpo, to: "sealing the personal data with a vault key this database does not know yet")
            try self.store.adoptVaultKey()
        }
        let reference = PolicyReference(text: loaded.text, source: loaded.source)
        let engine = try DeadlineEngine(policy: loaded.policy, holidayRules: loaded.holidayRules)
        engines[reference.hash] = engine
        currentPolicy = (reference, engine)
        self.store.logger.info("policy in force", metadata: [
            "source": "\(reference.source)", "hash": "\(reference.hash.prefix(12))",
            "role": "\(access.role?.rawValue ?? "single-user mode")",
        ])
    }

    /// The login name recorded as the actor of events.
    var actor: String { access.login }

    /// The policy new cases are logged under, and its engine.
    func policyForNewCases() -> (reference: PolicyReference, engine: DeadlineEngine) {
        currentPolicy
    }

    /// The engine of a stored policy, built once per process.
    func engine(hash: String, text: String) throws -> DeadlineEngine {
        if let engine = engines[hash] { return engine }
        let loaded = try PolicyLoader.load(text: text, file: "policy \(hash.prefix(12))")
        let engine = try DeadlineEngine(policy: loaded.policy, holidayRules: loaded.holidayRules)
        engines[hash] = engine
        return engine
    }

    /// Builds the engines of every stored policy now. Exports and purges look engines up
    /// inside one long database read, which must not be re-entered to fetch a policy's text.
    func prepareAllEngines() throws {
        for policy in try store.policies() { _ = try engine(hash: policy.hash, text: policy.text) }
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
        try TimeInput(zone: currentPolicy.engine.zone).instant(from: text, now: now)
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
