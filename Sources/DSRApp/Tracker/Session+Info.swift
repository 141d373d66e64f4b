import DSRCore
import DSRLedger

/// What `dsr info` and an about page show: where the tracker is, its schema, what it holds,
/// the policy in force, who acts with which role, how the vault is kept.
public struct TrackerInfo: Sendable {
    public enum VaultState: String, Sendable {
        /// Personal data is stored as plain text.
        case plain
        /// Sealed, and this process holds the key.
        case sealed
        /// Sealed, and this process has no key: names are unreadable.
        case sealedNoKey = "sealed-no-key"
    }

    public let database: String
    public let schema: [String]
    public let cases: Int
    public let events: Int
    public let policySource: String
    public let policyHash: String
    public let policy: Policy
    public let access: Access
    public let vault: VaultState
}

extension Session {
    /// The tracker as it stands.
    public func info() throws -> TrackerInfo {
        try require(.showInfo)
        let store = tracker.store
        return try AppError.mapping {
            let counts = try store.counts()
            let vault = store.vaultState
            return TrackerInfo(
                database: store.location, schema: try store.schemaVersion(), cases: counts.cases,
                events: counts.events,
                policySource: tracker.policyReference.source, policyHash: tracker.policyReference.hash,
                policy: tracker.policy.policy, access: access,
                vault: !vault.sealed ? .plain : vault.readable ? .sealed : .sealedNoKey)
        }
    }

    /// Makes the policy in force the one new cases are logged under (`dsr init`). While the
    /// database has no staff accounts, the policy's `<users>` create them; the acting login
    /// must be among them, so nobody locks themselves out.
    public func choosePolicy() throws {
        try require(.choosePolicy)
        let policy = tracker.policy
        try AppError.mapping {
            if try tracker.store.accounts().isEmpty, !policy.policy.users.isEmpty,
                policy.policy.role(of: actor) == nil
            {
                throw AppError(
                    .badInput,
                    "the staff list of policy \(policy.source) does not name this login; it would lock you out")
            }
            try tracker.store.storePolicy(text: policy.text, source: policy.source, now: now, makeDefault: true)
            try tracker.seedStaff(from: policy.policy, actor: actor, now: now)
        }
    }
}
