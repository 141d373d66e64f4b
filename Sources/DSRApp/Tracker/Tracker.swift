import DSRCore
import DSRLedger
import DSRPostgres
import DSRStore
import DSRXML
import Foundation
import Logging
import Synchronization

/// Where a tracker lives and how to open it: the database, the vault key, the policy.
public struct TrackerConfiguration: Sendable {
    /// The database: a SQLite file or a PostgreSQL database.
    public var database: DatabaseAddress
    /// The URL of the PostgreSQL schema's owner role, which applies migrations and grants the
    /// role of `database` its rights; without it, the role of `database` applies them itself.
    public var databaseOwner: PostgresURL?
    /// The vault key file that seals names and contacts, if one is given.
    public var vaultKeyFile: String?
    /// A policy file to use instead of the one stored with the database (else the embedded one).
    public var policyFile: String?
    /// Where the store and the use cases say what they do (never personal data).
    public var logger: Logger

    public init(
        database: DatabaseAddress, databaseOwner: PostgresURL? = nil, vaultKeyFile: String? = nil,
        policyFile: String? = nil, logger: Logger = Logger(label: "dsr", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.database = database
        self.databaseOwner = databaseOwner
        self.vaultKeyFile = vaultKeyFile
        self.policyFile = policyFile
        self.logger = logger
    }
}

/// An open tracker: the case log, the policy new cases are logged under, and the deadline
/// engines of every policy old cases were logged under (built once, shared by every thread).
/// Front ends open one and ask it for a `Session` per acting user.
public final class Tracker: Sendable {
    /// The record, in whichever database holds it.
    public let store: any CaseRepository
    /// The policy in force for new cases, as loaded.
    public let policy: LoadedPolicy
    /// That policy as cases refer to it (content hash, text, source).
    public let policyReference: PolicyReference
    /// The engine of the policy in force.
    public let engine: DeadlineEngine
    private let engines: Mutex<[String: DeadlineEngine]>

    /// The setting that records that the policy's staff list has seeded the accounts.
    static let staffSeededSetting = "staff-seeded-from-policy"

    /// Opens (and if need be creates) the database and loads the policy in force: the policy
    /// file if one is named, else the one stored by `dsr init`, else the embedded default.
    /// On the first run after the upgrade to staff accounts, the policy's `<users>` create them
    /// (unless `seedingStaff` is false: `dsr init` checks the caller's role before it seeds).
    public static func open(
        _ configuration: TrackerConfiguration, actor: String, now: Instant, seedingStaff: Bool = true
    ) throws -> Tracker {
        try AppError.mapping {
            let store = try openStore(configuration)
            let policy: LoadedPolicy
            if let file = configuration.policyFile {
                policy = try PolicyLoader.load(path: file)
            } else if let stored = try store.defaultPolicy() {
                policy = try PolicyLoader.load(text: stored.text, file: stored.source)
            } else {
                policy = try PolicyLoader.loadDefault()
            }
            let tracker = try Tracker(store: store, policy: policy)
            if seedingStaff, try store.setting(staffSeededSetting) == nil {
                try tracker.seedStaff(from: policy.policy, actor: actor, now: now)
            }
            return tracker
        }
    }

    /// The record of `configuration`, in whichever database it names.
    static func openStore(_ configuration: TrackerConfiguration) throws -> any CaseRepository {
        let vaultKey = try configuration.vaultKeyFile.map { try VaultKey(file: $0) }
        switch configuration.database {
        case .sqlite(let path):
            return try CaseStore(path: path, vaultKey: vaultKey, logger: configuration.logger)
        case .postgres(let url):
            return try PostgresStore(
                url: url, owner: configuration.databaseOwner, vaultKey: vaultKey, logger: configuration.logger)
        }
    }

    /// A tracker over an open store with `policy` in force for new cases.
    public init(store: any CaseRepository, policy: LoadedPolicy) throws {
        self.store = store
        self.policy = policy
        policyReference = PolicyReference(text: policy.text, source: policy.source)
        engine = try AppError.mapping { try DeadlineEngine(policy: policy.policy, holidayRules: policy.holidayRules) }
        engines = Mutex([policyReference.hash: engine])
        store.logger.info(
            "policy in force",
            metadata: ["source": "\(policy.source)", "hash": "\(policyReference.hash.prefix(12))"])
    }

    /// Creates an account for each user a policy lists while the database has none yet (the
    /// migration from the policy's staff list); marks the staff list as read either way.
    func seedStaff(from policy: Policy, actor: String, now: Instant) throws {
        try AppError.mapping {
            if try store.accounts().isEmpty, !policy.users.isEmpty {
                try store.seedStaff(policy.users, actor: actor, now: now)
                store.logger.notice(
                    "staff accounts created from the policy", metadata: ["count": "\(policy.users.count)"])
            }
            try store.setSetting(Self.staffSeededSetting, to: policyReference.hash)
        }
    }

    /// Whether the database answers; throws `AppError` (`unavailable` for a PostgreSQL server
    /// that is away) if not.
    public func checkDatabase() throws {
        try AppError.mapping { try store.checkReachable() }
    }

    /// The engine of a stored policy, built once.
    public func engine(hash: String, text: String) throws -> DeadlineEngine {
        if let engine = engines.withLock({ $0[hash] }) { return engine }
        let engine = try AppError.mapping {
            let loaded = try PolicyLoader.load(text: text, file: "policy \(hash.prefix(12))")
            return try DeadlineEngine(policy: loaded.policy, holidayRules: loaded.holidayRules)
        }
        engines.withLock { $0[hash] = engine }
        return engine
    }

    /// The engine of the policy a case was logged under.
    public func engine(for summary: CaseSummary) throws -> DeadlineEngine {
        try engine(policyHash: summary.policyHash)
    }

    /// The engine of the stored policy with this hash; its text is read only the first time.
    public func engine(policyHash hash: String) throws -> DeadlineEngine {
        if let engine = engines.withLock({ $0[hash] }) { return engine }
        return try engine(hash: hash, text: try AppError.mapping { try store.policyText(hash: hash) })
    }

    /// Builds the engine of every stored policy now, so long reads need not fetch policies.
    public func prepareAllEngines() throws {
        for stored in try AppError.mapping({ try store.policies() }) {
            _ = try engine(hash: stored.hash, text: stored.text)
        }
    }

    /// A session for `login` at `now`: refused unless the login has an enabled account (or
    /// the database has none). A vault key the database does not know yet is adopted here,
    /// which only the DPO may do.
    public func session(login: String, now: Instant) throws -> Session {
        try session(login: login, accounts: try AppError.mapping { try store.accounts() }, now: now)
    }

    /// A session for `login` among accounts already read (a web request reads them with its session).
    func session(login: String, accounts: [StaffAccount], now: Instant) throws -> Session {
        let access = try Access(login: login, accounts: accounts)
        if store.vaultKeyAwaitsAdoption {
            try access.require(.adoptVaultKey)
            try AppError.mapping { try store.adoptVaultKey() }
        }
        return Session(tracker: self, access: access, now: now)
    }
}
