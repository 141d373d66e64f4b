import DSRCore
import DSRLedger
import Foundation
import GRDB
import Logging
import Synchronization

/// The case log in one SQLite file: events in a hash chain, personal data in the vault, one
/// projection row per case. Every write is one IMMEDIATE transaction, so concurrent `dsr`
/// processes queue (busy timeout) instead of failing, and a crash leaves nothing half-written.
/// Reads run on a pool of reader connections beside the writer (WAL): each read sees one
/// snapshot, and a long read (an export, a verification) blocks neither writers nor readers.
public final class CaseStore: Sendable {
    public let path: String
    /// Where the record lives: the database file.
    public var location: String { path }
    let pool: DatabasePool
    /// How the vault's texts are kept, and the key to open them if it was given; changes
    /// once, when the database adopts a key (under the lock, so every thread sees it).
    private let vaultMode: Mutex<Vault>
    /// Where the store says what it does; it never logs personal data or SQL arguments.
    public let logger: Logger

    /// How long a writer waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 30

    /// Opens the database at `path`, creating it (mode 0600, folder 0700) and migrating it.
    /// With a `vaultKey`, personal data is sealed; a database that has no key yet adopts it
    /// with its first write (or `adoptVaultKey`).
    public init(
        path: String, vaultKey: VaultKey? = nil,
        logger: Logger = Logger(label: "dsr.store", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws {
        self.path = path
        self.logger = logger
        try Self.prepareFile(at: path)
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(Self.busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Erased personal data is overwritten on disk, not merely unlinked.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try pool.read { db in
                let applied = try Migrations.migrator.appliedIdentifiers(db)
                let known = Set(Migrations.migrator.migrations)
                if let unknown = applied.first(where: { !known.contains($0) }) {
                    throw DSRStoreError.newerSchema(unknown)
                }
            }
            try Migrations.migrator.migrate(pool)
            let vault = try pool.read { db in try Vault.open(db, key: vaultKey) }
            vaultMode = Mutex(vault)
            logger.info(
                "opened database", metadata: ["path": "\(path)", "vault": "\(vault.isSealed ? "sealed" : "plain")"])
        } catch let error as DatabaseError {
            throw DSRStoreError.cannotOpen(
                path: path, reason: error.message ?? "SQLite error \(error.resultCode.rawValue)")
        }
    }

    /// Creates the folder (0700) and an empty file (0600) if they do not exist yet, so SQLite
    /// never creates them with the process's default permissions.
    private static func prepareFile(at path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let manager = FileManager.default
        if !manager.fileExists(atPath: folder) {
            do {
                try manager.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw DSRStoreError.cannotOpen(path: path, reason: "cannot create folder \(folder)")
            }
        }
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DSRStoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
    }

    /// Whether this database seals personal data, and whether this process can open it.
    public var vaultState: (sealed: Bool, readable: Bool) { vault.state }

    /// Whether the process holds a vault key this database has not adopted yet.
    public var vaultKeyAwaitsAdoption: Bool { vault.awaitsAdoption }

    /// Makes the database adopt the process's vault key now: stores its fingerprint and seals
    /// every text already stored, in one transaction. Does nothing if there is nothing to adopt.
    public func adoptVaultKey() throws {
        guard case .unsealed = vault else { return }
        settle(try write { db in try vaultForWriting(db) })
    }

    /// How the vault's texts are kept now.
    var vault: Vault { vaultMode.withLock { $0 } }

    /// The vault mode to write with inside the write transaction `db`: a key not adopted yet
    /// is adopted there (once, even when several writers of this process started with it).
    func vaultForWriting(_ db: Database) throws -> Vault {
        guard case .unsealed(let key) = vault else { return vault }
        var current = try Vault.open(db, key: key)
        if case .unsealed = current {
            current = try Vault.adopt(db, key: key)
            logger.info("sealed the vault with a new key")
        }
        return current
    }

    /// Remembers the vault mode a committed write left.
    func settle(_ vault: Vault) {
        vaultMode.withLock { $0 = vault }
    }

    /// Reads from the database once; throws if it cannot.
    public func checkReachable() throws {
        try pool.read { db in try db.execute(sql: "SELECT 1") }
    }

    /// The names of the migrations applied (the schema version).
    public func schemaVersion() throws -> [String] {
        try pool.read { db in try Migrations.migrator.appliedIdentifiers(db).sorted() }
    }

    // MARK: - Policies

    /// Stores a policy text (once per content hash); returns its hash.
    @discardableResult
    public func storePolicy(text: String, source: String, now: Instant, makeDefault: Bool = false) throws -> String {
        let hash = Chain.sha256Hex(text)
        try write { db in
            if try PolicyRow.fetchOne(db, key: hash) == nil {
                try PolicyRow(hash: hash, source: source, text: text, storedAt: now.secondsSinceEpoch).insert(db)
            }
            if makeDefault { try SettingRow(key: "policy", value: hash).save(db) }
        }
        return hash
    }

    /// The policy `dsr init` chose for this database, if any: its text and source.
    public func defaultPolicy() throws -> (text: String, source: String)? {
        try pool.read { db in
            guard let hash = try SettingRow.fetchOne(db, key: "policy")?.value,
                let row = try PolicyRow.fetchOne(db, key: hash)
            else { return nil }
            return (row.text, row.source)
        }
    }

    /// The text of a stored policy.
    public func policyText(hash: String) throws -> String {
        guard let row = try pool.read({ db in try PolicyRow.fetchOne(db, key: hash) }) else {
            throw LedgerError.missingPolicy(hash)
        }
        return row.text
    }

    // MARK: - Writing

    /// Runs `body` in one IMMEDIATE transaction; SQLite errors become store errors without
    /// their SQL arguments.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.write(body)
        } catch let error as DatabaseError {
            throw DSRStoreError.database(error.message ?? "SQLite error \(error.resultCode.rawValue)")
        }
    }
}

extension CaseStore {
    /// How many cases and events the database holds.
    public func counts() throws -> (cases: Int, events: Int) {
        try pool.read { db in
            (try ProjectionRow.fetchCount(db), try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM event") ?? 0)
        }
    }
}
