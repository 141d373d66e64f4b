import DSRCore
import DSRLedger
import Foundation
import Logging
import Synchronization

/// A tracker's record in a PostgreSQL database, shared by any number of `dsr` processes on
/// any number of machines. Every write is one transaction that first locks the chain head
/// (`PostgresChainWriter`), so writers take turns on the chain, case numbers stay gapless and
/// a conflict is retried, never shown. Reads of more than one statement run in one snapshot.
/// The use cases' rules are DSRLedger's (`LedgerBatch`); this type only moves rows.
public final class PostgresStore: Sendable {
    public let url: PostgresURL
    /// Where the record lives: the URL without its password.
    public var location: String { url.redacted }
    public let logger: Logger
    let links: PostgresLinks
    /// The schema's owner role, for what only it may do (migrations, maintenance).
    let owner: PostgresURL?
    /// How the vault's texts are kept; changes once, when the record adopts a key.
    private let vaultMode: Mutex<Vault>

    /// Connects (`links` connections at most), applies the migrations that are missing and
    /// reads how the vault is kept. Migrations run as `owner` (a URL of the schema's owner
    /// role) when given, else as the role of `url`, granting `url`'s role its rights.
    public init(
        url: PostgresURL, owner: PostgresURL? = nil, vaultKey: VaultKey? = nil, links capacity: Int = 8,
        logger: Logger = Logger(label: "dsr.store", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws {
        self.url = url
        self.owner = owner
        self.logger = logger
        links = try PostgresLinks(url: url, capacity: capacity, logger: logger)
        try Self.migrate(url: url, owner: owner, links: links, logger: logger)
        let fingerprint = try links.with { link in
            try link.query("SELECT value FROM setting WHERE key = \(Vault.fingerprintSetting)").first?.decode(
                String.self)
        }
        let vault = try Vault.mode(key: vaultKey, fingerprint: fingerprint)
        vaultMode = Mutex(vault)
        logger.info(
            "opened database",
            metadata: ["database": "\(url.redacted)", "vault": "\(vault.isSealed ? "sealed" : "plain")"])
    }

    /// Applies the missing migrations, refusing a database of a newer dsr.
    private static func migrate(url: PostgresURL, owner: PostgresURL?, links: PostgresLinks, logger: Logger) throws {
        let applied = try links.with { try PostgresMigrator.applied($0) }
        if let unknown = applied.first(where: { !PostgresMigrator.names.contains($0) }) {
            throw PostgresFailure(
                kind: .refused, sqlState: nil,
                message: "the database was written by a newer dsr (migration '\(unknown)' unknown); update dsr")
        }
        guard applied.count < PostgresMigrator.names.count else { return }
        if let owner {
            let link = try PostgresLink.connect(owner, logger: logger)
            defer { link.close() }
            try PostgresMigrator.migrate(link, serverRole: url.user)
        } else {
            try links.with { try PostgresMigrator.migrate($0, serverRole: url.user) }
        }
    }

    /// Runs `script` outside a transaction as the owner role if the store has one, else on a
    /// connection of its own role.
    func executeAsOwner(script: String) throws {
        guard let owner else {
            return try links.with { link in try link.execute(script: script) }
        }
        let link = try PostgresLink.connect(owner, logger: logger)
        defer { link.close() }
        try link.execute(script: script)
    }

    /// Closes the connections.
    public func closeConnections() { links.close() }

    // MARK: - The vault

    var vault: Vault { vaultMode.withLock { $0 } }

    /// Remembers the vault mode a committed write left.
    func settleVault(_ mode: Vault) { vaultMode.withLock { $0 = mode } }

    public var vaultState: (sealed: Bool, readable: Bool) { vault.state }

    public var vaultKeyAwaitsAdoption: Bool { vault.awaitsAdoption }

    public func adoptVaultKey() throws {
        guard case .unsealed = vault else { return }
        try writeBatch { _, _ in }
    }

    /// The advisory lock under which a server adopts a vault key ("dsr" + 1, beside the
    /// migrations' lock).
    private static let vaultAdoptionLock: Int64 = 6_583_155

    /// The vault mode to write with inside the write transaction of `link`: a key not adopted
    /// yet is adopted there (stored and every plain text sealed), once across all servers.
    private func vaultForWriting(_ link: PostgresLink) throws -> Vault {
        guard case .unsealed(let key) = vault else { return vault }
        // Servers that start with a new key at once adopt it one after the other; the second
        // finds it adopted.
        try link.query("SELECT pg_advisory_xact_lock(\(Self.vaultAdoptionLock))")
        let stored = try link.query("SELECT value FROM setting WHERE key = \(Vault.fingerprintSetting)").first?
            .decode(String.self)
        let current = try Vault.mode(key: key, fingerprint: stored)
        guard case .unsealed = current else { return current }
        try link.query("INSERT INTO setting (key, value) VALUES (\(Vault.fingerprintSetting), \(key.fingerprint))")
        let rows = try link.query(
            """
            SELECT vault.event_id, vault.field, vault.content, vault_key.data_key FROM vault
            JOIN vault_key USING (event_id, field) WHERE vault.content IS NOT NULL AND NOT vault.sealed
            """)
        for row in rows {
            let (eventID, field, box, dataKey) = try row.decode((Int64, String, Data, Data).self)
            guard let plain = RecordCipher.decrypt(box, dataKey: dataKey, eventID: eventID, field: field) else {
                throw LedgerError.sealedRecordAltered(event: eventID)
            }
            let sealed = try RecordCipher.encrypt(
                try key.seal(plain, eventID: eventID, field: field), dataKey: dataKey, eventID: eventID, field: field)
            try link.query(
                "UPDATE vault SET content = \(sealed), sealed = true WHERE event_id = \(eventID) AND field = \(field)")
        }
        logger.info("sealed the vault with a new key")
        return .sealed(key)
    }

    // MARK: - Transactions

    /// Runs `body` in one write transaction with the shared use cases' batch over this
    /// database; a conflict runs it again from the start.
    @discardableResult
    func writeBatch<T>(_ body: (LedgerBatch, PostgresLink) throws -> T) throws -> T {
        var written: Vault?
        let result = try links.with { link in
            try link.transaction { link in
                let vault = try vaultForWriting(link)
                written = vault
                let batch = LedgerBatch(
                    PostgresStorage(link: link, chain: try PostgresChainWriter(vault: vault, in: link)), logger: logger)
                let result = try body(batch, link)
                try batch.finish()
                return result
            }
        }
        if let written { settleVault(written) }
        return result
    }

    /// Runs `body` in one transaction that does not touch the chain (sessions, credentials).
    @discardableResult
    func write<T>(_ body: (PostgresLink) throws -> T) throws -> T {
        try links.with { link in try link.transaction { try body($0) } }
    }

    /// Runs `body` in one read-only snapshot.
    func read<T>(_ body: (PostgresLink) throws -> T) throws -> T {
        try links.with { link in try link.transaction(.snapshot) { try body($0) } }
    }
}
