import DSRCore
import DSRLedger
import DSRStore
import Foundation

extension Session {
    /// A consistent copy of the database at `path` while others keep working; its SHA-256
    /// (returned) is recorded in the log. Never overwrites.
    public func backup(to path: String) throws -> String {
        try require(.makeBackup)
        return try AppError.mapping { try tracker.store.backup(to: path, actor: actor, now: now) }
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
                .badInput, "dsr restore replaces a SQLite file; a PostgreSQL tracker is restored with its own tools")
        }
        if FileManager.default.fileExists(atPath: path) {
            let current = try AppError.mapping { try CaseStore(path: path, logger: configuration.logger) }
            try Access(login: login, accounts: try AppError.mapping { try current.accounts() }).require(.restoreBackup)
        }
        return try AppError.mapping { try CaseStore.restore(from: file, to: path, now: now) }
    }
}
