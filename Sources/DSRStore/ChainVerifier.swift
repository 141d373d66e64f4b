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
        let rangeCount = Int64(max(1, min(parallelism * 2, 16)))
        let size = max(1, (headID + rangeCount - 1) / rangeCount)
        let ranges =
            headID == 0
            ? [] : stride(from: Int64(1), through: headID, by: Int(size)).map { $0...min($0 + size - 1, headID) }
        var results = [VerificationPart?](repeating: nil, count: ranges.count)
        var failures = [Error?](repeating: nil, count: ranges.count)
        let path = self.path
        let vault = self.vault
        results.withUnsafeMutableBufferPointer { resultSlots in
            failures.withUnsafeMutableBufferPointer { failureSlots in
                nonisolated(unsafe) let results = resultSlots
                nonisolated(unsafe) let failures = failureSlots
                DispatchQueue.concurrentPerform(iterations: ranges.count) { job in
                    do {
                        let reader = try Self.readOnlyQueue(path: path)
                        results[job] = try reader.read { db in
                            VerificationPart(
                                events: try Self.verifyEvents(ranges[job], headID: headID, db: db),
                                vault: try Self.verifyVault(ranges[job], vault: vault, db: db))
                        }
                    } catch {
                        failures[job] = error
                    }
                }
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        let parts = results.compactMap { $0 }
        var problems = parts.compactMap(\.problem)
        if let beyond = firstBeyondHead { problems.append((beyond, .inserted(event: beyond))) }
        let events = parts.reduce(0) { $0 + $1.events }
        let purged = parts.reduce(0) { $0 + $1.purged }
        let sealedUnchecked = parts.reduce(0) { $0 + $1.sealedUnchecked }
        let headHash = head?.hash.hexString ?? Chain.genesis.hexString
        if let first = problems.min(by: { $0.0 < $1.0 }) {
            return VerificationReport(
                events: events, head: headHash, purgedRecords: purged, sealedUnchecked: sealedUnchecked,
                problem: first.1)
        }
        let lastHash = try headReader.read { db in
            try Data.fetchOne(db, sql: "SELECT hash FROM event WHERE id = ?", arguments: [headID])
        }
        if headID > 0, lastHash != head?.hash {
            return VerificationReport(
                events: events, head: headHash, purgedRecords: purged, sealedUnchecked: sealedUnchecked,
                problem: .headMismatch(event: headID))
        }
        logger.info(
            "chain verified",
            metadata: ["events": "\(events)", "erased": "\(purged)", "sealedUnchecked": "\(sealedUnchecked)"])
        return VerificationReport(
            events: events, head: headHash, purgedRecords: purged, sealedUnchecked: sealedUnchecked, problem: nil)
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
