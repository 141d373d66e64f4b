import DSRCore
import DSRLedger
import DSRStore
import Foundation
import Logging

extension Session {
    /// A consistent copy of the record at `path` as a SQLite file while others keep working
    /// (SQLite's online backup of a SQLite tracker, a row-for-row copy of a PostgreSQL one,
    /// verified); its SHA-256 (returned) is recorded in the log. Never overwrites.
    public func backup(to path: String) throws -> String {
        try require(.makeBackup)
        return try AppError.mapping {
            guard !FileManager.default.fileExists(atPath: path) else {
                throw AppError(.io, "\(path): the file exists; a backup never overwrites")
            }
            if let sqlite = tracker.store as? CaseStore {
                try sqlite.writeBackup(to: path)
            } else {
                try Tracker.copy(tracker.store, toNewSQLiteFile: path, logger: tracker.store.logger)
            }
            let hash = Chain.sha256(try Data(contentsOf: URL(fileURLWithPath: path))).hexString
            try tracker.store.recordBackup(sha256: hash, actor: actor, now: now)
            return hash
        }
    }
}

extension Tracker {
    /// Replaces the database of `configuration` with the backup at `file` after checking its
    /// schema and chain; the old file is kept (its new name is returned). The staff accounts of
    /// the database being replaced, if there is one, decide whether `login` may.
    public static func restore(
        _ configuration: TrackerConfiguration, from file: String, login: String, now: Instant
    ) throws -> (keptAs: String?, report: VerificationReport) {
        guard case .sqlite(let path) = configuration.database else {
            throw AppError(
                .badInput,
                "dsr restore replaces a SQLite file; restore a backup into PostgreSQL with dsr migrate --from sqlite:FILE"
            )
        }
        if FileManager.default.fileExists(atPath: path) {
            let current = try AppError.mapping { try CaseStore(path: path, logger: configuration.logger) }
            try Access(login: login, accounts: try AppError.mapping { try current.accounts() }).require(.restoreBackup)
        }
        return try AppError.mapping { try CaseStore.restore(from: file, to: path, now: now) }
    }

    /// Copies the whole record of `store` into a new SQLite file (0600) and verifies it; the
    /// file is removed again if anything fails.
    static func copy(_ store: any CaseRepository, toNewSQLiteFile path: String, logger: Logger) throws {
        do {
            let copy = try CaseStore(path: path, logger: logger)
            _ = try RecordCopier.copy(from: store, to: copy)
            try copy.closeConnections()
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
    }
}
