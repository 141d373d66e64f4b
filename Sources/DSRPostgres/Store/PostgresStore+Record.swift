import DSRCore
import DSRLedger
import Foundation
import PostgresNIO

extension PostgresStore: CaseRepository {
    public func schemaVersion() throws -> [String] {
        try links.with { try PostgresMigrator.applied($0) }
    }

    /// Asks the server `SELECT 1` on a link of the pool (which connects again if it must).
    public func checkReachable() throws {
        try links.with { try $0.query("SELECT 1") }
    }

    public func counts() throws -> (cases: Int, events: Int) {
        try read { link in
            let cases = try link.query("SELECT count(*) FROM case_projection").first?.decode(Int64.self) ?? 0
            let events = try link.query("SELECT COALESCE(MAX(id), 0) FROM event").first?.decode(Int64.self) ?? 0
            return (Int(cases), Int(events))
        }
    }

    // MARK: - Policies and settings

    @discardableResult
    public func storePolicy(text: String, source: String, now: Instant, makeDefault: Bool = false) throws -> String {
        let policy = PolicyReference(text: text, source: source)
        try write { link in
            try link.query(
                """
                INSERT INTO policy (hash, source, text, stored_at)
                VALUES (\(policy.hash), \(source), \(text), \(now.secondsSinceEpoch)) ON CONFLICT (hash) DO NOTHING
                """)
            if makeDefault { try Self.setSetting("policy", to: policy.hash, in: link) }
        }
        return policy.hash
    }

    public func defaultPolicy() throws -> (text: String, source: String)? {
        try links.with { link in
            try link.query(
                "SELECT policy.text, policy.source FROM setting JOIN policy ON policy.hash = setting.value WHERE key = 'policy'"
            ).first?.decode((String, String).self)
        }
    }

    public func policyText(hash: String) throws -> String {
        guard let text = try links.with({ try $0.query("SELECT text FROM policy WHERE hash = \(hash)").first }) else {
            throw LedgerError.missingPolicy(hash)
        }
        return try text.decode(String.self)
    }

    public func policies() throws -> [(hash: String, source: String, text: String)] {
        try links.with { link in
            try link.query("SELECT hash, source, text FROM policy ORDER BY stored_at, hash").map {
                try $0.decode((String, String, String).self)
            }
        }
    }

    public func setting(_ key: String) throws -> String? {
        try links.with { try $0.query("SELECT value FROM setting WHERE key = \(key)").first?.decode(String.self) }
    }

    public func setSetting(_ key: String, to value: String) throws {
        try write { try Self.setSetting(key, to: value, in: $0) }
    }

    private static func setSetting(_ key: String, to value: String, in link: PostgresLink) throws {
        try link.query(
            "INSERT INTO setting (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value"
        )
    }

    // MARK: - Staff

    /// Every staff account, by login, inside a transaction.
    static func accounts(in link: PostgresLink) throws -> [StaffAccount] {
        try link.query(
            "SELECT login, role, display_name, enabled, created_at, last_event_id FROM account ORDER BY login"
        ).map { row in
            let (login, role, displayName, enabled, createdAt, lastEventID) = try row.decode(
                (String, String, String?, Bool, Int64, Int64).self)
            guard let role = Role(rawValue: role) else {
                throw DSRCoreError.corruptRecord("the staff account of a login has an unknown role")
            }
            return StaffAccount(
                login: login, role: role, displayName: displayName, enabled: enabled,
                createdAt: Instant(secondsSinceEpoch: createdAt), lastEventID: EventID(lastEventID))
        }
    }

    /// Inserts or replaces an account's row inside a transaction.
    static func saveAccount(_ account: StaffAccount, in link: PostgresLink) throws {
        try link.query(
            """
            INSERT INTO account (login, role, display_name, enabled, created_at, last_event_id)
            VALUES (\(account.login), \(account.role.rawValue), \(account.displayName), \(account.enabled),
                    \(account.createdAt.secondsSinceEpoch), \(account.lastEventID.rawValue))
            ON CONFLICT (login) DO UPDATE SET role = EXCLUDED.role, display_name = EXCLUDED.display_name,
                enabled = EXCLUDED.enabled, last_event_id = EXCLUDED.last_event_id
            """)
    }

    /// A scalar subquery giving every staff account, by login, as a JSON array of arrays: a
    /// request's one statement reads them along with its session or token (`accounts(json:)`).
    static let accountsJSON = """
        (SELECT COALESCE(json_agg(json_build_array(login, role, display_name, enabled, created_at, last_event_id)
            ORDER BY login), '[]')::text FROM account)
        """

    /// The accounts `accountsJSON` lists.
    static func accounts(json: String) throws -> [StaffAccount] {
        guard let rows = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[Any]] else {
            throw DSRCoreError.corruptRecord("the staff accounts could not be read")
        }
        return try rows.map { row in
            guard row.count == 6, let login = row[0] as? String, let role = (row[1] as? String).flatMap(Role.init),
                let enabled = row[3] as? Bool, let createdAt = row[4] as? NSNumber, let lastEvent = row[5] as? NSNumber
            else { throw DSRCoreError.corruptRecord("the staff account of a login could not be read") }
            return StaffAccount(
                login: login, role: role, displayName: row[2] as? String, enabled: enabled,
                createdAt: Instant(secondsSinceEpoch: createdAt.int64Value), lastEventID: EventID(lastEvent.int64Value))
        }
    }

    public func accounts() throws -> [StaffAccount] {
        try links.with { try Self.accounts(in: $0) }
    }

    @discardableResult
    public func changeStaff(_ changes: [StaffChange], actor: String, role: Role?, now: Instant) throws
        -> [StaffAccount]
    {
        try writeBatch { batch, _ in try batch.changeStaff(changes, actor: actor, role: role, now: now) }
    }

    public func seedStaff(_ users: [StaffUser], actor: String, now: Instant) throws {
        try writeBatch { batch, _ in try batch.seedStaff(users, actor: actor, now: now) }
    }

    // MARK: - Retention and integrity

    public func purgeCandidates(at now: Instant, engine: (CaseSummary) throws -> DeadlineEngine) throws
        -> [PurgeCandidate]
    {
        try read { link in
            let closed = try ProjectionSQL.summaries(
                try link.query(
                    """
                    SELECT \(unescaped: ProjectionSQL.selection) FROM case_projection
                    WHERE lifecycle <> \(CaseState.Lifecycle.open.rawValue) ORDER BY received_at
                    """))
            return try PurgeCandidate.among(closed, at: now, engine: engine) { summary in
                Int(
                    try link.query(
                        """
                        SELECT count(*) FROM vault JOIN event ON event.id = vault.event_id
                        WHERE event.case_id = \(summary.id) AND vault.content IS NOT NULL
                        """
                    ).first?.decode(Int64.self) ?? 0)
            }
        }
    }

    /// Erases the personal data of the given cases with their keys and a `purged` event each,
    /// in one transaction; then asks for a vacuum of the vault's tables (see `vacuumVault`).
    public func purge(
        _ candidates: [PurgeCandidate], actor: String, now: Instant, engine provider: EngineProvider
    ) throws {
        let erased = try writeBatch { batch, _ in
            try batch.purge(candidates, actor: actor, now: now, engine: provider)
        }
        if erased > 0 { vacuumVault() }
    }

    /// Vacuums `vault_key` and `vault`, so the row versions that still hold erased keys and
    /// texts are freed now. PostgreSQL lets only the tables' owner do it (before version 17,
    /// which adds the MAINTAIN right): as the owner role when the store has one; for any other
    /// role it skips them with a warning, and autovacuum, set to visit `vault_key` after every
    /// deletion (`pg3-prompt-key-vacuum`), frees them within its nap time.
    func vacuumVault() {
        do {
            try executeAsOwner(script: "VACUUM vault_key, vault")
        } catch {
            logger.warning("vacuum of the vault failed; autovacuum will do it", metadata: ["error": "\(error)"])
        }
    }

    public func verify(parallelism: Int) throws -> VerificationReport {
        let links = self.links
        return try links.with { link in
            try PostgresChain(vault: vault).verify(parallelism: parallelism, in: link) {
                try links.connectExtra()
            }
        }
    }

    public func recordBackup(sha256: String, actor: String, now: Instant) throws {
        try writeBatch { batch, _ in
            try batch.appendTrackerEvent(.backedUp(sha256: sha256), at: now, actor: actor, now: now)
        }
        logger.info("backup written")
    }
}
