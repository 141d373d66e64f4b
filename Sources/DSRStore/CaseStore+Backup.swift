import DSRCore
import DSRLedger
import Foundation
import GRDB

extension CaseStore {
    /// Copies the database to a new file with SQLite's online backup API, in one read
    /// transaction: a consistent snapshot while other processes keep writing. Never overwrites.
    public func writeBackup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw DSRStoreError.cannotOpen(path: path, reason: "the file exists; a backup never overwrites")
        }
        do {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            else {
                throw DSRStoreError.cannotOpen(path: path, reason: "cannot create the file")
            }
            let destination = try DatabaseQueue(path: path)
            try pool.backup(to: destination)
            try destination.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
            try destination.close()
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: path)
            throw DSRStoreError.cannotOpen(path: path, reason: error.message ?? "backup failed")
        }
    }

    /// Records that a backup with this SHA-256 was written, as an event of the tracker.
    public func recordBackup(sha256: String, actor: String, now: Instant) throws {
        try recordTrackerEvent(.backedUp(sha256: sha256), at: now, actor: actor, now: now)
        logger.info("backup written")
    }

    /// Closes the database's connections (a backup file written by copying is complete then).
    public func closeConnections() throws {
        try pool.close()
    }

    /// Replaces the database at `path` with a backup, after checking on a copy that the
    /// backup is a dsr database of a known schema whose chain verifies. The old file is kept
    /// beside it (`…-before-restore-<time>`); returns that path and the backup's verification.
    public static func restore(
        from backup: String, to path: String, now: Instant
    ) throws -> (keptAs: String?, report: VerificationReport) {
        let manager = FileManager.default
        guard manager.fileExists(atPath: backup) else {
            throw DSRStoreError.cannotOpen(path: backup, reason: "no such file")
        }
        let candidate = path + ".restoring"
        try? manager.removeItem(atPath: candidate)
        do {
            try manager.copyItem(atPath: backup, toPath: candidate)
        } catch {
            throw DSRStoreError.cannotOpen(path: candidate, reason: "cannot copy the backup")
        }
        let report: VerificationReport
        do {
            let store: CaseStore
            do {
                store = try CaseStore(path: candidate)
            } catch DSRStoreError.cannotOpen(_, let reason) {
                throw DSRStoreError.notABackup(backup, reason)
            }
            report = try store.verify()
            try store.pool.close()
            guard report.isIntact else {
                throw DSRStoreError.notABackup(backup, "its chain does not verify: \(report.problem!)")
            }
        } catch {
            try? manager.removeItem(atPath: candidate)
            throw error
        }
        var keptAs: String?
        if manager.fileExists(atPath: path) {
            let kept = path + "-before-restore-" + ISOFormat.utc(now).replacingOccurrences(of: ":", with: "")
            try manager.moveItem(atPath: path, toPath: kept)
            for suffix in ["-wal", "-shm"] where manager.fileExists(atPath: path + suffix) {
                try manager.moveItem(atPath: path + suffix, toPath: kept + suffix)
            }
            keptAs = kept
        }
        try manager.moveItem(atPath: candidate, toPath: path)
        for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: candidate + suffix) }
        return (keptAs, report)
    }
}
