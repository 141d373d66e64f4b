import DSRCore
import DSRLedger
import Foundation
import GRDB
import GRDBSQLite

extension CaseStore {
    /// Walks the whole chain: every event's hash is recomputed from its stored columns and its
    /// link to the event before is checked; every vault record still holding personal data is
    /// checked against its event's commitment.
    ///
    /// Both checks are local to a row and its predecessor, so the chain is cut into ranges
    /// verified side by side on read-only connections of their own; the problem with the
    /// lowest event id is reported. Events appended while it runs
    /// lie beyond the head read at the start and are left for the next run.
    public func verify(parallelism: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> VerificationReport {
        // Connections of its own throughout, so it can run beside a long read on the pool.
        let headReader = try Self.readOnlyQueue(path: path)
        let (head, firstBeyondHead) = try headReader.read { db in
            (
                try ChainHeadRow.fetchOne(db),
                try Int64.fetchOne(
                    db, sql: "SELECT MIN(id) FROM event WHERE id > ?",
                    arguments: [(try ChainHeadRow.fetchOne(db))?.lastEventId ?? 0])
            )
        }
        let headID = head?.lastEventId ?? 0
        let path = self.path
        let vault = self.vault
        let report = try ChainVerification.run(
            head: head.map { ($0.lastEventId, $0.hash) }, firstBeyondHead: firstBeyondHead, parallelism: parallelism,
            check: { range in
                try Self.readOnlyQueue(path: path).read { db in
                    VerificationPart(
                        events: try Self.verifyEvents(range, headID: headID, db: db),
                        vault: try Self.verifyVault(range, vault: vault, db: db))
                }
            },
            lastHash: {
                try headReader.read { db in
                    try Data.fetchOne(db, sql: "SELECT hash FROM event WHERE id = ?", arguments: [headID])
                }
            })
        if report.isIntact {
            logger.info(
                "chain verified",
                metadata: [
                    "events": "\(report.events)", "erased": "\(report.purgedRecords)",
                    "sealedUnchecked": "\(report.sealedUnchecked)",
                ])
        }
        return report
    }

    /// Verifies the events with ids in `range` (`ChainCheck.events`).
    static func verifyEvents(_ range: ClosedRange<Int64>, headID: Int64, db: Database) throws -> VerificationPart {
        // The hash the next event must link to; nil when the event before the range is missing.
        let before =
            range.lowerBound == 1
            ? Chain.genesis
            : try Data.fetchOne(db, sql: "SELECT hash FROM event WHERE id = ?", arguments: [range.lowerBound - 1])
        let statement = try db.makeStatement(
            sql: """
                SELECT id, caseId, kind, payload, occurredAt, recordedAt, actor, prevHash, hash
                FROM event WHERE id BETWEEN ? AND ? ORDER BY id
                """)
        statement.arguments = [range.lowerBound, range.upperBound]
        return try ChainCheck.events(SQLiteRows(statement), range: range, before: before, headID: headID)
    }

    /// Checks the vault records of the events in `range` (`ChainCheck.vault`).
    static func verifyVault(_ range: ClosedRange<Int64>, vault: Vault, db: Database) throws -> VerificationPart {
        let statement = try db.makeStatement(
            sql: """
                SELECT vault.eventId, vault.field, vault.key, vault.content, event.payload, vault.sealed
                FROM vault JOIN event ON event.id = vault.eventId WHERE vault.eventId BETWEEN ? AND ?
                ORDER BY vault.eventId
                """)
        statement.arguments = [range.lowerBound, range.upperBound]
        return try ChainCheck.vault(SQLiteRows(statement), vault: vault)
    }

    /// A read-only connection of its own, for one verifier job.
    static func readOnlyQueue(path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        return try DatabaseQueue(path: path, configuration: configuration)
    }
}

/// Steps through a GRDB statement with SQLite's C API, handing out columns as bytes that stay
/// valid until the next step.
final class SQLiteRows: ChainRows {
    private let statement: Statement

    init(_ statement: Statement) {
        self.statement = statement
    }

    /// Moves to the next row; false at the end.
    func step() throws -> Bool {
        switch sqlite3_step(statement.sqliteStatement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw DSRStoreError.database(String(cString: sqlite3_errstr(code)))
        }
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement.sqliteStatement, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement.sqliteStatement, column) == SQLITE_NULL }

    /// A text or blob column's bytes (empty for NULL).
    func bytes(_ column: Int32) -> UnsafeRawBufferPointer {
        let handle = statement.sqliteStatement
        let pointer = sqlite3_column_blob(handle, column)
        return UnsafeRawBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
    }

    deinit { sqlite3_reset(statement.sqliteStatement) }
}
