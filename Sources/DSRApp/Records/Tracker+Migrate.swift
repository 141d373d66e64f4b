import DSRCore
import DSRLedger
import Foundation

/// What `dsr migrate` copied, as verified on the target.
public struct MigrationReport: Sendable {
    /// The target as messages name it (never a password).
    public var target: String
    public var cases: Int
    /// The target's chain, verified after the copy.
    public var verification: VerificationReport
}

extension Tracker {
    /// Copies the whole record of `source` into the empty database `target` — SQLite to
    /// PostgreSQL, PostgreSQL to SQLite, or either to its own kind — and verifies the copy
    /// before it reports success: its chain is intact and ends in the source's head. The
    /// source's staff accounts decide whether `login` may (as for a backup); the source is
    /// only read. A target file created here is removed again if the copy fails.
    public static func migrate(
        from source: TrackerConfiguration, to target: TrackerConfiguration, login: String
    ) throws -> MigrationReport {
        guard source.database != target.database else {
            throw AppError(.badInput, "the source and the target are the same database")
        }
        let from = try AppError.mapping { try openStore(source) }
        try Access(login: login, accounts: try AppError.mapping { try from.accounts() }).require(.makeBackup)
        var createdFile: String?
        if case .sqlite(let path) = target.database, !FileManager.default.fileExists(atPath: path) {
            createdFile = path
        }
        do {
            return try AppError.mapping {
                let to = try openStore(target)
                let outcome = try RecordCopier.copy(from: from, to: to)
                return MigrationReport(target: to.location, cases: outcome.cases, verification: outcome.report)
            }
        } catch {
            if let createdFile {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: createdFile + suffix) }
            }
            throw error
        }
    }
}
